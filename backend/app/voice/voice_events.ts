import logger from '@adonisjs/core/services/logger'
import { inPlatform, inTenant, systemScope } from '#shared/scope'
import type { VoiceEvent } from '#voice/voice_provider'
import { callConductor } from '#voice/call_conductor'
import { voiceProvider } from '#voice/voice'
import { endCall } from '#contact_center/actions/calls'
import { startInboundCall } from '#contact_center/actions/inbound'
import { routeWaitingCalls } from '#contact_center/actions/routing'

/** The open call living in a room, found across tenants (rooms are globally unique). */
async function callInRoom(room: string) {
  return inPlatform((trx) => trx.from('calls').where('room', room).select('tenant_id', 'id', 'status').first())
}

/** Ends a call the media server says is over, if it is not already, and routes what that freed. */
async function endFromMedia(tenantId: string, callId: string, reason: string) {
  await inTenant(tenantId, async (trx) => {
    const scope = systemScope(tenantId, trx, 'voice-events')
    const call = await trx.from('calls').where('tenant_id', tenantId).where('id', callId).forUpdate().first()
    if (!call || call.status === 'ended') return
    await endCall(scope, callId, reason)
    await routeWaitingCalls(scope)
  })
}

/**
 * What a verified, first-delivery provider event changes: a SIP caller on one of our numbers
 * becomes a call (the bot takes it from there); a customer who left or a room that closed ends
 * its call. Webhooks are a safety net for the bot's own view, so every effect is idempotent.
 */
export async function applyVoiceEvent(event: VoiceEvent) {
  if (event.type === 'leg.joined' && event.sip) {
    const tenantId = event.sip.attributes.tenant_id
    const entryPointId = event.sip.attributes.entry_point_id
    if (!tenantId || !entryPointId || (await callInRoom(event.room))) return
    const entry = await inTenant(tenantId, (trx) => trx.from('entry_points').where('tenant_id', tenantId).where('id', entryPointId).where('enabled', true).first())
    if (!entry) {
      logger.warn({ room: event.room }, 'SIP call for an unknown or disabled entry point; closing its room')
      await (await voiceProvider())?.endCallRoom(event.room).catch(() => undefined)
      return
    }
    const callId = await inTenant(tenantId, (trx) =>
      startInboundCall(systemScope(tenantId, trx, 'sip'), {
        channel: 'voice',
        entryPointId,
        language: entry.language,
        ani: event.sip!.from,
        dnis: event.sip!.to ?? entry.number,
        room: event.room,
        customerIdentity: event.identity,
      })
    )
    callConductor.conduct(tenantId, callId)
    return
  }
  if ((event.type === 'leg.left' && event.role === 'customer') || event.type === 'room.finished') {
    const call = await callInRoom(event.room)
    if (call && call.status !== 'ended') await endFromMedia(call.tenant_id, call.id, event.type === 'room.finished' ? 'room_closed' : 'customer_hangup')
  }
}

/**
 * Repairs drift between the media server and our calls when a webhook or the bot missed
 * something: an open call whose room is gone ends, a room whose call ended is closed.
 */
export async function reconcileVoice(graceSeconds = 60) {
  const voice = await voiceProvider()
  if (!voice) return { ended: 0, closed: 0 }
  const rooms = new Set(await voice.callRooms())
  const { rows: open } = await inPlatform((trx) =>
    trx.rawQuery(`select tenant_id, id, room from calls where status <> 'ended' and room is not null and created_at <= ?`, [new Date(Date.now() - graceSeconds * 1000)])
  )
  let ended = 0
  for (const call of open) {
    if (rooms.has(call.room)) continue
    await endFromMedia(call.tenant_id, call.id, 'media_lost')
    ended++
  }
  let closed = 0
  const ours = [...rooms].filter((room) => room.startsWith('call-') || room.startsWith('sip-'))
  if (ours.length > 0) {
    const { rows: known } = await inPlatform((trx) => trx.rawQuery(`select room, status from calls where room = any(?)`, [ours]))
    const status = new Map<string, string>(known.map((k: { room: string; status: string }) => [k.room, k.status]))
    for (const room of ours) {
      // A room without a call row may be a SIP caller whose webhook is still on its way: leave those to the grace period.
      if (status.get(room) !== 'ended') continue
      await voice.endCallRoom(room).catch(() => undefined)
      closed++
    }
  }
  return { ended, closed }
}

/** Runs the reconciler periodically in the web server. */
export class VoiceReconciler {
  #timer: NodeJS.Timeout | null = null

  start(intervalMs = 30_000) {
    this.#timer ??= setInterval(() => void reconcileVoice().catch((error) => logger.error({ err: error }, 'voice reconcile failed')), intervalMs)
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }
}

export const voiceReconciler = new VoiceReconciler()
