import { Params } from '@angular/router';
import { RangePreset } from './datacenter-models';
import { CalendarDate, isCalendarDate, RANGE_PRESETS } from './time-range';

/** What the page shows: a range (a preset, or custom days) and queue/agent filters. */
export interface DatacenterFilters {
  /** Null for custom days (`fromDate`..`toDate`). */
  readonly preset: RangePreset | null;
  readonly fromDate: CalendarDate | null;
  readonly toDate: CalendarDate | null;
  readonly queueIds: readonly string[];
  readonly agentIds: readonly string[];
}

/** The view a fresh visit opens: the last 7 days of every queue and agent. */
export const DEFAULT_FILTERS: DatacenterFilters = {
  preset: 'last_7_days',
  fromDate: null,
  toDate: null,
  queueIds: [],
  agentIds: [],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of a `a,b` query value; anything that is no id is dropped. */
function idList(value: unknown): string[] {
  if (typeof value !== 'string' || value === '') return [];
  return [...new Set(value.split(',').filter((id) => UUID.test(id)))];
}

/** The URL query of a view, so it can be shared and bookmarked (empty filters are left out). */
export function toViewQuery(filters: DatacenterFilters, reportId: string | null = null): Params {
  const custom = filters.preset === null && filters.fromDate && filters.toDate;
  return {
    range: custom ? 'custom' : (filters.preset ?? DEFAULT_FILTERS.preset),
    from: custom ? filters.fromDate : null,
    to: custom ? filters.toDate : null,
    queues: filters.queueIds.length ? filters.queueIds.join(',') : null,
    agents: filters.agentIds.length ? filters.agentIds.join(',') : null,
    report: reportId,
  };
}

/** The view of a URL query; unknown or broken values fall back to the defaults. */
export function fromViewQuery(params: Params): {
  filters: DatacenterFilters;
  reportId: string | null;
} {
  const range = params['range'];
  const preset = RANGE_PRESETS.find((p) => p === range) ?? null;
  const custom =
    range === 'custom' && isCalendarDate(params['from']) && isCalendarDate(params['to']);
  const base = custom
    ? { preset: null, fromDate: params['from'] as string, toDate: params['to'] as string }
    : { preset: preset ?? DEFAULT_FILTERS.preset, fromDate: null, toDate: null };
  const report = params['report'];
  return {
    filters: { ...base, queueIds: idList(params['queues']), agentIds: idList(params['agents']) },
    reportId: typeof report === 'string' && UUID.test(report) ? report : null,
  };
}
