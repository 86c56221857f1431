import { AppError, FieldError } from '#shared/errors'
import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { identities, requireVoice } from '#voice/voice'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { lockCall } from '#contact_center/actions/calls'
import { holdColumns, holdMedia, legIdentity, lockForAction, releaseAgent } from '#contact_center/actions/call_control'

/**
 * Consultation inside the customer's room (self-hosted LiveKit cannot move participants between
 * rooms): the consulted agent joins the same room, the customer is on hold meanwhile, and the
 * consulted agent's microphone reaches only the initiator (track permissions set by their
 * browser before publishing). Complete hands the call over, conference joins all three, cancel
 * lets the consulted agent go.
 */

function consultPayload(call: Record<string, any>, extra: Record<string, unknown> = {}) {
  return { agentId: call.agent_id, targetAgentId: call.consult_agent_id, queueId: call.queue_id, ...extra }
}

const CLEARED = { consult_agent_id: null, consult_initiator_id: null, consult_state: null }

/** The initiator asks a ready colleague: they are offered the consult, the customer goes on hold. */
export async function startConsult(scope: TenantScope, userId: string, callId: string, targetId: string) {
  const call = await lockForAction(scope, userId, callId, 'consult')
  if (targetId === userId) throw new FieldError('userId', 'notSelf', 'You cannot consult yourself')
  const user = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', targetId).where('status', 'active').first()
  if (!user) throw new FieldError('userId', 'exists', 'No such agent')
  const agent = await scope.trx.from('agent_states').where('tenant_id', scope.tenantId).where('user_id', targetId).forUpdate().first()
  if (agent?.state !== 'ready' || agent.locked) throw new AppError(409, 'E_CONFLICT', 'That agent is not ready to take a call')
  const queue = await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', call.queue_id).select('offer_timeout_seconds').first()
  const expiresAt = new Date(Date.now() + (queue?.offer_timeout_seconds ?? 20) * 1000)
  await scope.trx.table('offers').insert({ tenant_id: scope.tenantId, id: newId(), call_id: callId, user_id: targetId, kind: 'consult', expires_at: expiresAt })
  const wasOnHold = call.on_hold
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', callId)
    .update({ consult_agent_id: targetId, consult_initiator_id: userId, consult_state: 'ringing', ...(wasOnHold ? {} : holdColumns(scope, call, true).columns) })
  await changeAgentState(scope, targetId, { to: 'reserved', by: 'system', callId })
  await recordEvent(scope, { type: 'call.consult_started', entityType: 'call', entityId: callId, payload: { agentId: userId, targetAgentId: targetId, queueId: call.queue_id } })
  if (!wasOnHold) await holdMedia(scope, call, [userId], true)
}

/** The consulted agent answers: they are busy on the call and join its room to talk to the initiator. */
export async function acceptConsult(scope: TenantScope, userId: string, callId: string) {
  const call = await lockCall(scope, callId)
  if (call.consult_agent_id !== userId || call.consult_state !== 'ringing') throw new AppError(409, 'E_CONFLICT', 'This consultation is over')
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ consult_state: 'talking' })
  await scope.trx.table('call_legs').insert({ tenant_id: scope.tenantId, id: newId(), call_id: callId, role: 'agent', user_id: userId, identity: identities.agent(userId) })
  await changeAgentState(scope, userId, { to: 'busy', by: 'system', callId })
  await recordEvent(scope, { type: 'call.consult_answered', entityType: 'call', entityId: callId, payload: consultPayload(call) })
}

/**
 * Ends the consultation without a handover (cancelled by the initiator, declined or missed by the
 * consulted agent, or left by them): their pending offer or their leg ends, and the customer comes
 * off hold with the initiator.
 */
export async function endConsult(scope: TenantScope, callId: string, reason: 'cancelled' | 'declined' | 'missed' | 'left') {
  const call = await lockCall(scope, callId)
  if (!call.consult_state) throw new AppError(409, 'E_CONFLICT', 'There is no consultation on this call')
  const consulted = call.consult_agent_id as string
  const now = new Date()
  const offer = await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('call_id', callId).where('kind', 'consult').where('status', 'pending').first()
  if (offer) {
    const status = reason === 'declined' ? 'rejected' : reason === 'missed' ? 'expired' : 'cancelled'
    await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offer.id).update({ status, decided_at: now })
    if (reason === 'missed') await changeAgentState(scope, consulted, { to: 'not_ready', by: 'system', reason: 'no_answer', callId: null })
    else await changeAgentState(scope, consulted, { to: 'ready', by: 'system', callId: null })
  } else {
    await releaseAgent(scope, call, consulted, 'consult_ended')
  }
  const back = holdColumns(scope, call, false)
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ ...CLEARED, ...back.columns })
  await recordEvent(scope, { type: 'call.consult_cancelled', entityType: 'call', entityId: callId, payload: consultPayload(call, { reason }) })
  if (call.status === 'connected' && call.agent_id) await holdMedia(scope, call, [call.agent_id], false)
}

/** The initiator's "cancel consultation". */
export async function cancelConsult(scope: TenantScope, userId: string, callId: string) {
  await lockForAction(scope, userId, callId, 'consult_cancel')
  await endConsult(scope, callId, 'cancelled')
}

/** Warm transfer done: the consulted agent owns the call and the customer hears them; the initiator wraps up. */
export async function completeConsult(scope: TenantScope, userId: string, callId: string) {
  const call = await lockForAction(scope, userId, callId, 'consult_complete')
  await handOver(scope, call, userId, 'transferred')
  await recordEvent(scope, { type: 'call.consult_completed', entityType: 'call', entityId: callId, payload: { agentId: call.consult_agent_id, targetAgentId: userId, queueId: call.queue_id } })
}

/** The consulted agent takes the call from `fromId` (who leaves); the customer comes off hold with them. */
async function handOver(scope: TenantScope, call: Record<string, any>, fromId: string, reason: string) {
  const next = call.consult_agent_id as string
  await releaseAgent(scope, call, fromId, reason)
  const back = call.on_hold ? holdColumns(scope, call, false).columns : {}
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', call.id)
    .update({ ...CLEARED, ...back, agent_id: next, transfer_count: scope.trx.raw('transfer_count + 1') })
  if (call.on_hold) await holdMedia(scope, { ...call, agent_id: next }, [next], false)
}

/** Three-way call: the customer comes off hold and everyone hears everyone. */
export async function conferenceConsult(scope: TenantScope, userId: string, callId: string) {
  const call = await lockForAction(scope, userId, callId, 'consult_conference')
  const back = holdColumns(scope, call, false)
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ consult_state: 'conference', ...back.columns })
  await recordEvent(scope, { type: 'call.conferenced', entityType: 'call', entityId: callId, payload: consultPayload(call) })
  await holdMedia(scope, call, [userId, call.consult_agent_id], false)
  const voice = await requireVoice()
  const consulted = await legIdentity(scope, callId, 'agent', call.consult_agent_id)
  const initiator = await legIdentity(scope, callId, 'agent', userId)
  if (consulted && initiator) await voice.setListening(call.room, initiator, [consulted], true)
}

/**
 * Hanging up in a consultation or a conference. The consulted agent leaves (the initiator keeps
 * the customer); the initiator leaving a conference hands the call to the consulted agent.
 * Returns false when hanging up should end the call as usual.
 */
export async function leaveConsultOrConference(scope: TenantScope, userId: string, call: Record<string, any>) {
  if (!call.consult_state) return false
  if (call.consult_agent_id === userId) {
    await endConsult(scope, call.id, 'left')
    return true
  }
  if (call.agent_id === userId && call.consult_state === 'conference') {
    await handOver(scope, call, userId, 'left_conference')
    await recordEvent(scope, { type: 'call.consult_completed', entityType: 'call', entityId: call.id, payload: { agentId: call.consult_agent_id, targetAgentId: userId, queueId: call.queue_id } })
    return true
  }
  return false
}
