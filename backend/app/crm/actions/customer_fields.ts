import { newId } from '#shared/ids'
import { FieldError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'

/** The kinds of value a custom field holds. */
export type CustomerFieldType = 'text' | 'number' | 'date' | 'choice' | 'multi_choice'

/** A tenant-defined custom field of customers, as the API answers it. */
export interface CustomerField {
  id: string
  key: string
  label: string
  type: CustomerFieldType
  options: string[]
  required: boolean
  position: number
}

function toField(row: Record<string, any>): CustomerField {
  return { id: row.id, key: row.key, label: row.label, type: row.type, options: row.options, required: row.required, position: row.position }
}

/** The tenant's custom fields in display order. */
export async function listCustomerFields(scope: TenantScope): Promise<CustomerField[]> {
  const rows = await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).orderBy([{ column: 'position' }, { column: 'key' }])
  return rows.map(toField)
}

/** One custom field, or 404. */
export async function findCustomerField(scope: TenantScope, id: string): Promise<CustomerField> {
  const row = await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Customer field')
  return toField(row)
}

/** Choice fields need options; other types have none. */
function checkOptions(type: CustomerFieldType, options: string[]) {
  const choice = type === 'choice' || type === 'multi_choice'
  if (choice && options.length === 0) throw new FieldError('options', 'required', 'A choice field needs at least one option')
  if (!choice && options.length > 0) throw new FieldError('options', 'notAllowed', 'Only choice fields have options')
}

/** Defines a custom field; its key is unique in the tenant and never changes. */
export async function createCustomerField(
  scope: TenantScope,
  input: { key: string; label: string; type: CustomerFieldType; options?: string[]; required?: boolean; position?: number }
) {
  const options = input.options ?? []
  checkOptions(input.type, options)
  const taken = await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).where('key', input.key).first()
  if (taken) throw new FieldError('key', 'unique', 'A field with this key already exists')
  const position = input.position ?? Number((await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).max('position as p').first())?.p ?? 0) + 1
  const id = newId()
  await scope.trx.table('customer_fields').insert({
    tenant_id: scope.tenantId, id, key: input.key, label: input.label, type: input.type, options, required: input.required ?? false, position,
  })
  await recordEvent(scope, { type: 'customer_field.created', entityType: 'customer_field', entityId: id, payload: { key: input.key, type: input.type } })
  return findCustomerField(scope, id)
}

/** Changes a field's label, options, whether it is required, or its place; key and type stay. */
export async function updateCustomerField(scope: TenantScope, id: string, input: { label?: string; options?: string[]; required?: boolean; position?: number }) {
  const current = await findCustomerField(scope, id)
  if (input.options !== undefined) checkOptions(current.type, input.options)
  const changes: Record<string, unknown> = {}
  if (input.label !== undefined) changes.label = input.label
  if (input.options !== undefined) changes.options = input.options
  if (input.required !== undefined) changes.required = input.required
  if (input.position !== undefined) changes.position = input.position
  if (Object.keys(changes).length) {
    await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).where('id', id).update({ ...changes, updated_at: new Date() })
  }
  await recordEvent(scope, { type: 'customer_field.updated', entityType: 'customer_field', entityId: id, payload: { key: current.key, changed: Object.keys(changes) } })
  return findCustomerField(scope, id)
}

/** Deletes a field and its values on every customer. */
export async function deleteCustomerField(scope: TenantScope, id: string) {
  const current = await findCustomerField(scope, id)
  await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).where('id', id).delete()
  await scope.trx.rawQuery('update customers set custom_fields = custom_fields - ?::text where tenant_id = ? and jsonb_exists(custom_fields, ?::text)', [current.key, scope.tenantId, current.key])
  await recordEvent(scope, { type: 'customer_field.deleted', entityType: 'customer_field', entityId: id, payload: { key: current.key } })
  return current
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Checks one value against its field; the error names `customFields.<key>`. */
export function checkCustomValue(field: CustomerField, value: unknown): unknown {
  const fail = (rule: string, message: string) => new FieldError(`customFields.${field.key}`, rule, message)
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') throw fail('string', 'This field takes text')
      if (value.length > 2000) throw fail('maxLength', 'At most 2000 characters')
      return value
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('number', 'This field takes a number')
      return value
    case 'date': {
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
        throw fail('date', 'This field takes a date written YYYY-MM-DD')
      }
      return value
    }
    case 'choice':
      if (typeof value !== 'string' || !field.options.includes(value)) throw fail('in', `Choose one of: ${field.options.join(', ')}`)
      return value
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !field.options.includes(v))) throw fail('in', `Choose any of: ${field.options.join(', ')}`)
      if (new Set(value).size !== value.length) throw fail('distinct', 'An option is chosen twice')
      return value
    }
  }
}

export function isEmptyValue(value: unknown) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

/**
 * Merges given custom-field values into the current ones (null removes a value) and checks the
 * result against the tenant's definitions: unknown keys, wrong types and missing required values
 * are 422s on `customFields.<key>`.
 */
export async function resolveCustomFields(scope: TenantScope, current: Record<string, unknown>, given: Record<string, unknown>) {
  const fields = await listCustomerFields(scope)
  const byKey = new Map(fields.map((f) => [f.key, f]))
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(current)) if (byKey.has(key)) result[key] = value
  for (const [key, value] of Object.entries(given)) {
    const field = byKey.get(key)
    if (!field) throw new FieldError(`customFields.${key}`, 'exists', `There is no custom field "${key}"`)
    if (isEmptyValue(value)) delete result[key]
    else result[key] = checkCustomValue(field, value)
  }
  for (const field of fields) {
    if (field.required && isEmptyValue(result[field.key])) throw new FieldError(`customFields.${field.key}`, 'required', `${field.label} is required`)
  }
  return result
}
