import { newId } from '#shared/ids'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** One outgoing mail. */
export interface MailMessage {
  to: string
  subject: string
  body: string
}

/**
 * The mail port: how the platform sends mail. A mail is handed over inside the transaction of the
 * change that caused it, so a rolled-back change never sends a mail. Providers sit behind it.
 */
export abstract class Mailer {
  abstract send(trx: TransactionClientContract, message: MailMessage): Promise<void>
}

/** Development mailer: prints each mail and keeps it in the dev mailbox page. */
export class DevMailboxMailer extends Mailer {
  async send(trx: TransactionClientContract, message: MailMessage) {
    await trx.table('dev_mailbox').insert({ id: newId(), to_address: message.to, subject: message.subject, body: message.body })
    logger.info({ to: message.to, subject: message.subject }, `mail for ${message.to}:\n${message.body}`)
  }
}
