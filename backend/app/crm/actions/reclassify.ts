import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { writeAudit } from '#shared/audit'
import { recordEvent } from '#events/outbox'
import { enqueueJob } from '#jobs/jobs'
import { applyDataScope, type CustomerListInput, type CustomerViewer } from '#crm/queries/customer_query'
import { segmentFilterOf } from '#crm/queries/segment_rules'
import { checkExclusive, resolveCategoryValues } from '#crm/actions/categories'

/** What a bulk re-classification changes on every customer it reaches. */
export interface ReclassifyChanges {
  addCategoryIds?: string[]
  removeCategoryIds?: string[]
  addTags?: string[]
  removeTags?: string[]
  status?: 'active' | 'inactive'
}

/** Which customers: a segment's members and/or the list's filters (the starter's data scope always applies). */
export interface ReclassifyTarget {
  segmentId?: string
  filters?: Omit<CustomerListInput, 'page' | 'perPage' | 'sort' | 'segmentId'>
}

function checkChanges(changes: ReclassifyChanges) {
  const { addCategoryIds = [], removeCategoryIds = [], addTags = [], removeTags = [], status } = changes
  if (!addCategoryIds.length && !removeCategoryIds.length && !addTags.length && !removeTags.length && !status) {
    throw new FieldError('changes', 'required', 'Choose at least one change')
  }
  removeCategoryIds.forEach((id, i) => {
    if (addCategoryIds.includes(id)) throw new FieldError(`changes.removeCategoryIds.${i}`, 'conflict', 'This value is also being added')
  })
  removeTags.forEach((tag, i) => {
    if (addTags.includes(tag)) throw new FieldError(`changes.removeTags.${i}`, 'conflict', 'This tag is also being added')
  })
}

/**
 * Checks a re-classification (the segment exists, the values are the tenant's, no two values of one
 * exclusive group are added, nothing is both added and removed) and queues it as a job of the
 * acting user.
 */
export async function startReclassify(scope: TenantScope, target: ReclassifyTarget, changes: ReclassifyChanges) {
  checkChanges(changes)
  if (target.segmentId) await segmentFilterOf(scope, target.segmentId)
  const added = await resolveCategoryValues(scope, changes.addCategoryIds ?? [], 'changes.addCategoryIds')
  checkExclusive(added, 'changes.addCategoryIds')
  await resolveCategoryValues(scope, changes.removeCategoryIds ?? [], 'changes.removeCategoryIds')
  return enqueueJob(scope, 'customers.reclassify', { segmentId: target.segmentId ?? null, filters: target.filters ?? {}, changes })
}

/** A PostgreSQL array literal of uuids (they come from the database, so they need no quoting), bound as one parameter. */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`
const placeholders = (values: unknown[]) => values.map(() => '?').join(', ')

/** What one batch changed, customer by customer. */
interface BatchOutcome {
  added: Map<string, string[]>
  removed: Map<string, string[]>
  updated: Map<string, Set<'tags' | 'status'>>
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  map.set(key, [...(map.get(key) ?? []), value])
}

/**
 * Applies the changes to one batch of customers in one transaction: only those still in the
 * viewer's data scope (re-checked and row-locked here), only real changes. Adding a value of an
 * exclusive group replaces the customer's other value of that group. Every changed customer gets
 * its `updated_at`, one `customer.classified` event (category values) and/or one
 * `customer.updated` event (tags, status); the batch gets one operation-log row listing them.
 */
export async function reclassifyBatch(scope: TenantScope, viewer: CustomerViewer, customerIds: string[], changes: ReclassifyChanges, jobId: string) {
  const t = scope.tenantId
  const actor = scope.actor.type === 'user' ? scope.actor.id : null
  const locked = await applyDataScope(scope.trx.from('customers as c').where('c.tenant_id', t).whereIn('c.id', customerIds), scope, viewer).select('c.id').forUpdate()
  const ids = locked.map((r: { id: string }) => r.id)
  const outcome: BatchOutcome = { added: new Map(), removed: new Map(), updated: new Map() }
  if (!ids.length) return { reached: 0, changed: 0 }
  const batch = uuidArray(ids)

  // Values deleted since the job was queued are skipped.
  const existing = async (valueIds: string[] = []) =>
    valueIds.length
      ? await scope.trx.from('customer_category_values as v').join('customer_category_groups as g', (j) => j.on('g.tenant_id', 'v.tenant_id').andOn('g.id', 'v.group_id'))
          .where('v.tenant_id', t).whereIn('v.id', valueIds).select('v.id', 'v.group_id', 'g.exclusive')
      : []
  const toRemove = (await existing(changes.removeCategoryIds)).map((v) => v.id as string)
  const toAdd = await existing(changes.addCategoryIds)

  if (toRemove.length) {
    const gone = await scope.trx.rawQuery(
      'delete from customer_categories where tenant_id = ? and customer_id = any(?::uuid[]) and value_id = any(?::uuid[]) returning customer_id, value_id',
      [t, batch, uuidArray(toRemove)]
    )
    for (const row of gone.rows) push(outcome.removed, row.customer_id, row.value_id)
  }
  for (const value of toAdd.filter((v) => v.exclusive)) {
    const replaced = await scope.trx.rawQuery(
      'delete from customer_categories where tenant_id = ? and customer_id = any(?::uuid[]) and group_id = ? and value_id <> ? returning customer_id, value_id',
      [t, batch, value.group_id, value.id]
    )
    for (const row of replaced.rows) push(outcome.removed, row.customer_id, row.value_id)
  }
  if (toAdd.length) {
    const inserted = await scope.trx.rawQuery(
      `insert into customer_categories (tenant_id, customer_id, value_id, group_id, assigned_by)
       select v.tenant_id, x.id, v.id, v.group_id, nullif(?, '')::uuid from unnest(?::uuid[]) as x(id)
       cross join customer_category_values v where v.tenant_id = ? and v.id = any(?::uuid[])
       on conflict do nothing returning customer_id, value_id`,
      [actor ?? '', batch, t, uuidArray(toAdd.map((v) => v.id))]
    )
    for (const row of inserted.rows) push(outcome.added, row.customer_id, row.value_id)
  }

  const addTags = changes.addTags ?? []
  const removeTags = changes.removeTags ?? []
  if (addTags.length || removeTags.length) {
    const tagged = await scope.trx.rawQuery(
      `update customers c set tags = n.tags from (
         select id, array(select u.t from unnest(tags || array[${placeholders(addTags)}]::text[]) with ordinality u(t, o)
                          where u.t <> all(array[${placeholders(removeTags)}]::text[]) group by u.t order by min(u.o)) as tags
         from customers where tenant_id = ? and id = any(?::uuid[])
       ) n where c.tenant_id = ? and c.id = n.id and c.tags is distinct from n.tags returning c.id`,
      [...addTags, ...removeTags, t, batch, t]
    )
    for (const row of tagged.rows) outcome.updated.set(row.id, new Set(['tags']))
  }
  if (changes.status) {
    const moved = await scope.trx.rawQuery('update customers set status = ? where tenant_id = ? and id = any(?::uuid[]) and status <> ? returning id', [changes.status, t, batch, changes.status])
    for (const row of moved.rows) outcome.updated.set(row.id, new Set([...(outcome.updated.get(row.id) ?? []), 'status' as const]))
  }

  const changed = [...new Set([...outcome.added.keys(), ...outcome.removed.keys(), ...outcome.updated.keys()])]
  if (!changed.length) return { reached: ids.length, changed: 0 }
  await scope.trx.rawQuery("update customers set updated_at = now(), updated_by = nullif(?, '')::uuid where tenant_id = ? and id = any(?::uuid[])", [actor ?? '', t, uuidArray(changed)])
  for (const id of changed) {
    if (outcome.added.has(id) || outcome.removed.has(id)) {
      await recordEvent(scope, { type: 'customer.classified', entityType: 'customer', entityId: id, payload: { added: outcome.added.get(id) ?? [], removed: outcome.removed.get(id) ?? [], jobId } })
    }
    if (outcome.updated.has(id)) {
      await recordEvent(scope, { type: 'customer.updated', entityType: 'customer', entityId: id, payload: { changed: [...outcome.updated.get(id)!], jobId } })
    }
  }
  await writeAudit(scope.trx, {
    tenantId: t,
    actor: scope.actor,
    origin: scope.origin,
    action: 'customers.reclassify.batch',
    result: 'success',
    targetType: 'job',
    targetId: jobId,
    after: { changes: { ...changes }, customers: changed.length, customerIds: changed },
  })
  return { reached: ids.length, changed: changed.length }
}
