import type { TenantScope } from '#shared/scope'

/** Which abandoned calls count in the service level's denominator (`ServiceLevelAbandons` of @cc/analytics). */
export type ServiceLevelAbandons = 'all' | 'exclude_short' | 'none'

/** The organisation's KPI choices as the API shows them; the time zone is the organisation's own. */
export interface KpiSettingsView {
  serviceLevelSeconds: number
  shortAbandonSeconds: number
  serviceLevelAbandons: ServiceLevelAbandons
  fcrDays: number
  timeZone: string
}

/** The library's defaults (DEFAULT_KPI_SETTINGS), repeated here so reading settings never loads chDB. */
export const KPI_SETTING_DEFAULTS = { serviceLevelSeconds: 20, shortAbandonSeconds: 5, serviceLevelAbandons: 'exclude_short', fcrDays: 7 } as const

/** The organisation's KPI settings: the saved row or the defaults, in the organisation's time zone. */
export async function findKpiSettings(scope: TenantScope): Promise<KpiSettingsView> {
  const tenant = await scope.trx.from('tenants').where('id', scope.tenantId).select('time_zone').first()
  const row = await scope.trx.from('kpi_settings').where('tenant_id', scope.tenantId).first()
  return {
    serviceLevelSeconds: row?.service_level_seconds ?? KPI_SETTING_DEFAULTS.serviceLevelSeconds,
    shortAbandonSeconds: row?.short_abandon_seconds ?? KPI_SETTING_DEFAULTS.shortAbandonSeconds,
    serviceLevelAbandons: (row?.service_level_abandons ?? KPI_SETTING_DEFAULTS.serviceLevelAbandons) as ServiceLevelAbandons,
    fcrDays: row?.fcr_days ?? KPI_SETTING_DEFAULTS.fcrDays,
    timeZone: (tenant?.time_zone as string | undefined) ?? 'UTC',
  }
}
