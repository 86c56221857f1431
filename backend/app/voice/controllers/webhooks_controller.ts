import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { AppError } from '#shared/errors'
import { ForgedWebhookError, VoiceProvider } from '#voice/voice_provider'
import { applyVoiceEvent } from '#voice/voice_events'

/**
 * Vendor webhooks: verified by the provider (signature over the raw body), then recorded once by
 * event id, so a redelivery answers 200 without a second effect.
 */
export default class WebhooksController {
  async livekit(ctx: HttpContext) {
    const voice = await ctx.containerResolver.make(VoiceProvider).catch(() => {
      throw new AppError(503, 'E_SERVER_BUSY', 'Voice is off on this server')
    })
    const raw = ctx.request.raw() ?? ''
    let event
    try {
      event = await voice.parseWebhook(raw, { authorization: ctx.request.header('authorization') })
    } catch (error) {
      if (error instanceof ForgedWebhookError) throw new AppError(401, 'E_UNAUTHORIZED', 'The webhook signature does not match its body')
      throw error
    }
    const room = 'room' in event ? event.room : null
    const inserted = await db.rawQuery(
      `insert into voice_webhook_events (provider, event_id, type, room) values (?, ?, ?, ?) on conflict do nothing returning event_id`,
      [voice.name, event.eventId, event.type, room]
    )
    const duplicate = inserted.rows.length === 0
    // The reconciler repairs what a failed effect leaves behind; the media server must not retry forever.
    if (!duplicate) await applyVoiceEvent(event).catch((error) => logger.error({ err: error, event: event.type }, 'voice event could not be applied'))
    return { data: { type: event.type, duplicate } }
  }
}
