import { AppError, notFound } from '#shared/errors'
import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { identities, requireVoice } from '#voice/voice'
import type { JoinGrant } from '#voice/voice_provider'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { endCall, lockCall } from '#contact_center/actions/calls'
import { legIdentity } from '#contact_center/actions/call_control'

/** How a supervisor takes part in a call. */
export type SupervisionMode = 'monitor' | 'whisper' | 'barge'

/** A live call with media that a supervisor can step into. */
async function lockLiveCall(scope: TenantScope, callId: string) {
  const call = await lockCall(scope, callId)
  if (call.status === 'ended') throw new AppError(409, 'E_CONFLICT', 'The call has ended')
  if (!call.room) throw new AppError(409, 'E_CONFLICT', 'This call has no audio to supervise')
  return call
}

/** The supervisor's open leg on the call, or null. */
async function supervisorLeg(scope: TenantScope, callId: string, userId: string) {
  return scope.trx
    .from('call_legs')
    .where('tenant_id', scope.tenantId)
    .where('call_id', callId)
    .where('role', 'supervisor')
    .where('user_id', userId)
    .whereNull('left_at')
    .first()
}

async function emit(scope: TenantScope, call: Record<string, any>, supervisorId: string, mode: SupervisionMode | 'intercept' | null) {
  await recordEvent(scope, {
    type: 'call.supervision_changed',
    entityType: 'call',
    entityId: call.id,
    payload: { agentId: call.agent_id ?? null, queueId: call.queue_id ?? null, supervisorId, mode },
  })
}

/**
 * Monitor: the supervisor joins the call's room hidden and listen-only. Joining again (a reload)
 * keeps the same leg and mode.
 */
export async function monitorCall(scope: TenantScope, userId: string, displayName: string, callId: string): Promise<{ mode: SupervisionMode; join: JoinGrant }> {
  const call = await lockLiveCall(scope, callId)
  if (call.agent_id === userId) throw new AppError(409, 'E_CONFLICT', 'You are the agent on this call')
  const voice = await requireVoice('monitor')
  const identity = identities.supervisor(userId)
  let leg = await supervisorLeg(scope, callId, userId)
  if (!leg) {
    leg = { mode: 'monitor' }
    await scope.trx.table('call_legs').insert({ tenant_id: scope.tenantId, id: newId(), call_id: callId, role: 'supervisor', user_id: userId, identity, mode: 'monitor' })
    await emit(scope, call, userId, 'monitor')
  }
  const join = await voice.joinGrant(call.room, identity, 'supervisor', displayName)
  return { mode: leg.mode, join }
}

/**
 * Whisper (only the agent hears the supervisor) or barge (everyone does). The supervisor must be
 * monitoring first. The media server lets them publish; whom their audio reaches is set by the
 * supervisor's client with track subscription permissions before it publishes (the SFU enforces
 * them), and the end-to-end test checks from the customer's browser that the whisper never arrives.
 */
export async function speakOnCall(scope: TenantScope, userId: string, callId: string, mode: 'whisper' | 'barge') {
  const call = await lockLiveCall(scope, callId)
  const leg = await supervisorLeg(scope, callId, userId)
  if (!leg) throw new AppError(409, 'E_CONFLICT', 'Monitor the call first')
  if (mode === 'whisper' && (!call.agent_id || call.status !== 'connected')) throw new AppError(409, 'E_CONFLICT', 'No agent is on this call to whisper to')
  const voice = await requireVoice(mode)
  await scope.trx.from('call_legs').where('tenant_id', scope.tenantId).where('id', leg.id).update({ mode })
  await emit(scope, call, userId, mode)
  // Hidden participants are heard by nobody, so a whisperer becomes visible; the track permissions
  // its client sets before publishing keep the customer from subscribing.
  await voice.setSpeaking(call.room, leg.identity, 'speak', true).catch(() => {
    throw new AppError(409, 'E_CONFLICT', 'Join the call’s audio first (your monitoring connection is not in the call)')
  })
  return mode === 'whisper' ? { mode, onlyTo: identities.agent(call.agent_id) } : { mode }
}

/** The supervisor stops supervising: their leg ends and they leave the room. */
export async function leaveCall(scope: TenantScope, userId: string, callId: string) {
  const call = await lockCall(scope, callId)
  const leg = await supervisorLeg(scope, callId, userId)
  if (!leg) throw notFound('Supervision')
  await scope.trx.from('call_legs').where('tenant_id', scope.tenantId).where('id', leg.id).update({ left_at: new Date(), end_reason: 'left' })
  await emit(scope, call, userId, null)
  if (call.room && call.status !== 'ended') {
    const voice = await requireVoice()
    await voice.removeParticipant(call.room, leg.identity).catch(() => undefined)
  }
}

/**
 * Intercept: the supervisor takes the call over. Their leg becomes the agent leg (they speak to
 * everyone), the agent is removed from the room and goes to wrap-up, and the supervisor is busy
 * on the call.
 */
export async function interceptCall(scope: TenantScope, userId: string, callId: string) {
  const call = await lockLiveCall(scope, callId)
  if (call.status !== 'connected' || !call.agent_id) throw new AppError(409, 'E_CONFLICT', 'Only a connected call can be taken over')
  const leg = await supervisorLeg(scope, callId, userId)
  if (!leg) throw new AppError(409, 'E_CONFLICT', 'Monitor the call first')
  const voice = await requireVoice('intercept')
  const previousAgent = call.agent_id as string
  const agentIdentity = await legIdentity(scope, callId, 'agent', previousAgent)
  const now = new Date()
  await scope.trx
    .from('call_legs')
    .where('tenant_id', scope.tenantId)
    .where('call_id', callId)
    .where('role', 'agent')
    .where('user_id', previousAgent)
    .whereNull('left_at')
    .update({ left_at: now, end_reason: 'intercepted' })
  await scope.trx.from('call_legs').where('tenant_id', scope.tenantId).where('id', leg.id).update({ role: 'agent', mode: null })
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ agent_id: userId, on_hold: false, muted: false })
  await changeAgentState(scope, previousAgent, { to: 'wrap_up', by: 'system', callId })
  await changeAgentState(scope, userId, { to: 'busy', by: 'system', callId })
  await recordEvent(scope, { type: 'call.intercepted', entityType: 'call', entityId: callId, payload: { agentId: userId, previousAgentId: previousAgent, queueId: call.queue_id } })
  await recordEvent(scope, { type: 'call.ended_for_agent', entityType: 'call', entityId: callId, payload: { agentId: previousAgent, queueId: call.queue_id, reason: 'intercepted' } })
  await voice.setSpeaking(call.room, leg.identity, 'speak', true)
  if (agentIdentity) await voice.removeParticipant(call.room, agentIdentity).catch(() => undefined)
}

/** Force release: a supervisor ends the call for everyone. */
export async function releaseCall(scope: TenantScope, callId: string) {
  const call = await lockCall(scope, callId)
  if (call.status === 'ended') throw new AppError(409, 'E_CONFLICT', 'The call has already ended')
  await endCall(scope, callId, 'supervisor_release')
}
