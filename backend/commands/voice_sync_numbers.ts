import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Routes every phone-number entry point at the SIP gateway again where the gateway lost it. */
export default class VoiceSyncNumbers extends BaseCommand {
  static commandName = 'voice:sync-numbers'
  static description = 'Provision again the phone numbers the SIP gateway no longer routes'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { syncNumbers } = await import('#voice/sip_numbers')
    const provisioned = await syncNumbers()
    this.logger.info(`${provisioned} phone number(s) provisioned at the SIP gateway`)
  }
}
