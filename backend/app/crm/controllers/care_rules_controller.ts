import type { HttpContext } from '@adonisjs/core/http'
import { createCareRule, deleteCareRule, updateCareRule } from '#crm/actions/care_rules'
import { type CareRule, findCareRule, listCareRules } from '#crm/queries/care_query'
import { createCareRuleValidator, updateCareRuleValidator } from '#crm/validators/care'

/** The operation-log summary of a care rule: its settings, not its counters. */
function auditOf(rule: CareRule) {
  const { openTasks: _open, lastRunAt: _last, teamName: _team, createdAt: _created, updatedAt: _updated, ...settings } = rule
  return settings
}

/** The organisation's customer-care rules. */
export default class CareRulesController {
  async index({ scope }: HttpContext) {
    return { data: await listCareRules(scope) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createCareRuleValidator)
    const created = await createCareRule(ctx.scope, input)
    ctx.audit = { targetType: 'care_rule', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateCareRuleValidator)
    const before = await findCareRule(ctx.scope, ctx.params.id)
    const after = await updateCareRule(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'care_rule', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteCareRule(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'care_rule', targetId: before.id, before: auditOf(before) }
    return ctx.response.noContent()
  }
}
