import type { HttpContext } from '@adonisjs/core/http'
import { publishAnnouncement, withdrawAnnouncement } from '#announcements/actions/announcements'
import { type Announcement, findAnnouncement, listAcknowledgements, listAnnouncements } from '#announcements/queries/announcement_query'
import { announcementListValidator, createAnnouncementValidator } from '#announcements/validators/announcements'

/** The operation-log summary of an announcement: its reach, not its text beyond the title. */
function auditOf(announcement: Announcement) {
  const { title, priority, audience, teams, expiresAt } = announcement
  return { title, priority, audience, teamIds: teams.map((team) => team.id), expiresAt }
}

/** Supervisors' side of announcements: post, list with acknowledgement counts, see who acknowledged, withdraw. */
export default class AnnouncementsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(announcementListValidator, { data: ctx.request.qs() })
    return listAnnouncements(ctx.scope, input)
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createAnnouncementValidator)
    const created = await publishAnnouncement(ctx.scope, input)
    ctx.audit = { targetType: 'announcement', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async show(ctx: HttpContext) {
    return { data: await findAnnouncement(ctx.scope, ctx.params.id) }
  }

  async acknowledgements(ctx: HttpContext) {
    return { data: await listAcknowledgements(ctx.scope, ctx.params.id) }
  }

  async destroy(ctx: HttpContext) {
    const before = await withdrawAnnouncement(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'announcement', targetId: before.id, before: auditOf(before) }
    return ctx.response.noContent()
  }
}
