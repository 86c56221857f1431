import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { type CustomerField, listCustomerFields } from '#crm/actions/customer_fields'
import { CUSTOM_OPERATORS_OF, OPERATORS_OF, type SegmentCondition, type SegmentOperator, type SegmentRules } from '#crm/queries/segment_rules'
import { inSequence } from '#shared/in_sequence'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_LIST = 100

/** A condition as the request sent it (VineJS has checked the field and operator names only). */
interface RawCondition {
  field: SegmentCondition['field']
  operator: SegmentOperator
  key?: string
  value?: unknown
}

/** What the checks look up once per request: the tenant's custom fields, users and category values. */
interface Lookups {
  fields: Map<string, CustomerField>
  userIds: Set<string>
  valueIds: Set<string>
}

/**
 * Checks segment rules beyond their shape, per field and operator, and answers them normalised
 * (trimmed, de-duplicated, values dropped where the operator takes none). Every error is a 422
 * naming the exact place, e.g. `rules.conditions.2.value` or `rules.conditions.0.value.1`.
 */
export async function checkSegmentRules(scope: TenantScope, rules: { match: 'all' | 'any'; conditions: RawCondition[] }): Promise<SegmentRules> {
  const lookups = await lookupsFor(scope, rules.conditions)
  return { match: rules.match, conditions: rules.conditions.map((condition, i) => checkCondition(condition, `rules.conditions.${i}`, lookups)) }
}

async function lookupsFor(scope: TenantScope, conditions: RawCondition[]): Promise<Lookups> {
  const uuidsOf = (field: string) =>
    conditions.filter((c) => c.field === field && Array.isArray(c.value)).flatMap((c) => (c.value as unknown[]).filter((v): v is string => typeof v === 'string' && UUID.test(v)))
  const owners = uuidsOf('owner')
  const values = uuidsOf('category')
  const [fields, users, categoryValues] = await inSequence([
    listCustomerFields(scope),
    owners.length ? scope.trx.from('users').where('tenant_id', scope.tenantId).whereIn('id', owners).select('id') : [],
    values.length ? scope.trx.from('customer_category_values').where('tenant_id', scope.tenantId).whereIn('id', values).select('id') : [],
  ])
  return {
    fields: new Map(fields.map((f) => [f.key, f])),
    userIds: new Set(users.map((u: { id: string }) => u.id)),
    valueIds: new Set(categoryValues.map((v: { id: string }) => v.id)),
  }
}

function checkCondition(condition: RawCondition, path: string, lookups: Lookups): SegmentCondition {
  const { field, operator } = condition
  const fail = (where: string, rule: string, message: string) => new FieldError(`${path}.${where}`, rule, message)
  if (field === 'customField') {
    if (!condition.key) throw fail('key', 'required', 'Name the custom field')
    const definition = lookups.fields.get(condition.key)
    if (!definition) throw fail('key', 'exists', `There is no custom field "${condition.key}"`)
    if (!CUSTOM_OPERATORS_OF[definition.type].includes(operator)) {
      throw fail('operator', 'in', `A ${definition.type} field takes one of: ${CUSTOM_OPERATORS_OF[definition.type].join(', ')}`)
    }
    const value = customValue(definition, operator, condition.value, `${path}.value`)
    return value === undefined ? { field, operator, key: definition.key } : { field, operator, key: definition.key, value }
  }
  if (!OPERATORS_OF[field].includes(operator)) throw fail('operator', 'in', `${field} takes one of: ${OPERATORS_OF[field].join(', ')}`)
  const value = builtInValue(condition, `${path}.value`, lookups)
  return value === undefined ? { field, operator } : { field, operator, value }
}

const failAt = (path: string, rule: string, message: string) => new FieldError(path, rule, message)

function builtInValue({ field, operator, value }: RawCondition, path: string, lookups: Lookups): unknown {
  if (operator === 'empty' || operator === 'notEmpty') return undefined
  switch (field) {
    case 'status':
      return oneOf(value, ['active', 'inactive'], path)
    case 'kind':
      return oneOf(value, ['person', 'organisation'], path)
    case 'owner':
      return listOf(value, path, (v, at) => {
        if (typeof v !== 'string' || !UUID.test(v) || !lookups.userIds.has(v)) throw failAt(at, 'exists', 'There is no such user in your organisation')
        return v
      })
    case 'category':
      return listOf(value, path, (v, at) => {
        if (typeof v !== 'string' || !UUID.test(v) || !lookups.valueIds.has(v)) throw failAt(at, 'exists', 'There is no such category value')
        return v
      })
    case 'tags':
      return listOf(value, path, (v, at) => text(v, at, 40))
    case 'source':
      return operator === 'in' ? listOf(value, path, (v, at) => text(v, at, 64)) : text(value, path, 64)
    case 'createdAt':
    case 'updatedAt':
      return dateValue(operator, value, path)
    case 'hasPhone':
    case 'hasEmail':
      if (typeof value !== 'boolean') throw failAt(path, 'boolean', 'Answer true or false')
      return value
    default:
      return undefined
  }
}

function customValue(field: CustomerField, operator: SegmentOperator, value: unknown, path: string): unknown {
  if (operator === 'empty' || operator === 'notEmpty') return undefined
  switch (field.type) {
    case 'text':
      return text(value, path, 2000)
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw failAt(path, 'number', 'Give a number')
      return value
    case 'date':
      return dateValue(operator, value, path)
    case 'choice':
    case 'multi_choice':
      if (operator === 'in') return listOf(value, path, (v, at) => oneOf(v, field.options, at))
      return oneOf(value, field.options, path)
  }
}

function dateValue(operator: SegmentOperator, value: unknown, path: string): unknown {
  if (operator === 'withinLastDays') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 3650) throw failAt(path, 'range', 'Give a whole number of days from 1 to 3650')
    return value
  }
  if (operator === 'between') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw failAt(path, 'object', 'Give { from, to } dates written YYYY-MM-DD')
    const range = value as Record<string, unknown>
    const from = date(range.from, `${path}.from`)
    const to = date(range.to, `${path}.to`)
    if (to < from) throw failAt(`${path}.to`, 'afterOrEqual', 'The end comes before the start')
    return { from, to }
  }
  return date(value, path)
}

function date(value: unknown, path: string): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw failAt(path, 'date', 'Give a date written YYYY-MM-DD')
  }
  return value
}

function text(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string' || !value.trim()) throw failAt(path, 'string', 'Give some text')
  if (value.trim().length > max) throw failAt(path, 'maxLength', `At most ${max} characters`)
  return value.trim()
}

function oneOf(value: unknown, allowed: string[], path: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) throw failAt(path, 'in', `Choose one of: ${allowed.join(', ')}`)
  return value
}

/** A non-empty list (at most 100) of checked items, duplicates dropped. */
function listOf<T>(value: unknown, path: string, item: (v: unknown, at: string) => T): T[] {
  if (!Array.isArray(value) || value.length === 0) throw failAt(path, 'array', 'Give a list of at least one value')
  if (value.length > MAX_LIST) throw failAt(path, 'maxLength', `At most ${MAX_LIST} values`)
  return [...new Set(value.map((v, i) => item(v, `${path}.${i}`)))]
}
