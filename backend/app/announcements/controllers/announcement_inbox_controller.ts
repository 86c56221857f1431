import type { HttpContext } from '@adonisjs/core/http'
import { acknowledgeAnnouncement } from '#announcements/actions/announcements'
import { listInbox } from '#announcements/queries/announcement_query'

/** Everyone's side of announcements: the ones addressed to me, and acknowledging them. */
export default class AnnouncementInboxController {
  async index(ctx: HttpContext) {
    return { data: await listInbox(ctx.scope, ctx.user.id) }
  }

  async acknowledge(ctx: HttpContext) {
    const { announcement, first } = await acknowledgeAnnouncement(ctx.scope, ctx.user.id, ctx.params.id)
    ctx.audit = { targetType: 'announcement', targetId: announcement.id, after: { acknowledgedAt: announcement.acknowledgedAt, first } }
    return { data: announcement }
  }
}
