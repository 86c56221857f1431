import type { HttpContext } from '@adonisjs/core/http'
import { enqueueJob } from '#jobs/jobs'
import { customerExportValidator } from '#crm/validators/customer_export'

/** Exports of the customer list (CSV or XLSX) run as background jobs. */
export default class CustomerExportsController {
  async store(ctx: HttpContext) {
    const { format, ...filters } = await ctx.request.validateUsing(customerExportValidator)
    const job = await enqueueJob(ctx.scope, 'customers.export', { format, filters })
    ctx.audit = { targetType: 'job', targetId: job.id, after: { format, filters } }
    return ctx.response.accepted({ data: job })
  }
}
