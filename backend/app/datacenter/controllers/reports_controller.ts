import type { HttpContext } from '@adonisjs/core/http'
import { createReport, deleteReport, updateReport } from '#datacenter/actions/reports'
import { type ReportReader, type SavedReport, findReport, listReports } from '#datacenter/queries/report_query'
import { createReportValidator, updateReportValidator } from '#datacenter/validators/reports'

function readerOf(ctx: HttpContext): ReportReader {
  return { userId: ctx.user.id, manageShared: ctx.user.permissions.has('tenant.settings.manage') }
}

/** The operation-log summary of a report. */
function auditOf(report: SavedReport) {
  return { name: report.name, shared: report.shared, ownerId: report.ownerId, definition: report.definition }
}

/** Saved report definitions: each user's own, plus the ones shared with the organisation. */
export default class ReportsController {
  async index(ctx: HttpContext) {
    return { data: await listReports(ctx.scope, readerOf(ctx)) }
  }

  async show(ctx: HttpContext) {
    return { data: await findReport(ctx.scope, readerOf(ctx), ctx.params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createReportValidator)
    const created = await createReport(ctx.scope, readerOf(ctx), input)
    ctx.audit = { targetType: 'saved_report', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateReportValidator)
    const { before, after } = await updateReport(ctx.scope, readerOf(ctx), ctx.params.id, input)
    ctx.audit = { targetType: 'saved_report', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteReport(ctx.scope, readerOf(ctx), ctx.params.id)
    ctx.audit = { targetType: 'saved_report', targetId: before.id, before: auditOf(before) }
    return ctx.response.noContent()
  }
}
