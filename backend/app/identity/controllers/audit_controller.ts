import type { HttpContext } from '@adonisjs/core/http'
import { enqueueJob } from '#jobs/jobs'
import { listAudit } from '#identity/queries/audit_query'
import { auditQueryValidator } from '#identity/validators/directory'

/** The operation log: filtered pages, and CSV exports run as background jobs. */
export default class AuditController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(auditQueryValidator, { data: ctx.request.qs() })
    return listAudit(ctx.scope, filters)
  }

  async export(ctx: HttpContext) {
    const { page: _page, perPage: _perPage, ...filters } = await ctx.request.validateUsing(auditQueryValidator)
    const job = await enqueueJob(ctx.scope, 'audit.export', { filters, cutoff: new Date().toISOString() })
    ctx.audit = { targetType: 'job', targetId: job.id, after: { filters } }
    return ctx.response.accepted({ data: job })
  }
}
