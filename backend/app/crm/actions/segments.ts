import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import type { CustomerViewer } from '#crm/queries/customer_query'
import { findSegment, type Segment } from '#crm/queries/segment_query'
import { checkSegmentRules } from '#crm/actions/segment_rules_check'

type RawRules = Parameters<typeof checkSegmentRules>[1]

/** Inputs of a segment; on update every field is optional. */
export interface SegmentInput {
  name?: string
  description?: string | null
  rules?: RawRules
}

async function checkName(scope: TenantScope, name: string, exceptId?: string) {
  const query = scope.trx.from('customer_segments').where('tenant_id', scope.tenantId).whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw new FieldError('name', 'unique', 'A segment with this name already exists')
}

const actorOf = (scope: TenantScope) => (scope.actor.type === 'user' ? scope.actor.id : null)

/** Saves a segment shared in the tenant; its rules are checked and stored normalised. */
export async function createSegment(scope: TenantScope, viewer: CustomerViewer, input: SegmentInput & { name: string; rules: RawRules }): Promise<Segment> {
  await checkName(scope, input.name)
  const rules = await checkSegmentRules(scope, input.rules)
  const id = newId()
  await scope.trx.table('customer_segments').insert({
    tenant_id: scope.tenantId,
    id,
    name: input.name,
    description: input.description ?? null,
    rules: JSON.stringify(rules),
    created_by: actorOf(scope),
    updated_by: actorOf(scope),
  })
  await recordEvent(scope, { type: 'customer_segment.created', entityType: 'customer_segment', entityId: id, payload: { conditions: rules.conditions.length, match: rules.match } })
  return findSegment(scope, viewer, id)
}

/** Changes a segment's name, description or rules (given rules replace the old ones). */
export async function updateSegment(scope: TenantScope, viewer: CustomerViewer, id: string, input: SegmentInput): Promise<Segment> {
  const current = await findSegment(scope, viewer, id)
  if (input.name !== undefined && input.name.toLowerCase() !== current.name.toLowerCase()) await checkName(scope, input.name, id)
  const changes: Record<string, unknown> = {}
  if (input.name !== undefined) changes.name = input.name
  if (input.description !== undefined) changes.description = input.description
  if (input.rules !== undefined) changes.rules = JSON.stringify(await checkSegmentRules(scope, input.rules))
  await scope.trx.from('customer_segments').where('tenant_id', scope.tenantId).where('id', id).update({ ...changes, updated_at: new Date(), updated_by: actorOf(scope) })
  await recordEvent(scope, { type: 'customer_segment.updated', entityType: 'customer_segment', entityId: id, payload: { changed: Object.keys(changes) } })
  return findSegment(scope, viewer, id)
}

/** Deletes a segment; customers are not touched. */
export async function deleteSegment(scope: TenantScope, viewer: CustomerViewer, id: string): Promise<Segment> {
  const current = await findSegment(scope, viewer, id)
  await scope.trx.from('customer_segments').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'customer_segment.deleted', entityType: 'customer_segment', entityId: id })
  return current
}
