import { newId } from '#shared/ids'
import { AppError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { changeRecording, dialCallback, voiceForCallback } from '#contact_center/actions/call_control'
import { completeCallback } from '#callbacks/actions/callback_outcomes'
import { acceptConsult, endConsult } from '#contact_center/actions/consult'
import { recordingModeOf } from '#contact_center/queries/call_query'
import { identities } from '#voice/voice'

async function lockPendingOffer(scope: TenantScope, offerId: string, userId: string) {
  const offer = await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offerId).where('user_id', userId).forUpdate().first()
  if (!offer) throw notFound('Offer')
  if (offer.status !== 'pending') throw new AppError(409, 'E_CONFLICT', `This offer is ${offer.status}`)
  return offer
}

/**
 * The agent answers: the call is connected to them and they are busy (a consult offer joins them
 * to the consultation). Answering a callback call dials the customer out, as an outbound call does
 * (refused with the reason before anything changes when no gateway can dial).
 */
export async function acceptOffer(scope: TenantScope, userId: string, offerId: string) {
  const offer = await lockPendingOffer(scope, offerId, userId)
  const callback = offer.kind === 'consult' ? null : await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', offer.call_id).where('callback', true).first()
  const voice = callback ? await voiceForCallback(callback) : null
  const now = new Date()
  await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offer.id).update({ status: 'accepted', decided_at: now })
  if (offer.kind === 'consult') {
    await acceptConsult(scope, userId, offer.call_id)
    return offer.call_id as string
  }
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', offer.call_id).update({ status: 'connected', answered_at: now, agent_id: userId })
  await scope.trx.table('call_legs').insert({ tenant_id: scope.tenantId, id: newId(), call_id: offer.call_id, role: 'agent', user_id: userId, identity: identities.agent(userId), joined_at: now })
  await changeAgentState(scope, userId, { to: 'busy', by: 'system', callId: offer.call_id })
  const call = await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', offer.call_id).select('queue_id', 'room').first()
  await recordEvent(scope, { type: 'call.answered', entityType: 'call', entityId: offer.call_id, payload: { agentId: userId, offerId, queueId: call?.queue_id ?? null } })
  if (call?.room && (await recordingModeOf(scope, call.queue_id)) === 'always') await changeRecording(scope, offer.call_id, 'start')
  if (callback) {
    if (voice) await dialCallback(scope, voice, callback, userId)
    await completeCallback(scope, callback, userId)
  }
  return offer.call_id as string
}

/**
 * Puts an offered call back at the head of its queue (it keeps its original queue time), so the
 * next eligible agent gets it before any later caller.
 */
async function requeue(scope: TenantScope, callId: string, ronaIncrement: number) {
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', callId)
    .update({ status: 'queued', agent_id: null, target_agent_id: null, rona_count: scope.trx.raw('rona_count + ?', [ronaIncrement]) })
  await recordEvent(scope, { type: 'call.requeued', entityType: 'call', entityId: callId, payload: { rona: ronaIncrement > 0 } })
}

/** The agent declines: they are ready for other calls, and this call goes to someone else. */
export async function rejectOffer(scope: TenantScope, userId: string, offerId: string) {
  const offer = await lockPendingOffer(scope, offerId, userId)
  if (offer.kind === 'consult') return endConsult(scope, offer.call_id, 'declined')
  await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offer.id).update({ status: 'rejected', decided_at: new Date() })
  await changeAgentState(scope, userId, { to: 'ready', by: 'system', callId: null })
  await requeue(scope, offer.call_id, 0)
}

/**
 * RONA (redirect on no answer): offers past their timeout expire, their agents go not_ready with
 * reason `no_answer` (so an absent agent stops receiving calls), and the calls return to the head
 * of their queues.
 */
export async function expireOffers(scope: TenantScope) {
  const { rows } = await scope.trx.rawQuery(
    `select id, call_id, user_id, kind from offers
      where tenant_id = ? and status = 'pending' and expires_at <= now()
      for update skip locked`,
    [scope.tenantId]
  )
  for (const offer of rows) {
    if (offer.kind === 'consult') {
      await endConsult(scope, offer.call_id, 'missed')
      continue
    }
    await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offer.id).update({ status: 'expired', decided_at: new Date() })
    await changeAgentState(scope, offer.user_id, { to: 'not_ready', by: 'system', reason: 'no_answer', callId: null })
    await requeue(scope, offer.call_id, 1)
  }
  return rows.length as number
}
