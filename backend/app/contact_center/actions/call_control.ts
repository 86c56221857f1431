import { AppError, FieldError, notFound } from '#shared/errors'
import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { identities, requireVoice, roomOf } from '#voice/voice'
import { ListenerAbsentError, type VoiceProvider } from '#voice/voice_provider'
import { defaultCountryOf, toE164 } from '#voice/phone_numbers'
import { changeAgentState, lockAgentState } from '#contact_center/actions/agent_states'
import { endCall, lockCall } from '#contact_center/actions/calls'
import { actionRefusal, type CallAction } from '#contact_center/call_actions'
import { callActionContext } from '#contact_center/queries/call_query'
import { leaveConsultOrConference } from '#contact_center/actions/consult'
import { logCallOnCustomers } from '#crm/actions/call_tracking'

/** Where a blind transfer sends the caller. */
export type TransferTarget = { target: 'agent'; userId: string } | { target: 'queue'; queueId: string } | { target: 'number'; number: string }

/** What recording control asks for. */
export type RecordingAction = 'start' | 'stop' | 'pause' | 'resume'

/** The call, locked, if `action` is allowed for this user now; 404 when it is not their call, 409 when not now. */
export async function lockForAction(scope: TenantScope, userId: string, callId: string, action: CallAction) {
  const call = await lockCall(scope, callId)
  const context = await callActionContext(scope, call, userId)
  if (!context.viewerIsAgent && !context.offeredToViewer && !context.viewerWrappingUp && !context.viewerIsConsulted) throw notFound('Call')
  const refusal = actionRefusal(action, context)
  if (refusal) throw new AppError(409, 'E_CONFLICT', refusal)
  return call
}

/** The room identity of a call's party (from its open leg), or null when that party is not in the room. */
export async function legIdentity(scope: TenantScope, callId: string, role: 'customer' | 'agent' | 'bot', userId?: string) {
  const query = scope.trx.from('call_legs').where('tenant_id', scope.tenantId).where('call_id', callId).where('role', role).whereNull('left_at')
  if (userId) query.where('user_id', userId)
  const leg = await query.orderBy('joined_at', 'desc').first()
  return (leg?.identity as string | null) ?? null
}

/** Payload every call event carries so agent, queue and wallboard channels all receive it. */
export function eventPayload(call: Record<string, any>, extra: Record<string, unknown> = {}) {
  return { agentId: call.agent_id ?? null, queueId: call.queue_id ?? null, ...extra }
}

/**
 * Hold at the media server: the customer stops hearing the given agents and hears the bot's hold
 * music; the agents hear neither the customer nor the music. `held = false` undoes it.
 */
export async function holdMedia(scope: TenantScope, call: Record<string, any>, agentIds: string[], held: boolean) {
  const voice = await requireVoice('hold')
  const customer = await legIdentity(scope, call.id, 'customer')
  const bot = await legIdentity(scope, call.id, 'bot')
  if (!customer) return
  const agents: string[] = []
  for (const id of agentIds) {
    const identity = await legIdentity(scope, call.id, 'agent', id)
    if (identity) agents.push(identity)
  }
  try {
    if (agents.length > 0) await voice.setListening(call.room, customer, agents, !held)
    for (const agent of agents) await voice.setListening(call.room, agent, bot ? [customer, bot] : [customer], !held)
  } catch (error) {
    // The media server can only hold a party that is in the call; the change is rolled back.
    if (error instanceof ListenerAbsentError) throw new AppError(409, 'E_CONFLICT', "Connect to the call's audio before putting it on hold or retrieving it")
    throw error
  }
}

/** The hold columns of a call going on or off hold (held time accumulates). */
export function holdColumns(scope: TenantScope, call: Record<string, any>, held: boolean) {
  const now = new Date()
  const heldFor = !held && call.hold_started_at ? Math.round((now.getTime() - new Date(call.hold_started_at).getTime()) / 1000) : 0
  const columns = held
    ? { on_hold: true, hold_started_at: now, hold_count: scope.trx.raw('hold_count + 1') }
    : { on_hold: false, hold_started_at: null, held_seconds: scope.trx.raw('held_seconds + ?', [heldFor]) }
  return { columns, heldFor }
}

/** Hold and retrieve by the agent; enforced by the media server, not only in the browser. */
export async function setHold(scope: TenantScope, userId: string, callId: string, hold: boolean) {
  const call = await lockForAction(scope, userId, callId, hold ? 'hold' : 'retrieve')
  const { columns, heldFor } = holdColumns(scope, call, hold)
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update(columns)
  await recordEvent(scope, { type: hold ? 'call.held' : 'call.retrieved', entityType: 'call', entityId: callId, payload: eventPayload(call, hold ? {} : { heldSeconds: heldFor }) })
  await holdMedia(scope, call, [userId], hold)
}

/** Mute: the agent's microphone is muted at the media server, so the customer hears nothing. */
export async function setMute(scope: TenantScope, userId: string, callId: string, muted: boolean) {
  const call = await lockForAction(scope, userId, callId, muted ? 'mute' : 'unmute')
  const voice = await requireVoice('mute')
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ muted })
  await recordEvent(scope, { type: muted ? 'call.muted' : 'call.unmuted', entityType: 'call', entityId: callId, payload: eventPayload(call) })
  const agent = await legIdentity(scope, callId, 'agent', userId)
  if (agent) await voice.setMuted(call.room, agent, muted)
}

/** The agent leaves a call they hand on: their leg ends, they go to wrap-up, their room participant is removed. */
export async function releaseAgent(scope: TenantScope, call: Record<string, any>, userId: string, reason: string) {
  const identity = await legIdentity(scope, call.id, 'agent', userId)
  await scope.trx
    .from('call_legs')
    .where('tenant_id', scope.tenantId)
    .where('call_id', call.id)
    .where('role', 'agent')
    .where('user_id', userId)
    .whereNull('left_at')
    .update({ left_at: new Date(), end_reason: reason })
  await changeAgentState(scope, userId, { to: 'wrap_up', by: 'system', callId: call.id })
  if (identity && call.room) {
    const voice = await requireVoice()
    await voice.removeParticipant(call.room, identity).catch(() => undefined)
  }
}

/**
 * Blind transfer. To an agent or a queue the caller stays in the same room and waits again (hearing
 * queue music) until the new agent answers; to a number the SIP gateway refers the caller out.
 */
export async function transferCall(scope: TenantScope, userId: string, callId: string, target: TransferTarget) {
  const call = await lockForAction(scope, userId, callId, 'transfer')
  if (target.target === 'number') return transferOut(scope, userId, call, target.number)
  let queueId = call.queue_id as string | null
  let targetAgentId: string | null = null
  if (target.target === 'queue') {
    const queue = await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', target.queueId).first()
    if (!queue) throw new FieldError('queueId', 'exists', 'No such queue')
    queueId = queue.id
  } else {
    if (target.userId === userId) throw new FieldError('userId', 'notSelf', 'You cannot transfer a call to yourself')
    const user = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', target.userId).where('status', 'active').first()
    if (!user) throw new FieldError('userId', 'exists', 'No such agent')
    const agent = await scope.trx.from('agent_states').where('tenant_id', scope.tenantId).where('user_id', target.userId).first()
    if (agent?.state !== 'ready' || agent.locked) throw new AppError(409, 'E_CONFLICT', 'That agent is not ready to take a call')
    targetAgentId = target.userId
  }
  if (!queueId) throw new FieldError('queueId', 'required', 'The call has no queue: choose a queue')
  await releaseAgent(scope, call, userId, 'transferred')
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', callId)
    .update({
      status: 'queued',
      queue_id: queueId,
      agent_id: null,
      target_agent_id: targetAgentId,
      queued_at: new Date(),
      on_hold: false,
      hold_started_at: null,
      muted: false,
      transfer_count: scope.trx.raw('transfer_count + 1'),
    })
  await recordEvent(scope, {
    type: 'call.transferred',
    entityType: 'call',
    entityId: callId,
    payload: { agentId: userId, queueId, fromQueueId: call.queue_id, to: target.target, targetAgentId },
  })
}

/** Blind transfer to an external number through the SIP gateway; the call ends for us. */
async function transferOut(scope: TenantScope, userId: string, call: Record<string, any>, number: string) {
  const voice = await requireVoice('sip_outbound')
  const customer = await legIdentity(scope, call.id, 'customer')
  if (call.channel !== 'voice' || !customer) throw new AppError(409, 'E_CONFLICT', 'Only phone calls can be transferred to a number')
  await voice.transferToNumber(call.room, customer, number)
  await recordEvent(scope, { type: 'call.transferred', entityType: 'call', entityId: call.id, payload: eventPayload(call, { to: 'number', agentId: userId }) })
  await endCall(scope, call.id, 'transferred_out')
}

/** DTMF from the agent (e.g. to drive a remote IVR): the bot sends the digits into the room. */
export async function sendDigits(scope: TenantScope, userId: string, callId: string, digits: string) {
  const call = await lockForAction(scope, userId, callId, 'dtmf')
  await recordEvent(scope, { type: 'call.dtmf_sent', entityType: 'call', entityId: callId, payload: eventPayload(call, { digits }) })
}

const RECORDING_STATE: Record<RecordingAction, 'on' | 'off' | 'paused'> = { start: 'on', stop: 'off', pause: 'paused', resume: 'on' }

/** Changes the recording state and its recording row; the bot writes the audio. */
export async function changeRecording(scope: TenantScope, callId: string, action: RecordingAction, kind: 'call' | 'voicemail' = 'call') {
  const call = await lockCall(scope, callId)
  const now = new Date()
  let recordingId: string | null = null
  if (action === 'start') {
    recordingId = newId()
    await scope.trx.table('recordings').insert({
      tenant_id: scope.tenantId,
      id: recordingId,
      call_id: callId,
      file_name: `recordings/${callId}/${recordingId}.wav`,
      status: 'recording',
      started_at: now,
      kind,
    })
  } else {
    const open = await scope.trx.from('recordings').where('tenant_id', scope.tenantId).where('call_id', callId).where('status', 'recording').orderBy('started_at', 'desc').first()
    recordingId = open?.id ?? null
  }
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ recording_state: RECORDING_STATE[action] })
  await recordEvent(scope, { type: 'call.recording_changed', entityType: 'call', entityId: callId, payload: eventPayload(call, { action, recordingId, state: RECORDING_STATE[action] }) })
}

/** The agent's recording control. */
export async function controlRecording(scope: TenantScope, userId: string, callId: string, action: RecordingAction) {
  await lockForAction(scope, userId, callId, `record_${action}`)
  await changeRecording(scope, callId, action)
}

/** The outcome of a call, chosen by its agent while connected or in wrap-up. */
export async function setDisposition(scope: TenantScope, userId: string, callId: string, code: string, notes: string | null) {
  const call = await lockForAction(scope, userId, callId, 'disposition')
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ disposition: code, disposition_notes: notes })
  await recordEvent(scope, { type: 'call.dispositioned', entityType: 'call', entityId: callId, payload: eventPayload(call, { code }) })
  await logCallOnCustomers(scope, call, userId, code, notes)
}

/**
 * The agent hangs up: the whole call ends (the customer's leg too), except that leaving a
 * consultation or a conference only takes that agent out.
 */
export async function hangUpCall(scope: TenantScope, userId: string, callId: string) {
  const call = await lockForAction(scope, userId, callId, 'hangup')
  if (await leaveConsultOrConference(scope, userId, call)) return
  await endCall(scope, callId, 'agent_hangup')
}

/** The caller id the organisation shows on outbound calls (null: the trunk's own). */
async function outboundCallerId(scope: TenantScope): Promise<string | null> {
  return (await scope.trx.from('voice_settings').where('tenant_id', scope.tenantId).select('outbound_caller_id').first())?.outbound_caller_id ?? null
}

/**
 * The one way a customer is dialled: the call's room is created and the number dialled into it as
 * the call's customer participant through the SIP gateway (outbound calls and answered callbacks).
 */
async function dialCustomer(scope: TenantScope, voice: VoiceProvider, callId: string, number: string, callerId: string | null) {
  const room = roomOf(callId)
  await voice.createCallRoom(room, { tenantId: scope.tenantId, callId })
  await voice.dialOut(room, number, callerId, identities.customer(callId))
}

/**
 * An outbound call from the agent: a room, the agent's leg, and the number dialled into it through
 * the SIP gateway; the agent is busy on it. Refused with the reason when no gateway can dial.
 */
export async function dialOut(scope: TenantScope, userId: string, input: { number: string; queueId?: string }) {
  const voice = await requireVoice('sip_outbound')
  const number = toE164(input.number, await defaultCountryOf(scope), 'number')
  if (input.queueId && !(await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', input.queueId).first())) {
    throw new FieldError('queueId', 'exists', 'No such queue')
  }
  const agent = await lockAgentState(scope, userId)
  if (['reserved', 'busy'].includes(agent.state)) throw new AppError(409, 'E_CONFLICT', 'Finish your current call first')
  const callerId = await outboundCallerId(scope)
  const id = newId()
  const now = new Date()
  await scope.trx.table('calls').insert({
    tenant_id: scope.tenantId,
    id,
    direction: 'outbound',
    channel: 'voice',
    status: 'connected',
    ani: callerId,
    dnis: number,
    room: roomOf(id),
    queue_id: input.queueId ?? null,
    agent_id: userId,
    created_at: now,
    answered_at: now,
  })
  await scope.trx.table('call_legs').insert([
    { tenant_id: scope.tenantId, id: newId(), call_id: id, role: 'agent', user_id: userId, identity: identities.agent(userId), joined_at: now },
    { tenant_id: scope.tenantId, id: newId(), call_id: id, role: 'customer', identity: identities.customer(id), joined_at: now },
  ])
  await changeAgentState(scope, userId, { to: 'busy', by: 'system', callId: id })
  await recordEvent(scope, { type: 'call.dialled', entityType: 'call', entityId: id, payload: { agentId: userId, queueId: input.queueId ?? null, dnis: number } })
  await dialCustomer(scope, voice, id, number, callerId)
  return id
}

/** The number a callback call rings: the one booked (outbound) or the caller's who asked for it (inbound overflow). */
export function callbackNumber(call: Record<string, any>): string | null {
  return call.direction === 'outbound' ? call.dnis : call.ani
}

/**
 * The voice provider that will dial a callback call once answered, checked before the answer
 * changes anything: 409 with the reason when no gateway can dial; null for a simulated callback
 * (training, load tests), which connects without audio like any simulated call.
 */
export async function voiceForCallback(call: Record<string, any>): Promise<VoiceProvider | null> {
  if (call.channel === 'simulated') return null
  if (!callbackNumber(call)) throw new AppError(409, 'E_CONFLICT', 'This callback has no number to call')
  return requireVoice('sip_outbound')
}

/**
 * The agent answered a callback call: the customer is dialled into the call's new room through the
 * same path as an outbound call (the caller who waited for an overflow callback left the old room).
 */
export async function dialCallback(scope: TenantScope, voice: VoiceProvider, call: Record<string, any>, userId: string) {
  const number = callbackNumber(call)!
  const callerId = await outboundCallerId(scope)
  const now = new Date()
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', call.id)
    .update({ room: roomOf(call.id), ...(call.direction === 'outbound' ? { ani: callerId } : {}) })
  await scope.trx.table('call_legs').insert({ tenant_id: scope.tenantId, id: newId(), call_id: call.id, role: 'customer', identity: identities.customer(call.id), joined_at: now })
  await recordEvent(scope, { type: 'call.dialled', entityType: 'call', entityId: call.id, payload: { agentId: userId, queueId: call.queue_id ?? null, dnis: number, callbackId: call.callback_id ?? null } })
  await dialCustomer(scope, voice, call.id, number, callerId)
}
