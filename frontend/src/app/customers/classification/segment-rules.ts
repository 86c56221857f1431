import { CustomerField, CustomFieldType } from '../customers-api';
import {
  ConditionValue,
  SegmentCondition,
  SegmentField,
  SegmentOperator,
  SegmentRules,
} from './classification-api';

/** The fields a condition can look at, in the order the rule builder offers them. */
export const SEGMENT_FIELDS: readonly SegmentField[] = [
  'status',
  'kind',
  'owner',
  'tags',
  'category',
  'source',
  'createdAt',
  'updatedAt',
  'hasPhone',
  'hasEmail',
  'customField',
];

const BUILT_IN_OPERATORS: Record<
  Exclude<SegmentField, 'customField'>,
  readonly SegmentOperator[]
> = {
  status: ['is', 'isNot'],
  kind: ['is', 'isNot'],
  owner: ['in', 'notIn', 'empty', 'notEmpty'],
  tags: ['hasAny', 'hasAll', 'hasNone', 'empty', 'notEmpty'],
  category: ['hasAny', 'hasAll', 'hasNone'],
  source: ['equals', 'contains', 'in', 'empty', 'notEmpty'],
  createdAt: ['before', 'after', 'between', 'withinLastDays'],
  updatedAt: ['before', 'after', 'between', 'withinLastDays'],
  hasPhone: ['is'],
  hasEmail: ['is'],
};

const CUSTOM_OPERATORS: Record<CustomFieldType, readonly SegmentOperator[]> = {
  text: ['equals', 'contains', 'empty', 'notEmpty'],
  number: ['equals', 'greaterThan', 'lessThan', 'empty', 'notEmpty'],
  date: ['equals', 'before', 'after', 'between', 'empty', 'notEmpty'],
  choice: ['equals', 'in', 'empty', 'notEmpty'],
  multi_choice: ['contains', 'in', 'empty', 'notEmpty'],
};

/** What input a condition's value needs in the rule builder. */
export type ValueInput =
  | 'none'
  | 'status'
  | 'kind'
  | 'owners'
  | 'tags'
  | 'categories'
  | 'text'
  | 'texts'
  | 'number'
  | 'date'
  | 'range'
  | 'days'
  | 'boolean'
  | 'option'
  | 'options';

/** The operators a condition may use, given the custom fields (an unknown custom field offers none). */
export function operatorsOf(
  condition: Pick<SegmentCondition, 'field' | 'key'>,
  fields: readonly CustomerField[],
): readonly SegmentOperator[] {
  if (condition.field !== 'customField') return BUILT_IN_OPERATORS[condition.field];
  const field = fields.find((f) => f.key === condition.key);
  return field ? CUSTOM_OPERATORS[field.type] : [];
}

/** The input the value of a condition needs. */
export function valueInputOf(
  condition: Pick<SegmentCondition, 'field' | 'key' | 'operator'>,
  fields: readonly CustomerField[],
): ValueInput {
  const { field, operator } = condition;
  if (operator === 'empty' || operator === 'notEmpty') return 'none';
  switch (field) {
    case 'status':
      return 'status';
    case 'kind':
      return 'kind';
    case 'owner':
      return 'owners';
    case 'tags':
      return 'tags';
    case 'category':
      return 'categories';
    case 'source':
      return operator === 'in' ? 'texts' : 'text';
    case 'createdAt':
    case 'updatedAt':
      return dateInput(operator);
    case 'hasPhone':
    case 'hasEmail':
      return 'boolean';
    case 'customField': {
      const type = fields.find((f) => f.key === condition.key)?.type;
      if (type === 'number') return 'number';
      if (type === 'date') return dateInput(operator);
      if (type === 'choice' || type === 'multi_choice')
        return operator === 'in' ? 'options' : 'option';
      return 'text';
    }
  }
}

function dateInput(operator: SegmentOperator): ValueInput {
  if (operator === 'between') return 'range';
  if (operator === 'withinLastDays') return 'days';
  return 'date';
}

/** A sensible starting value for an input, so a new condition is valid as soon as it is sensible. */
export function defaultValueOf(input: ValueInput): ConditionValue | undefined {
  switch (input) {
    case 'none':
      return undefined;
    case 'status':
      return 'active';
    case 'kind':
      return 'person';
    case 'boolean':
      return true;
    case 'days':
      return 30;
    case 'owners':
    case 'tags':
    case 'categories':
    case 'texts':
    case 'options':
      return [];
    case 'range':
      return { from: '', to: '' };
    case 'number':
      return 0;
    default:
      return '';
  }
}

/** True when a value has the shape an input edits (a list for a multi-select, a number for a number…). */
function fits(input: ValueInput, value: ConditionValue | undefined): boolean {
  switch (input) {
    case 'none':
      return value === undefined;
    case 'number':
    case 'days':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'owners':
    case 'tags':
    case 'categories':
    case 'texts':
    case 'options':
      return Array.isArray(value);
    case 'range':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === 'string';
  }
}

/**
 * The condition after its field, key or operator changed (`previous` is how it was): the operator
 * falls back to the first one the field offers, and the value is kept only while the kind of input
 * stays and the value still fits it.
 */
export function adjustCondition(
  condition: SegmentCondition,
  fields: readonly CustomerField[],
  previous: SegmentCondition = condition,
): SegmentCondition {
  const operators = operatorsOf(condition, fields);
  const operator = operators.includes(condition.operator)
    ? condition.operator
    : (operators[0] ?? 'equals');
  const { key, ...rest } = { ...condition, operator };
  const shaped: SegmentCondition = condition.field === 'customField' ? { ...rest, key } : rest;
  const input = valueInputOf(shaped, fields);
  if (input === 'none') return withoutValue(shaped);
  const keep =
    previous.key === shaped.key &&
    valueInputOf(previous, fields) === input &&
    fits(input, condition.value);
  return { ...shaped, value: keep ? condition.value : defaultValueOf(input) };
}

function withoutValue(condition: SegmentCondition): SegmentCondition {
  const { value: _value, ...rest } = condition;
  return rest;
}

/** A new condition on a field. */
export function newCondition(
  field: SegmentField,
  fields: readonly CustomerField[],
): SegmentCondition {
  const key = field === 'customField' ? fields[0]?.key : undefined;
  return adjustCondition({ field, operator: 'is', ...(key ? { key } : {}) }, fields);
}

/** Rules as the API takes them: conditions without a value for empty/notEmpty. */
export function toRulesBody(rules: SegmentRules, fields: readonly CustomerField[]): SegmentRules {
  return {
    match: rules.match,
    conditions: rules.conditions.map((condition) =>
      valueInputOf(condition, fields) === 'none' ? withoutValue(condition) : condition,
    ),
  };
}

/** The index of the condition a 422 names (`rules.conditions.2.value` → 2), or null. */
export function conditionIndexOf(field: string): number | null {
  const match = /^rules\.conditions\.(\d+)/.exec(field);
  return match ? Number(match[1]) : null;
}
