import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#shared/errors'
import { createTrackingRecord, updateTrackingRecord } from '#crm/actions/tracking_records'
import { viewerOf } from '#crm/queries/customer_query'
import { type TrackingRecord, listDueFollowUps, listTrackingRecords } from '#crm/queries/tracking_query'
import { createTrackingRecordValidator, dueFollowUpsValidator, trackingListValidator, updateTrackingRecordValidator } from '#crm/validators/tracking_records'

/** The operation-log summary of a tracking record: its content is left out. */
function auditOf(record: TrackingRecord) {
  return { customerId: record.customerId, type: record.type, outcome: record.outcome, callId: record.callId, ownerId: record.ownerId, nextFollowUpAt: record.nextFollowUpAt, done: record.done }
}

/** A customer's timeline of calls, visits, e-mails and notes, and the follow-ups due. */
export default class TrackingRecordsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(trackingListValidator, { data: ctx.request.qs() })
    return listTrackingRecords(ctx.scope, viewerOf(ctx.user), ctx.params.id, input)
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createTrackingRecordValidator)
    const created = await createTrackingRecord(ctx.scope, viewerOf(ctx.user), ctx.params.id, input)
    ctx.audit = { targetType: 'tracking_record', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateTrackingRecordValidator)
    const viewer = { ...viewerOf(ctx.user), canManage: ctx.user.permissions.has('customers.manage') }
    const { before, after } = await updateTrackingRecord(ctx.scope, viewer, ctx.params.id, input)
    ctx.audit = { targetType: 'tracking_record', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async due(ctx: HttpContext) {
    const { ownerId } = await ctx.request.validateUsing(dueFollowUpsValidator, { data: ctx.request.qs() })
    const viewer = viewerOf(ctx.user)
    if (ownerId && ownerId !== ctx.user.id && !viewer.seeAll) throw new AppError(403, 'E_FORBIDDEN', 'Only people who see every customer may list the follow-ups of others')
    return { data: await listDueFollowUps(ctx.scope, viewer, ownerId ?? ctx.user.id) }
  }
}
