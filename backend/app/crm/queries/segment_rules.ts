import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { likeEscape } from '#shared/pagination'
import type { CustomerFieldType } from '#crm/actions/customer_fields'

/** What a segment condition looks at. */
export type SegmentField =
  | 'status'
  | 'kind'
  | 'owner'
  | 'tags'
  | 'category'
  | 'source'
  | 'createdAt'
  | 'updatedAt'
  | 'customField'
  | 'hasPhone'
  | 'hasEmail'

/** How a condition compares; which ones a field takes is in OPERATORS_OF (custom fields: CUSTOM_OPERATORS_OF). */
export type SegmentOperator =
  | 'is'
  | 'isNot'
  | 'in'
  | 'notIn'
  | 'hasAny'
  | 'hasAll'
  | 'hasNone'
  | 'equals'
  | 'contains'
  | 'greaterThan'
  | 'lessThan'
  | 'before'
  | 'after'
  | 'between'
  | 'withinLastDays'
  | 'empty'
  | 'notEmpty'

export const SEGMENT_FIELDS: readonly SegmentField[] = ['status', 'kind', 'owner', 'tags', 'category', 'source', 'createdAt', 'updatedAt', 'customField', 'hasPhone', 'hasEmail']
export const SEGMENT_OPERATORS: readonly SegmentOperator[] = [
  'is', 'isNot', 'in', 'notIn', 'hasAny', 'hasAll', 'hasNone', 'equals', 'contains', 'greaterThan', 'lessThan', 'before', 'after', 'between', 'withinLastDays', 'empty', 'notEmpty',
]

/** The operators of each built-in field. */
export const OPERATORS_OF: Record<Exclude<SegmentField, 'customField'>, readonly SegmentOperator[]> = {
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
}

/** The operators of a custom field, by its type. */
export const CUSTOM_OPERATORS_OF: Record<CustomerFieldType, readonly SegmentOperator[]> = {
  text: ['equals', 'contains', 'empty', 'notEmpty'],
  number: ['equals', 'greaterThan', 'lessThan', 'empty', 'notEmpty'],
  date: ['equals', 'before', 'after', 'between', 'empty', 'notEmpty'],
  choice: ['equals', 'in', 'empty', 'notEmpty'],
  multi_choice: ['contains', 'in', 'empty', 'notEmpty'],
}

/** One condition of a segment, checked and normalised (see validateSegmentRules). */
export interface SegmentCondition {
  field: SegmentField
  operator: SegmentOperator
  /** The custom field's key (field `customField` only). */
  key?: string
  /** Absent for `empty`/`notEmpty`; a list for in/hasAny/…; `{ from, to }` for between; dates are YYYY-MM-DD. */
  value?: unknown
}

/** A segment's rules: all or any of the conditions (none at all matches every customer). */
export interface SegmentRules {
  match: 'all' | 'any'
  conditions: SegmentCondition[]
}

/** A piece of SQL with `?` placeholders and its values, in order. */
export interface SqlFragment {
  sql: string
  bindings: unknown[]
}

const COLUMN_OF = { createdAt: 'c.created_at', updatedAt: 'c.updated_at' } as const
/** Start of a calendar day (YYYY-MM-DD) in the tenant's time zone. */
const DAY_START = `(?::date)::timestamp at time zone (select tz.time_zone from tenants tz where tz.id = c.tenant_id)`

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ')
const fragment = (sql: string, ...bindings: unknown[]): SqlFragment => ({ sql, bindings })
const asList = (value: unknown) => value as unknown[]
const asRange = (value: unknown) => value as { from: string; to: string }

/**
 * Compiles checked rules into one parameterised SQL condition on a customer query aliased `c`.
 * Values only ever travel as bindings; column names and operators come from fixed tables here.
 */
export function compileSegmentRules(rules: SegmentRules, fieldTypes: Map<string, CustomerFieldType>): SqlFragment {
  if (!rules.conditions.length) return fragment('true')
  const parts = rules.conditions.map((condition) => compileCondition(condition, fieldTypes))
  return {
    sql: parts.map((p) => `(${p.sql})`).join(rules.match === 'all' ? ' and ' : ' or '),
    bindings: parts.flatMap((p) => p.bindings),
  }
}

function compileCondition(condition: SegmentCondition, fieldTypes: Map<string, CustomerFieldType>): SqlFragment {
  const { field, operator, value } = condition
  switch (field) {
    case 'status':
    case 'kind':
      return fragment(`c.${field} ${operator === 'is' ? '=' : '<>'} ?`, value)
    case 'owner':
      if (operator === 'empty') return fragment('c.owner_id is null')
      if (operator === 'notEmpty') return fragment('c.owner_id is not null')
      if (operator === 'in') return fragment(`c.owner_id in (${placeholders(asList(value))})`, ...asList(value))
      return fragment(`(c.owner_id is null or c.owner_id not in (${placeholders(asList(value))}))`, ...asList(value))
    case 'tags': {
      if (operator === 'empty') return fragment('cardinality(c.tags) = 0')
      if (operator === 'notEmpty') return fragment('cardinality(c.tags) > 0')
      const list = `array[${placeholders(asList(value))}]::text[]`
      if (operator === 'hasAll') return fragment(`c.tags @> ${list}`, ...asList(value))
      return fragment(`${operator === 'hasNone' ? 'not ' : ''}(c.tags && ${list})`, ...asList(value))
    }
    case 'category': {
      const ids = asList(value)
      const assigned = `from customer_categories cc where cc.tenant_id = c.tenant_id and cc.customer_id = c.id and cc.value_id in (${placeholders(ids)})`
      if (operator === 'hasAll') return fragment(`(select count(*) ${assigned}) = ?`, ...ids, ids.length)
      return fragment(`${operator === 'hasNone' ? 'not ' : ''}exists (select 1 ${assigned})`, ...ids)
    }
    case 'source':
      return compileText('c.source', operator, value)
    case 'createdAt':
    case 'updatedAt':
      return compileTimestamp(COLUMN_OF[field], operator, value)
    case 'hasPhone':
    case 'hasEmail': {
      const table = field === 'hasPhone' ? 'customer_phones' : 'customer_emails'
      return fragment(`${value ? '' : 'not '}exists (select 1 from ${table} x where x.tenant_id = c.tenant_id and x.customer_id = c.id)`)
    }
    case 'customField':
      return compileCustomField(condition.key!, fieldTypes.get(condition.key!) ?? 'text', operator, value)
  }
}

function compileText(column: string, operator: SegmentOperator, value: unknown): SqlFragment {
  switch (operator) {
    case 'empty':
      return fragment(`coalesce(${column}, '') = ''`)
    case 'notEmpty':
      return fragment(`coalesce(${column}, '') <> ''`)
    case 'contains':
      return fragment(`${column} ilike ?`, `%${likeEscape(String(value))}%`)
    case 'in':
      return fragment(`${column} in (${placeholders(asList(value))})`, ...asList(value))
    default:
      return fragment(`${column} = ?`, value)
  }
}

function compileTimestamp(column: string, operator: SegmentOperator, value: unknown): SqlFragment {
  switch (operator) {
    case 'before':
      return fragment(`${column} < ${DAY_START}`, value)
    case 'after':
      return fragment(`${column} >= ${DAY_START} + interval '1 day'`, value)
    case 'between':
      return fragment(`${column} >= ${DAY_START} and ${column} < ${DAY_START} + interval '1 day'`, asRange(value).from, asRange(value).to)
    default:
      return fragment(`${column} >= now() - make_interval(days => ?::int)`, value)
  }
}

/**
 * Custom fields live in the `custom_fields` jsonb column. Equality and option tests are containment
 * tests (`@> {"key": value}`) so the GIN index serves them; the key is a binding like every value.
 */
function compileCustomField(key: string, type: CustomerFieldType, operator: SegmentOperator, value: unknown): SqlFragment {
  const has = (v: unknown) => fragment('c.custom_fields @> ?::jsonb', JSON.stringify({ [key]: v }))
  const anyOf = (parts: SqlFragment[]) => ({ sql: parts.map((p) => `(${p.sql})`).join(' or '), bindings: parts.flatMap((p) => p.bindings) })
  const text = `(c.custom_fields ->> ?)`
  switch (operator) {
    case 'empty':
      return fragment('(c.custom_fields -> ?) is null', key)
    case 'notEmpty':
      return fragment('(c.custom_fields -> ?) is not null', key)
    case 'equals':
      return has(value)
    case 'contains':
      // A multi-choice value holds the option; a text value holds the substring.
      if (type === 'multi_choice') return has([value])
      return fragment(`${text} ilike ?`, key, `%${likeEscape(String(value))}%`)
    case 'in':
      return anyOf(asList(value).map((option) => has(type === 'multi_choice' ? [option] : option)))
    case 'greaterThan':
    case 'lessThan': {
      const number = `case when jsonb_typeof(c.custom_fields -> ?) = 'number' then ${text}::numeric end`
      return fragment(`${number} ${operator === 'greaterThan' ? '>' : '<'} ?::numeric`, key, key, value)
    }
    case 'before':
      return fragment(`${text} < ?`, key, value)
    case 'after':
      return fragment(`${text} > ?`, key, value)
    default:
      return fragment(`${text} between ? and ?`, key, asRange(value).from, asRange(value).to)
  }
}

/** The type of each custom field by key; a condition on a deleted field then reads it as empty text. */
export async function customFieldTypes(scope: TenantScope): Promise<Map<string, CustomerFieldType>> {
  const rows = await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).select('key', 'type')
  return new Map(rows.map((r) => [r.key as string, r.type as CustomerFieldType]))
}

/** The compiled rules of a segment (404 for a segment missing or of another tenant). */
export async function segmentFilterOf(scope: TenantScope, segmentId: string): Promise<SqlFragment> {
  const row = await scope.trx.from('customer_segments').where('tenant_id', scope.tenantId).where('id', segmentId).select('rules').first()
  if (!row) throw notFound('Segment')
  return compileSegmentRules(row.rules as SegmentRules, await customFieldTypes(scope))
}
