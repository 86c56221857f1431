import type { KpiRow } from '@cc/analytics'
import type { TenantScope } from '#shared/scope'
import { FieldError } from '#shared/errors'
import { analyticsStore } from '#datacenter/store'
import { findKpiSettings, type KpiSettingsView } from '#datacenter/queries/kpi_settings_query'
import type { KPI_DIMENSIONS } from '#datacenter/validators/datacenter'

/** The longest range one query may cover. */
export const MAX_RANGE_DAYS = 400

/** A time range of instants: from (inclusive) to (exclusive). */
export interface KpiRange {
  from: Date
  to: Date
}

/** A KPI query as the API takes it. */
export interface KpiQueryInput extends KpiRange {
  by?: (typeof KPI_DIMENSIONS)[number]
  queueIds?: string[]
  agentIds?: string[]
}

/** 422 unless `to` is after `from` and the range is at most MAX_RANGE_DAYS long. */
export function checkRange(range: KpiRange) {
  if (!(range.from < range.to)) throw new FieldError('to', 'after', 'Must be after from')
  if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw new FieldError('to', 'range', `The range may cover at most ${MAX_RANGE_DAYS} days`)
}

/** The KPIs and how they were computed: the settings, the label every service-level tile shows, the formulas. */
export interface KpiAnswer {
  data: KpiRow[]
  meta: {
    settings: KpiSettingsView
    serviceLevelLabel: string
    definitions: Array<{ key: string; version: number; unit: string; formula: string }>
  }
}

/**
 * The organisation's KPIs grouped by one dimension, with its own settings, from the analytics store
 * (read only through the tenant query layer, so another organisation's queue or agent ids match nothing).
 */
export async function readKpis(scope: TenantScope, input: KpiQueryInput): Promise<KpiAnswer> {
  checkRange(input)
  const settings = await findKpiSettings(scope)
  const { kpis, KpiQueryError, KPI_DEFINITIONS, serviceLevelLabel } = await import('@cc/analytics')
  const store = await analyticsStore()
  try {
    const rows = await kpis(store.forTenant(scope.tenantId), { from: input.from, to: input.to, by: input.by ?? 'total', settings, queueIds: input.queueIds, agentIds: input.agentIds })
    return {
      data: rows,
      meta: {
        settings,
        serviceLevelLabel: serviceLevelLabel(settings),
        definitions: KPI_DEFINITIONS.map(({ key, version, unit, formula }) => ({ key, version, unit, formula })),
      },
    }
  } catch (error) {
    if (error instanceof KpiQueryError) throw new FieldError(error.field, 'kpiQuery', error.message)
    throw error
  }
}
