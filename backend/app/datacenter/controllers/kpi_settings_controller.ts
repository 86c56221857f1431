import type { HttpContext } from '@adonisjs/core/http'
import { saveKpiSettings } from '#datacenter/actions/kpi_settings'
import { findKpiSettings } from '#datacenter/queries/kpi_settings_query'
import { kpiSettingsValidator } from '#datacenter/validators/datacenter'

/** The organisation's KPI choices: service-level threshold, short abandons, which abandons count, FCR window. */
export default class KpiSettingsController {
  async show({ scope }: HttpContext) {
    return { data: await findKpiSettings(scope) }
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(kpiSettingsValidator)
    const { before, after } = await saveKpiSettings(ctx.scope, input)
    ctx.audit = { targetType: 'kpi_settings', targetId: ctx.scope.tenantId, before: { ...before }, after: { ...after } }
    return { data: after }
  }
}
