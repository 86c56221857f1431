import { newId } from '#shared/ids'
import { AppError, FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { type CustomerViewer, findCustomer, ownerInScope } from '#crm/queries/customer_query'
import { type TrackingRecord, type TrackingType, findTrackingRecord } from '#crm/queries/tracking_query'

/** A new entry of a customer's timeline. */
export interface CreateTrackingInput {
  type: TrackingType
  outcome?: string | null
  content: string
  callId?: string | null
  nextFollowUpAt?: Date | null
  ownerId?: string
}

/** Changes to a tracking record. */
export interface UpdateTrackingInput {
  outcome?: string | null
  content?: string
  nextFollowUpAt?: Date | null
  done?: boolean
}

/** The follow-up's owner must be an active user of the tenant whom the viewer may give customers to. */
async function checkOwner(scope: TenantScope, viewer: CustomerViewer, ownerId: string) {
  const owner = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', ownerId).where('status', 'active').first()
  if (!owner) throw new FieldError('ownerId', 'exists', 'The owner must be an active user of your organisation')
  if (!(await ownerInScope(scope, viewer, ownerId))) throw new FieldError('ownerId', 'scope', 'You can give follow-ups only to yourself or members of your teams')
}

/** Logs what was done with a customer the viewer sees; the acting user owns it unless another owner is given. */
export async function createTrackingRecord(scope: TenantScope, viewer: CustomerViewer, customerId: string, input: CreateTrackingInput): Promise<TrackingRecord> {
  await findCustomer(scope, viewer, customerId)
  const me = scope.actor.type === 'user' ? scope.actor.id : null
  const ownerId = input.ownerId ?? me
  if (!ownerId) throw new FieldError('ownerId', 'required', 'A follow-up needs an owner')
  if (ownerId !== me) await checkOwner(scope, viewer, ownerId)
  if (input.callId) {
    const call = await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', input.callId).first()
    if (!call) throw new FieldError('callId', 'exists', 'The call must be a call of your organisation')
  }
  const id = newId()
  await scope.trx.table('tracking_records').insert({
    tenant_id: scope.tenantId,
    id,
    customer_id: customerId,
    type: input.type,
    outcome: input.outcome ?? null,
    content: input.content,
    call_id: input.callId ?? null,
    owner_id: ownerId,
    next_follow_up_at: input.nextFollowUpAt ?? null,
    created_by: me,
  })
  await recordEvent(scope, {
    type: 'customer.tracked',
    entityType: 'customer',
    entityId: customerId,
    payload: { trackingRecordId: id, type: input.type, ownerId, callId: input.callId ?? null, nextFollowUpAt: input.nextFollowUpAt?.toISOString() ?? null },
  })
  return findTrackingRecord(scope, viewer, id)
}

/**
 * Changes a tracking record of a customer the viewer sees (404 otherwise). Its creator, its owner
 * (who marks the follow-up done) and holders of customers.manage may; anyone else gets 403.
 */
export async function updateTrackingRecord(
  scope: TenantScope,
  viewer: CustomerViewer & { canManage: boolean },
  id: string,
  input: UpdateTrackingInput
): Promise<{ before: TrackingRecord; after: TrackingRecord }> {
  const before = await findTrackingRecord(scope, viewer, id)
  const mine = viewer.userId !== null && (before.createdBy === viewer.userId || before.ownerId === viewer.userId)
  if (!mine && !viewer.canManage) throw new AppError(403, 'E_FORBIDDEN', 'Only its author, its owner or a customer manager may change this record')
  const columns: Record<string, unknown> = {}
  if (input.outcome !== undefined) columns.outcome = input.outcome
  if (input.content !== undefined) columns.content = input.content
  if (input.nextFollowUpAt !== undefined) columns.next_follow_up_at = input.nextFollowUpAt
  if (input.done !== undefined) columns.done = input.done
  await scope.trx.from('tracking_records').where('tenant_id', scope.tenantId).where('id', id).update({ ...columns, updated_at: new Date() })
  const changed = Object.keys(input).filter((key) => input[key as keyof UpdateTrackingInput] !== undefined)
  await recordEvent(scope, { type: 'tracking_record.updated', entityType: 'tracking_record', entityId: id, payload: { customerId: before.customerId, changed, done: input.done ?? before.done } })
  return { before, after: await findTrackingRecord(scope, viewer, id) }
}
