import type { HttpContext } from '@adonisjs/core/http'
import { enqueueJob } from '#jobs/jobs'
import { FieldError } from '#shared/errors'
import { checkRange } from '#datacenter/queries/kpi_query'
import { exportValidator } from '#datacenter/validators/exports'
import { DATACENTER_EXPORT, exportParamsOf } from '#datacenter/jobs/datacenter_export'

/** Exports of the data center (the KPI table, or the contacts behind a count) run as background jobs. */
export default class ExportsController {
  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(exportValidator)
    // Judged now, so a bad range or a missing count is a 422 rather than a failed job later.
    checkRange(input)
    if (input.kind === 'contacts' && !input.kpi) throw new FieldError('kpi', 'required', 'Choose which count’s contacts to export')
    const params = exportParamsOf(input)
    const job = await enqueueJob(ctx.scope, DATACENTER_EXPORT, params)
    ctx.audit = { targetType: 'job', targetId: job.id, after: params }
    return ctx.response.accepted({ data: job })
  }
}
