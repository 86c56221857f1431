import { AuditFilters, AuditResult } from './audit-api';

/** What the filter bar holds: a day range rather than timestamps. */
export interface AuditFilterForm {
  readonly actor: string;
  readonly action: string;
  readonly result: AuditResult | null;
  readonly range: Date[] | null;
}

/** Turns the filter bar into API filters: whole days, from local midnight to the end of the last day. */
export function toAuditFilters(form: AuditFilterForm): AuditFilters {
  const [start, end] = form.range ?? [];
  const from = start ? new Date(start.getFullYear(), start.getMonth(), start.getDate()) : null;
  const to = end
    ? new Date(end.getFullYear(), end.getMonth(), end.getDate(), 23, 59, 59, 999)
    : null;
  return {
    actor: form.actor.trim(),
    action: form.action.trim(),
    result: form.result,
    from: from ? from.toISOString() : null,
    to: to ? to.toISOString() : null,
  };
}
