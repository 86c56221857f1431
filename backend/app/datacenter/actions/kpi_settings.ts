import type { TenantScope } from '#shared/scope'
import { FieldError } from '#shared/errors'
import { recordEvent } from '#events/outbox'
import { findKpiSettings, type KpiSettingsView, type ServiceLevelAbandons } from '#datacenter/queries/kpi_settings_query'

/** Changes to the KPI settings; fields left out keep their value. */
export interface KpiSettingsInput {
  serviceLevelSeconds?: number
  shortAbandonSeconds?: number
  serviceLevelAbandons?: ServiceLevelAbandons
  fcrDays?: number
}

/**
 * Saves the organisation's KPI settings after the KPI library has judged them (422 naming the
 * field); publishes `datacenter.settings_changed`. Past numbers are recomputed with the new
 * choices on the next read: the rollups keep waits in 5-second bins for that.
 */
export async function saveKpiSettings(scope: TenantScope, input: KpiSettingsInput): Promise<{ before: KpiSettingsView; after: KpiSettingsView }> {
  const before = await findKpiSettings(scope)
  const after: KpiSettingsView = {
    serviceLevelSeconds: input.serviceLevelSeconds ?? before.serviceLevelSeconds,
    shortAbandonSeconds: input.shortAbandonSeconds ?? before.shortAbandonSeconds,
    serviceLevelAbandons: input.serviceLevelAbandons ?? before.serviceLevelAbandons,
    fcrDays: input.fcrDays ?? before.fcrDays,
    timeZone: before.timeZone,
  }
  const { kpiSettingsProblems } = await import('@cc/analytics')
  const problem = kpiSettingsProblems(after)[0]
  if (problem) throw new FieldError(problem.field, 'kpiSettings', `Must be ${problem.message}`)
  const columns = {
    service_level_seconds: after.serviceLevelSeconds,
    short_abandon_seconds: after.shortAbandonSeconds,
    service_level_abandons: after.serviceLevelAbandons,
    fcr_days: after.fcrDays,
    updated_by: scope.actor.id,
    updated_at: new Date(),
  }
  const saved = await scope.trx.from('kpi_settings').where('tenant_id', scope.tenantId).forUpdate().first()
  if (saved) await scope.trx.from('kpi_settings').where('tenant_id', scope.tenantId).update(columns)
  else await scope.trx.table('kpi_settings').insert({ tenant_id: scope.tenantId, ...columns })
  await recordEvent(scope, { type: 'datacenter.settings_changed', entityType: 'tenant', entityId: scope.tenantId, payload: { ...after } })
  return { before, after }
}
