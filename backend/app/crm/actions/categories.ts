import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { type CategoryGroup, type CategoryValue, findCategoryGroup, findCategoryValue } from '#crm/queries/category_query'
import { type Customer, type CustomerViewer, findCustomer } from '#crm/queries/customer_query'

const DEFAULT_COLOUR = '#1677ff'

/** Inputs of a category group; on update every field is optional. */
export interface CategoryGroupInput {
  name?: string
  description?: string | null
  exclusive?: boolean
  position?: number
}

/** Inputs of a category value. */
export interface CategoryValueInput {
  name?: string
  colour?: string
  position?: number
}

async function nextPosition(scope: TenantScope, table: string, where: Record<string, string> = {}) {
  const row = await scope.trx.from(table).where('tenant_id', scope.tenantId).where(where).max('position as p').first()
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1
}

async function checkGroupName(scope: TenantScope, name: string, exceptId?: string) {
  const query = scope.trx.from('customer_category_groups').where('tenant_id', scope.tenantId).whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw new FieldError('name', 'unique', 'A category group with this name already exists')
}

async function checkValueName(scope: TenantScope, groupId: string, name: string, field: string, exceptId?: string) {
  const query = scope.trx.from('customer_category_values').where('tenant_id', scope.tenantId).where('group_id', groupId).whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw new FieldError(field, 'unique', 'This group already has a value with this name')
}

/** Creates a category group, with its first values when given. */
export async function createCategoryGroup(scope: TenantScope, input: CategoryGroupInput & { name: string; values?: Array<{ name: string; colour?: string }> }): Promise<CategoryGroup> {
  await checkGroupName(scope, input.name)
  const values = input.values ?? []
  const seen = new Set<string>()
  values.forEach((value, i) => {
    if (seen.has(value.name.toLowerCase())) throw new FieldError(`values.${i}.name`, 'distinct', 'This value is listed twice')
    seen.add(value.name.toLowerCase())
  })
  const id = newId()
  await scope.trx.table('customer_category_groups').insert({
    tenant_id: scope.tenantId,
    id,
    name: input.name,
    description: input.description ?? null,
    exclusive: input.exclusive ?? false,
    position: input.position ?? (await nextPosition(scope, 'customer_category_groups')),
  })
  if (values.length) {
    await scope.trx.table('customer_category_values').multiInsert(
      values.map((value, position) => ({ tenant_id: scope.tenantId, id: newId(), group_id: id, name: value.name, colour: value.colour ?? DEFAULT_COLOUR, position }))
    )
  }
  await recordEvent(scope, { type: 'customer_category_group.created', entityType: 'customer_category_group', entityId: id, payload: { exclusive: input.exclusive ?? false, values: values.length } })
  return findCategoryGroup(scope, id)
}

/**
 * Changes a category group. Making it exclusive is refused (422 `exclusive`) while a customer
 * still has more than one of its values.
 */
export async function updateCategoryGroup(scope: TenantScope, id: string, input: CategoryGroupInput): Promise<CategoryGroup> {
  const current = await findCategoryGroup(scope, id)
  if (input.name !== undefined && input.name.toLowerCase() !== current.name.toLowerCase()) await checkGroupName(scope, input.name, id)
  if (input.exclusive && !current.exclusive) {
    const clash = await scope.trx.rawQuery(
      'select count(*)::int as n from (select customer_id from customer_categories where tenant_id = ? and group_id = ? group by customer_id having count(*) > 1) s',
      [scope.tenantId, id]
    )
    const n = clash.rows[0].n as number
    if (n > 0) throw new FieldError('exclusive', 'conflict', `${n} customer(s) have more than one value of this group; give them one first`)
  }
  const changes: Record<string, unknown> = {}
  for (const key of ['name', 'description', 'exclusive', 'position'] as const) if (input[key] !== undefined) changes[key] = input[key]
  if (Object.keys(changes).length) {
    await scope.trx.from('customer_category_groups').where('tenant_id', scope.tenantId).where('id', id).update({ ...changes, updated_at: new Date() })
  }
  await recordEvent(scope, { type: 'customer_category_group.updated', entityType: 'customer_category_group', entityId: id, payload: { changed: Object.keys(changes) } })
  return findCategoryGroup(scope, id)
}

/** Deletes a category group with its values; customers lose them. */
export async function deleteCategoryGroup(scope: TenantScope, id: string): Promise<CategoryGroup> {
  const current = await findCategoryGroup(scope, id)
  const customers = await countAssigned(scope, 'group_id', id)
  await scope.trx.from('customer_category_groups').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'customer_category_group.deleted', entityType: 'customer_category_group', entityId: id, payload: { values: current.values.length, customers } })
  return current
}

async function countAssigned(scope: TenantScope, column: 'group_id' | 'value_id', id: string) {
  const row = await scope.trx.from('customer_categories').where('tenant_id', scope.tenantId).where(column, id).countDistinct('customer_id as n').first()
  return Number(row?.n ?? 0)
}

/** Adds a value to a category group. */
export async function createCategoryValue(scope: TenantScope, groupId: string, input: CategoryValueInput & { name: string }): Promise<CategoryValue> {
  await findCategoryGroup(scope, groupId)
  await checkValueName(scope, groupId, input.name, 'name')
  const id = newId()
  await scope.trx.table('customer_category_values').insert({
    tenant_id: scope.tenantId,
    id,
    group_id: groupId,
    name: input.name,
    colour: input.colour ?? DEFAULT_COLOUR,
    position: input.position ?? (await nextPosition(scope, 'customer_category_values', { group_id: groupId })),
  })
  await recordEvent(scope, { type: 'customer_category_value.created', entityType: 'customer_category_value', entityId: id, payload: { groupId } })
  return findCategoryValue(scope, id)
}

/** Renames, recolours or moves a category value within its group. */
export async function updateCategoryValue(scope: TenantScope, id: string, input: CategoryValueInput): Promise<CategoryValue> {
  const current = await findCategoryValue(scope, id)
  if (input.name !== undefined && input.name.toLowerCase() !== current.name.toLowerCase()) await checkValueName(scope, current.groupId, input.name, 'name', id)
  const changes: Record<string, unknown> = {}
  for (const key of ['name', 'colour', 'position'] as const) if (input[key] !== undefined) changes[key] = input[key]
  if (Object.keys(changes).length) {
    await scope.trx.from('customer_category_values').where('tenant_id', scope.tenantId).where('id', id).update({ ...changes, updated_at: new Date() })
  }
  await recordEvent(scope, { type: 'customer_category_value.updated', entityType: 'customer_category_value', entityId: id, payload: { groupId: current.groupId, changed: Object.keys(changes) } })
  return findCategoryValue(scope, id)
}

/** Deletes a category value; customers that had it lose it (segments naming it then match nobody on that condition). */
export async function deleteCategoryValue(scope: TenantScope, id: string): Promise<CategoryValue> {
  const current = await findCategoryValue(scope, id)
  const customers = await countAssigned(scope, 'value_id', id)
  await scope.trx.from('customer_category_values').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'customer_category_value.deleted', entityType: 'customer_category_value', entityId: id, payload: { groupId: current.groupId, customers } })
  return current
}

/** The tenant's category values with these ids and whether their group is exclusive; a foreign or missing id is a 422 on `<field>.<i>`. */
export async function resolveCategoryValues(scope: TenantScope, ids: string[], field: string) {
  const rows = ids.length
    ? await scope.trx
        .from('customer_category_values as v')
        .join('customer_category_groups as g', (join) => join.on('g.tenant_id', 'v.tenant_id').andOn('g.id', 'v.group_id'))
        .where('v.tenant_id', scope.tenantId)
        .whereIn('v.id', ids)
        .select('v.id', 'v.group_id', 'g.exclusive', 'g.name as group_name')
    : []
  const byId = new Map(rows.map((r) => [r.id as string, { id: r.id as string, groupId: r.group_id as string, exclusive: r.exclusive as boolean, groupName: r.group_name as string }]))
  return ids.map((valueId, i) => {
    const value = byId.get(valueId)
    if (!value) throw new FieldError(`${field}.${i}`, 'exists', 'There is no such category value')
    return value
  })
}

/** Refuses two values of one exclusive group in the same list (422 on the second). */
export function checkExclusive(values: Array<{ groupId: string; exclusive: boolean; groupName: string }>, field: string) {
  const taken = new Set<string>()
  values.forEach((value, i) => {
    if (!value.exclusive) return
    if (taken.has(value.groupId)) throw new FieldError(`${field}.${i}`, 'exclusive', `"${value.groupName}" allows one value per customer`)
    taken.add(value.groupId)
  })
}

/**
 * Gives a customer the viewer sees exactly these category values: those missing are added, the
 * others removed. Two values of one exclusive group are a 422. The customer row is locked, so
 * concurrent changes of one customer cannot break exclusivity.
 */
export async function setCustomerCategories(scope: TenantScope, viewer: CustomerViewer, customerId: string, valueIds: string[]) {
  const before = await findCustomer(scope, viewer, customerId)
  await scope.trx.from('customers').where('tenant_id', scope.tenantId).where('id', customerId).forUpdate().select('id')
  const values = await resolveCategoryValues(scope, valueIds, 'valueIds')
  checkExclusive(values, 'valueIds')
  const current = (await scope.trx.from('customer_categories').where('tenant_id', scope.tenantId).where('customer_id', customerId).select('value_id')).map((r) => r.value_id as string)
  const added = values.filter((v) => !current.includes(v.id))
  const removed = current.filter((id) => !valueIds.includes(id))
  const actor = scope.actor.type === 'user' ? scope.actor.id : null
  if (removed.length) await scope.trx.from('customer_categories').where('tenant_id', scope.tenantId).where('customer_id', customerId).whereIn('value_id', removed).delete()
  if (added.length) {
    await scope.trx.table('customer_categories').multiInsert(added.map((v) => ({ tenant_id: scope.tenantId, customer_id: customerId, value_id: v.id, group_id: v.groupId, assigned_by: actor })))
  }
  if (added.length || removed.length) {
    await scope.trx.from('customers').where('tenant_id', scope.tenantId).where('id', customerId).update({ updated_at: new Date(), updated_by: actor })
    await recordEvent(scope, { type: 'customer.classified', entityType: 'customer', entityId: customerId, payload: { added: added.map((v) => v.id), removed } })
  }
  const after: Customer = await findCustomer(scope, viewer, customerId)
  return { before, after, added: added.map((v) => v.id), removed }
}
