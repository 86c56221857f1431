import { newId } from '#shared/ids'
import { inPlatform } from '#shared/scope'
import logger from '@adonisjs/core/services/logger'

/** One outgoing mail. */
export interface MailMessage {
  to: string
  subject: string
  body: string
}

/** The mail port: how the platform sends mail. Providers sit behind it; tests swap it. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>
}

/** Development mailer: prints each mail and keeps it in the dev mailbox page. */
export class DevMailboxMailer extends Mailer {
  async send(message: MailMessage) {
    logger.info({ to: message.to, subject: message.subject }, `mail for ${message.to}:\n${message.body}`)
    await inPlatform((trx) =>
      trx.table('dev_mailbox').insert({ id: newId(), to_address: message.to, subject: message.subject, body: message.body })
    )
  }
}
