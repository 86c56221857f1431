import type { ApplicationService } from '@adonisjs/core/types'
import { Mailer, DevMailboxMailer } from '#shared/mail/mailer'

/** Binds the application's ports to their default adapters. */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(Mailer, () => new DevMailboxMailer())
  }

  async boot() {
    await import('#shared/http_context')
  }
}
