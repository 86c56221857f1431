import { newId } from '#shared/ids'
import { AppError, FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { type CustomerViewer, applyDataScope } from '#crm/queries/customer_query'
import { defaultCountryOf, toE164 } from '#voice/phone_numbers'
import { endCall } from '#contact_center/actions/calls'
import { type Callback, type CallbackMode, type CallbackViewer, findCallback } from '#callbacks/queries/callback_query'

/** How far ahead a callback may be booked. */
export const MAX_DAYS_AHEAD = 90

/** Who acts on callbacks: what they see and change, which customers they see, whether they may simulate. */
export interface CallbackActor {
  viewer: CallbackViewer
  customers: CustomerViewer | null
  mayManageQueues: boolean
}

/** A new callback. */
export interface ScheduleCallbackInput {
  number: string
  customerId?: string | null
  dueAt: Date
  queueId: string
  mode?: CallbackMode
  note?: string | null
  agentId?: string
  simulated?: boolean
}

/** A new time, mode, queue or note. */
export interface RescheduleCallbackInput {
  dueAt?: Date
  mode?: CallbackMode
  queueId?: string
  note?: string | null
}

/** The due time must lie ahead, at most 90 days. */
function checkDueAt(dueAt: Date) {
  const now = Date.now()
  if (dueAt.getTime() <= now) throw new FieldError('dueAt', 'future', 'The callback time must be in the future')
  if (dueAt.getTime() > now + MAX_DAYS_AHEAD * 86_400_000) throw new FieldError('dueAt', 'maxDaysAhead', `A callback can be booked at most ${MAX_DAYS_AHEAD} days ahead`)
}

async function checkQueue(scope: TenantScope, queueId: string) {
  const queue = await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', queueId).select('id').first()
  if (!queue) throw new FieldError('queueId', 'exists', 'No such queue')
}

/** A linked customer must be one the actor sees (422 otherwise, so another's customer never shows). */
async function checkCustomer(scope: TenantScope, actor: CallbackActor, customerId: string) {
  const refuse = new FieldError('customerId', 'exists', 'The customer must be one you can see')
  if (!actor.customers) throw refuse
  const query = scope.trx.from('customers as c').where('c.tenant_id', scope.tenantId).where('c.id', customerId).select('c.id')
  if (!(await applyDataScope(query, scope, actor.customers).first())) throw refuse
}

/** The agent the callback belongs to: the actor, or (for supervisors with agents.manage) an active agent of theirs. */
async function ownerOf(scope: TenantScope, actor: CallbackActor, agentId: string | undefined) {
  if (!agentId || agentId === actor.viewer.userId) return actor.viewer.userId
  if (!actor.viewer.manageAll) throw new FieldError('agentId', 'self', 'You can schedule callbacks only for yourself')
  const { rows } = await scope.trx.rawQuery(
    `select u.id from users u
      where u.tenant_id = ? and u.id = ? and u.status = 'active'
        and exists (select 1 from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
                     where ur.tenant_id = u.tenant_id and ur.user_id = u.id and 'calls.handle' = any(r.permissions))`,
    [scope.tenantId, agentId]
  )
  if (!rows[0]) throw new FieldError('agentId', 'exists', 'No such agent')
  return agentId
}

/** Books a callback; it waits until due, then the ACD queues it as a callback call. */
export async function scheduleCallback(scope: TenantScope, actor: CallbackActor, input: ScheduleCallbackInput): Promise<Callback> {
  const number = toE164(input.number, await defaultCountryOf(scope), 'number')
  checkDueAt(input.dueAt)
  await checkQueue(scope, input.queueId)
  if (input.customerId) await checkCustomer(scope, actor, input.customerId)
  if (input.simulated && !actor.mayManageQueues) throw new FieldError('simulated', 'permission', 'Only queue managers can schedule simulated callbacks')
  const agentId = await ownerOf(scope, actor, input.agentId)
  const id = newId()
  const mode = input.mode ?? 'personal'
  await scope.trx.table('scheduled_callbacks').insert({
    tenant_id: scope.tenantId,
    id,
    number,
    customer_id: input.customerId ?? null,
    queue_id: input.queueId,
    mode,
    agent_id: agentId,
    note: input.note ?? null,
    due_at: input.dueAt,
    simulated: input.simulated ?? false,
    created_by: actor.viewer.userId,
  })
  await recordEvent(scope, {
    type: 'callback.scheduled',
    entityType: 'callback',
    entityId: id,
    payload: { agentId, queueId: input.queueId, mode, dueAt: input.dueAt.toISOString(), customerId: input.customerId ?? null },
  })
  return findCallback(scope, actor.viewer, id)
}

/** Locks one callback the actor may change (404 otherwise). */
async function lockOwn(scope: TenantScope, actor: CallbackActor, id: string) {
  await findCallback(scope, actor.viewer, id, 'change')
  await scope.trx.from('scheduled_callbacks').where('tenant_id', scope.tenantId).where('id', id).forUpdate().first()
  // Read again under the lock: the ACD may have queued it meanwhile.
  return findCallback(scope, actor.viewer, id, 'change')
}

/** Moves a callback that has not fallen due yet (409 once it is queued or finished). */
export async function rescheduleCallback(scope: TenantScope, actor: CallbackActor, id: string, input: RescheduleCallbackInput): Promise<{ before: Callback; after: Callback }> {
  const before = await lockOwn(scope, actor, id)
  if (before.status !== 'scheduled') throw new AppError(409, 'E_CONFLICT', `This callback is ${before.status}: only a scheduled callback can be rescheduled`)
  if (input.dueAt) checkDueAt(input.dueAt)
  if (input.queueId) await checkQueue(scope, input.queueId)
  const columns: Record<string, unknown> = {}
  if (input.dueAt) columns.due_at = input.dueAt
  if (input.mode) columns.mode = input.mode
  if (input.queueId) columns.queue_id = input.queueId
  if (input.note !== undefined) columns.note = input.note
  await scope.trx.from('scheduled_callbacks').where('tenant_id', scope.tenantId).where('id', id).update({ ...columns, updated_at: new Date() })
  const after = await findCallback(scope, actor.viewer, id, 'change')
  await recordEvent(scope, {
    type: 'callback.rescheduled',
    entityType: 'callback',
    entityId: id,
    payload: { agentId: after.agentId, queueId: after.queueId, mode: after.mode, dueAt: after.dueAt, previousDueAt: before.dueAt },
  })
  return { before, after }
}

/**
 * Cancels a callback that is scheduled, or queued and not answered yet (its call then ends, and a
 * ringing agent is ready again); 409 once it was answered or failed.
 */
export async function cancelCallback(scope: TenantScope, actor: CallbackActor, id: string): Promise<{ before: Callback; after: Callback }> {
  const before = await lockOwn(scope, actor, id)
  if (!['scheduled', 'queued'].includes(before.status)) throw new AppError(409, 'E_CONFLICT', `This callback is already ${before.status}`)
  await scope.trx
    .from('scheduled_callbacks')
    .where('tenant_id', scope.tenantId)
    .where('id', id)
    .update({ status: 'cancelled', finished_at: new Date(), updated_at: new Date() })
  if (before.status === 'queued' && before.callId) {
    const call = await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', before.callId).select('status').first()
    if (call && !['queued', 'offered'].includes(call.status)) throw new AppError(409, 'E_CONFLICT', 'This callback is already being answered')
    if (call) await endCall(scope, before.callId, 'callback_cancelled')
  }
  await recordEvent(scope, { type: 'callback.cancelled', entityType: 'callback', entityId: id, payload: { agentId: before.agentId, queueId: before.queueId, callId: before.callId } })
  return { before, after: await findCallback(scope, actor.viewer, id, 'change') }
}
