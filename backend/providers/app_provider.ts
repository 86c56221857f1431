import type { ApplicationService } from '@adonisjs/core/types'
import { Mailer, DevMailboxMailer } from '#shared/mail/mailer'
import { VoiceProvider } from '#voice/voice_provider'

/** Binds the application's ports to their default adapters. */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(Mailer, () => new DevMailboxMailer())
    this.app.container.singleton(VoiceProvider, async () => {
      const { default: env } = await import('#start/env')
      const url = env.get('LIVEKIT_URL')
      if (!url) throw new Error('Voice is off: set LIVEKIT_URL (npm start builds and starts LiveKit when Go is installed)')
      const { LivekitProvider } = await import('#voice/adapters/livekit/livekit_provider')
      return new LivekitProvider({ url, apiKey: env.get('LIVEKIT_API_KEY') ?? '', apiSecret: env.get('LIVEKIT_API_SECRET') ?? '', sip: env.get('LIVEKIT_SIP') === true, outboundTrunkId: env.get('LIVEKIT_SIP_OUTBOUND_TRUNK') })
    })
  }

  async boot() {
    await import('#shared/http_context')
  }
}
