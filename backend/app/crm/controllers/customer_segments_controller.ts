import type { HttpContext } from '@adonisjs/core/http'
import { createSegment, deleteSegment, updateSegment } from '#crm/actions/segments'
import { checkSegmentRules } from '#crm/actions/segment_rules_check'
import { countMembers, findSegment, listSegments } from '#crm/queries/segment_query'
import { viewerOf } from '#crm/queries/customer_query'
import { segmentPreviewValidator, segmentValidator, updateSegmentValidator } from '#crm/validators/classification'

/** Saved rule-based segments; member counts are live and limited to the viewer's data scope. */
export default class CustomerSegmentsController {
  async index({ scope, user }: HttpContext) {
    return { data: await listSegments(scope, viewerOf(user)) }
  }

  async show({ scope, user, params }: HttpContext) {
    return { data: await findSegment(scope, viewerOf(user), params.id) }
  }

  async preview(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(segmentPreviewValidator)
    const rules = await checkSegmentRules(ctx.scope, input.rules)
    const [memberCount] = await countMembers(ctx.scope, viewerOf(ctx.user), [rules])
    return { data: { memberCount, rules } }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(segmentValidator)
    const created = await createSegment(ctx.scope, viewerOf(ctx.user), input)
    ctx.audit = { targetType: 'customer_segment', targetId: created.id, after: { name: created.name, rules: created.rules } }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const viewer = viewerOf(ctx.user)
    const before = await findSegment(ctx.scope, viewer, ctx.params.id)
    const input = await ctx.request.validateUsing(updateSegmentValidator)
    const after = await updateSegment(ctx.scope, viewer, ctx.params.id, input)
    ctx.audit = { targetType: 'customer_segment', targetId: after.id, before: { name: before.name, rules: before.rules }, after: { name: after.name, rules: after.rules } }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteSegment(ctx.scope, viewerOf(ctx.user), ctx.params.id)
    ctx.audit = { targetType: 'customer_segment', targetId: before.id, before: { name: before.name, rules: before.rules } }
    return ctx.response.noContent()
  }
}
