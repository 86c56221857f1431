import type { HttpContext } from '@adonisjs/core/http'
import { startReclassify } from '#crm/actions/reclassify'
import { reclassifyValidator } from '#crm/validators/classification'

/** Bulk re-classification of a segment's members or the filtered list, as a background job. */
export default class CustomerReclassificationsController {
  async store(ctx: HttpContext) {
    const { segmentId, filters, changes } = await ctx.request.validateUsing(reclassifyValidator)
    const job = await startReclassify(ctx.scope, { segmentId, filters }, changes)
    ctx.audit = { targetType: 'job', targetId: job.id, after: { segmentId: segmentId ?? null, filters: filters ?? {}, changes } }
    return ctx.response.accepted({ data: job })
  }
}
