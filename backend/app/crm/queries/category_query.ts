import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'

/** One value of a category group ("A" of "Grade"), as the API answers it. */
export interface CategoryValue {
  id: string
  groupId: string
  name: string
  colour: string
  position: number
}

/** A tenant-defined category group with its values in order; an exclusive group allows one value per customer. */
export interface CategoryGroup {
  id: string
  name: string
  description: string | null
  exclusive: boolean
  position: number
  values: CategoryValue[]
  createdAt: string
  updatedAt: string
}

/** A category value a customer has, with its group, as the customer resource carries it. */
export interface CustomerCategory {
  id: string
  name: string
  colour: string
  groupId: string
  groupName: string
}

function toValue(row: Record<string, any>): CategoryValue {
  return { id: row.id, groupId: row.group_id, name: row.name, colour: row.colour, position: row.position }
}

/** Every category group of the tenant with its values, both in display order. */
export async function listCategoryGroups(scope: TenantScope): Promise<CategoryGroup[]> {
  const order = [{ column: 'position' }, { column: 'name' }, { column: 'id' }]
  const groups = await scope.trx.from('customer_category_groups').where('tenant_id', scope.tenantId).orderBy(order)
  const values = await scope.trx.from('customer_category_values').where('tenant_id', scope.tenantId).orderBy(order)
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    exclusive: g.exclusive,
    position: g.position,
    values: values.filter((v) => v.group_id === g.id).map(toValue),
    createdAt: new Date(g.created_at).toISOString(),
    updatedAt: new Date(g.updated_at).toISOString(),
  }))
}

/** One category group with its values, or 404. */
export async function findCategoryGroup(scope: TenantScope, id: string): Promise<CategoryGroup> {
  const group = (await listCategoryGroups(scope)).find((g) => g.id === id)
  if (!group) throw notFound('Category group')
  return group
}

/** One category value, or 404. */
export async function findCategoryValue(scope: TenantScope, id: string): Promise<CategoryValue> {
  const row = await scope.trx.from('customer_category_values').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Category value')
  return toValue(row)
}

/** The category values of the given customers, in group then value order, keyed by customer id. */
export async function categoriesOf(trx: TransactionClientContract, tenantId: string, customerIds: string[]): Promise<Map<string, CustomerCategory[]>> {
  const rows = await trx
    .from('customer_categories as cc')
    .join('customer_category_values as v', (join) => join.on('v.tenant_id', 'cc.tenant_id').andOn('v.id', 'cc.value_id'))
    .join('customer_category_groups as g', (join) => join.on('g.tenant_id', 'cc.tenant_id').andOn('g.id', 'cc.group_id'))
    .where('cc.tenant_id', tenantId)
    .whereIn('cc.customer_id', customerIds)
    .orderBy([{ column: 'g.position' }, { column: 'g.name' }, { column: 'v.position' }, { column: 'v.name' }])
    .select('cc.customer_id', 'v.id', 'v.name', 'v.colour', 'g.id as group_id', 'g.name as group_name')
  const byCustomer = new Map<string, CustomerCategory[]>()
  for (const row of rows) {
    const list = byCustomer.get(row.customer_id) ?? []
    list.push({ id: row.id, name: row.name, colour: row.colour, groupId: row.group_id, groupName: row.group_name })
    byCustomer.set(row.customer_id, list)
  }
  return byCustomer
}
