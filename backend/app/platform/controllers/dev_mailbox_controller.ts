import db from '@adonisjs/lucid/services/db'
import { iso } from '#shared/time'

/** The development mailbox: mails the dev mailer kept, newest first (not routed in production). */
export default class DevMailboxController {
  async index() {
    const rows = await db.from('dev_mailbox').orderBy('created_at', 'desc').limit(100)
    return {
      data: rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, createdAt: iso(r.created_at) })),
    }
  }
}
