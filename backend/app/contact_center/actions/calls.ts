import { newId } from '#shared/ids'
import { AppError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { failCallback } from '#callbacks/actions/callback_outcomes'

/** An inbound contact arriving at a queue (from the voice adapter, the web widget or a test). */
export interface IncomingCall {
  queueId: string
  channel: 'voice' | 'web' | 'simulated'
  ani?: string | null
  dnis?: string | null
  priority?: number
}

/** Puts a new inbound call in a queue, with its customer leg, and emits `call.queued`. */
export async function enqueueCall(scope: TenantScope, input: IncomingCall) {
  const queue = await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', input.queueId).first()
  if (!queue) throw notFound('Queue')
  const id = newId()
  const now = new Date()
  await scope.trx.table('calls').insert({
    tenant_id: scope.tenantId,
    id,
    direction: 'inbound',
    channel: input.channel,
    status: 'queued',
    ani: input.ani ?? null,
    dnis: input.dnis ?? null,
    queue_id: queue.id,
    priority: input.priority ?? queue.priority,
    created_at: now,
    queued_at: now,
  })
  await scope.trx.table('call_legs').insert({ tenant_id: scope.tenantId, id: newId(), call_id: id, role: 'customer', joined_at: now })
  await recordEvent(scope, { type: 'call.queued', entityType: 'call', entityId: id, payload: { queueId: queue.id, channel: input.channel, ani: input.ani ?? null } })
  return id
}

/** One call row of the tenant, locked for this transaction, or 404. */
export async function lockCall(scope: TenantScope, callId: string) {
  const call = await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).forUpdate().first()
  if (!call) throw notFound('Call')
  return call
}

/** A call ending during a consultation lets the consulted agent go (ringing: ready again; talking: wrap-up). */
async function releaseConsulted(scope: TenantScope, call: Record<string, any>, now: Date) {
  const offer = await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('call_id', call.id).where('kind', 'consult').where('status', 'pending').first()
  if (offer) {
    await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offer.id).update({ status: 'cancelled', decided_at: now })
    await changeAgentState(scope, offer.user_id, { to: 'ready', by: 'system', callId: null })
  } else {
    await changeAgentState(scope, call.consult_agent_id, { to: 'wrap_up', by: 'system', callId: call.id })
  }
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', call.id).update({ consult_agent_id: null, consult_initiator_id: null, consult_state: null })
}

/**
 * Ends a call. A connected call puts its agent in wrap-up; a call still waiting or ringing an
 * agent is abandoned: its pending offer is cancelled and the reserved agent is ready again.
 */
export async function endCall(scope: TenantScope, callId: string, reason: string) {
  const call = await lockCall(scope, callId)
  if (call.status === 'ended') throw new AppError(409, 'E_CONFLICT', 'The call has already ended')
  const now = new Date()
  // A caller who left a voicemail was served, not lost.
  const unanswered = ['ringing', 'ivr', 'queued', 'offered'].includes(call.status)
  // A cancelled callback was nobody's lost caller either.
  const abandoned = unanswered && reason !== 'voicemail' && reason !== 'callback_cancelled'
  if (call.status === 'offered') {
    const offer = await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('call_id', callId).where('status', 'pending').forUpdate().first()
    if (offer) {
      await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offer.id).update({ status: 'cancelled', decided_at: now })
      await changeAgentState(scope, offer.user_id, { to: 'ready', by: 'system', callId: null })
    }
  }
  if (call.status === 'connected' && call.agent_id) {
    await changeAgentState(scope, call.agent_id, { to: 'wrap_up', by: 'system', callId })
  }
  if (call.consult_state) await releaseConsulted(scope, call, now)
  const endReason = abandoned ? 'abandoned' : reason
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ status: 'ended', ended_at: now, end_reason: endReason, on_hold: false, recording_state: 'off' })
  await scope.trx.from('call_legs').where('tenant_id', scope.tenantId).where('call_id', callId).whereNull('left_at').update({ left_at: now, end_reason: endReason })
  await recordEvent(scope, { type: abandoned ? 'call.abandoned' : 'call.ended', entityType: 'call', entityId: callId, payload: { reason: endReason, queueId: call.queue_id, agentId: call.agent_id ?? null, room: call.room ?? null } })
  if (unanswered) await failCallback(scope, call, endReason)
  return { abandoned }
}
