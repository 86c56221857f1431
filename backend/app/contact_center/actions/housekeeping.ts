import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { expireOffers } from '#contact_center/actions/offers'
import { routeWaitingCalls } from '#contact_center/actions/routing'
import { queueDueCallbacks, releaseOverduePersonalCallbacks } from '#callbacks/actions/due_callbacks'

/** Agents whose wrap-up time (of the queue of their last call) is over become ready. */
export async function finishWrapUps(scope: TenantScope) {
  const { rows } = await scope.trx.rawQuery(
    `select a.user_id from agent_states a
       left join calls c on c.tenant_id = a.tenant_id and c.id = a.current_call_id
       left join queues q on q.tenant_id = c.tenant_id and q.id = c.queue_id
      where a.tenant_id = ? and a.state = 'wrap_up'
        and a.since + make_interval(secs => coalesce(q.wrap_up_seconds, 0)) <= now()
      for update of a skip locked`,
    [scope.tenantId]
  )
  for (const row of rows) await changeAgentState(scope, row.user_id, { to: 'ready', by: 'system', callId: null })
  return rows.length as number
}

/** Calls that waited past their queue's overflow time move to the overflow queue, keeping their place in time. */
export async function overflowWaitingCalls(scope: TenantScope) {
  const { rows } = await scope.trx.rawQuery(
    `select c.id, c.queue_id, c.ani, c.room, q.overflow_queue_id, q.overflow_action from calls c
       join queues q on q.tenant_id = c.tenant_id and q.id = c.queue_id
      where c.tenant_id = ? and c.status = 'queued' and not c.callback
        and q.overflow_after_seconds is not null
        and c.queued_at + make_interval(secs => q.overflow_after_seconds) <= now()
        and (q.overflow_action <> 'queue' or q.overflow_queue_id is not null)
        and (q.overflow_action = 'queue' or c.room is not null)
      for update of c skip locked`,
    [scope.tenantId]
  )
  for (const call of rows) {
    if (call.overflow_action === 'queue') {
      await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', call.id).update({ queue_id: call.overflow_queue_id })
      await recordEvent(scope, { type: 'call.overflowed', entityType: 'call', entityId: call.id, payload: { from: call.queue_id, to: call.overflow_queue_id } })
    } else if (call.overflow_action === 'callback' && call.ani) {
      await keepPlaceForCallback(scope, call)
    } else {
      // Voicemail (also for a callback request from a caller without a number to call back).
      await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', call.id).update({ status: 'ivr' })
      await recordEvent(scope, { type: 'call.voicemail_started', entityType: 'call', entityId: call.id, payload: { queueId: call.queue_id } })
    }
  }
  return rows.length as number
}

/**
 * A caller who would rather be called back hangs up but keeps their place: the call stays queued
 * (same queue time) without audio, and the agent it is offered to calls the number back.
 */
async function keepPlaceForCallback(scope: TenantScope, call: Record<string, any>) {
  const now = new Date()
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', call.id).update({ callback: true, room: null })
  await scope.trx
    .from('call_legs')
    .where('tenant_id', scope.tenantId)
    .where('call_id', call.id)
    .whereNull('left_at')
    .update({ left_at: now, end_reason: 'callback_requested' })
  await recordEvent(scope, { type: 'call.callback_requested', entityType: 'call', entityId: call.id, payload: { queueId: call.queue_id, ani: call.ani } })
}

/** Everything the ACD does on its own for one tenant, in order: RONA, wrap-ups, overflow, due callbacks, routing. */
export async function acdTick(scope: TenantScope) {
  const expired = await expireOffers(scope)
  const wrapped = await finishWrapUps(scope)
  const overflowed = await overflowWaitingCalls(scope)
  const callbacks = (await queueDueCallbacks(scope)) + (await releaseOverduePersonalCallbacks(scope))
  const offers = await routeWaitingCalls(scope)
  return { expired, wrapped, overflowed, callbacks, offers }
}
