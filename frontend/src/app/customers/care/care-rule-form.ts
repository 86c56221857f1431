import { TrackingType } from '../tracking-api';
import {
  CARE_RULE_KINDS as CARE_KINDS,
  CareAssignee,
  CareRule,
  CareRuleInput,
  CareRuleKind,
} from './care-api';

/** What the care-rule drawer's form holds. */
export interface CareRuleFormValue {
  readonly name: string;
  readonly kind: CareRuleKind;
  readonly fieldKey: string | null;
  readonly daysBefore: number | null;
  readonly intervalDays: number | null;
  readonly trackingType: TrackingType | null;
  readonly daysAfter: number | null;
  readonly titleTemplate: string;
  readonly assignee: CareAssignee;
  readonly teamId: string | null;
  readonly tag: string;
  readonly customerStatus: 'active' | 'inactive' | null;
  readonly active: boolean;
}

/** The settings each kind of rule asks for. */
export const KIND_FIELDS: Readonly<Record<CareRuleKind, readonly (keyof CareRuleFormValue)[]>> = {
  anniversary: ['fieldKey', 'daysBefore'],
  periodic: ['intervalDays'],
  post_service: ['trackingType', 'daysAfter'],
};

/** The placeholders a title template may use. */
export const TITLE_PLACEHOLDERS = ['{name}', '{date}', '{years}'] as const;

/** A sensible title template and settings for a new rule of each kind. */
export function defaultsFor(kind: CareRuleKind): Partial<CareRuleFormValue> {
  switch (kind) {
    case 'anniversary':
      return { daysBefore: 3, titleTemplate: 'Birthday greeting for {name} ({date})' };
    case 'periodic':
      return { intervalDays: 30, titleTemplate: 'Regular callback to {name}' };
    case 'post_service':
      return {
        trackingType: 'visit',
        daysAfter: 3,
        titleTemplate: 'Follow up the service of {date} with {name}',
      };
  }
}

/**
 * What switching a new rule to another kind fills in: the kind's settings that are still empty,
 * and its title template unless the user wrote their own.
 */
export function newKindDefaults(
  kind: CareRuleKind,
  current: CareRuleFormValue,
): Partial<CareRuleFormValue> {
  const defaults = defaultsFor(kind);
  const stockTemplates = CARE_KINDS.map((k) => defaultsFor(k).titleTemplate);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (key === 'titleTemplate') {
      const template = current.titleTemplate.trim();
      if (!template || stockTemplates.includes(template)) patch[key] = value;
    } else if (current[key as keyof CareRuleFormValue] === null) {
      patch[key] = value;
    }
  }
  return patch as Partial<CareRuleFormValue>;
}

/** The form's value for a rule (or a new anniversary rule for the owner). */
export function formValueOf(rule: CareRule | null): CareRuleFormValue {
  if (!rule) {
    return {
      name: '',
      kind: 'anniversary',
      fieldKey: null,
      daysBefore: null,
      intervalDays: null,
      trackingType: null,
      daysAfter: null,
      titleTemplate: '',
      assignee: 'owner',
      teamId: null,
      tag: '',
      customerStatus: null,
      active: true,
      ...defaultsFor('anniversary'),
    };
  }
  return { ...rule, tag: rule.tag ?? '' };
}

/** The request body: only the kind's own settings are sent (the others as null), the tag trimmed. */
export function toRuleInput(value: CareRuleFormValue): CareRuleInput {
  const own = KIND_FIELDS[value.kind];
  const pick = <K extends keyof CareRuleFormValue>(key: K) =>
    own.includes(key) ? value[key] : null;
  const tag = value.tag.trim();
  return {
    name: value.name.trim(),
    kind: value.kind,
    fieldKey: pick('fieldKey') as string | null,
    daysBefore: pick('daysBefore') as number | null,
    intervalDays: pick('intervalDays') as number | null,
    trackingType: pick('trackingType') as TrackingType | null,
    daysAfter: pick('daysAfter') as number | null,
    titleTemplate: value.titleTemplate.trim(),
    assignee: value.assignee,
    teamId: value.teamId,
    tag: tag || null,
    customerStatus: value.customerStatus,
    active: value.active,
  };
}

/** The template with its placeholders filled in with sample values, as the task list would show it. */
export function previewTitle(
  template: string,
  sample: { name: string; date: string; years: number },
): string {
  return template
    .replaceAll('{name}', sample.name)
    .replaceAll('{date}', sample.date)
    .replaceAll('{years}', String(sample.years));
}

/** Placeholders in the template the server does not know ({customer} etc.). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{[^}]*\}/g)]
    .map((m) => m[0])
    .filter((p) => !(TITLE_PLACEHOLDERS as readonly string[]).includes(p));
}
