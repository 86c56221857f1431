import type { HttpContext } from '@adonisjs/core/http'
import { enqueueJob } from '#jobs/jobs'
import { customerExportValidator } from '#crm/validators/customer_export'
import { viewerOf } from '#crm/queries/customer_query'
import { findSegment } from '#crm/queries/segment_query'

/** Exports of the customer list (CSV or XLSX) run as background jobs. */
export default class CustomerExportsController {
  async store(ctx: HttpContext) {
    const { format, ...filters } = await ctx.request.validateUsing(customerExportValidator)
    // A segment of another tenant or a deleted one is a 404 now, not a failed job later.
    if (filters.segmentId) await findSegment(ctx.scope, viewerOf(ctx.user), filters.segmentId)
    const job = await enqueueJob(ctx.scope, 'customers.export', { format, filters })
    ctx.audit = { targetType: 'job', targetId: job.id, after: { format, filters } }
    return ctx.response.accepted({ data: job })
  }
}
