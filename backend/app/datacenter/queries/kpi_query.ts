import type { KpiRow } from '@cc/analytics'
import type { TenantScope } from '#shared/scope'
import { FieldError } from '#shared/errors'
import { analyticsStore } from '#datacenter/store'
import { findKpiSettings, type KpiSettingsView } from '#datacenter/queries/kpi_settings_query'
import { namesOf } from '#datacenter/queries/names_query'
import { teamMemberships } from '#datacenter/queries/teams_query'
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

/** How the KPIs were computed: the settings, the label every service-level tile shows, the formulas, and the names of the ids in the keys. */
export interface KpiMeta {
  settings: KpiSettingsView
  serviceLevelLabel: string
  definitions: Array<{ key: string; version: number; unit: string; formula: string }>
  /** Queue, team or agent names by id when grouped by queue, team or agent; empty otherwise (by number the client names the '' key). */
  labels: Record<string, string>
}

/** The KPIs and how they were computed. */
export interface KpiAnswer {
  data: KpiRow[]
  meta: KpiMeta
}

/** Reads one organisation's KPI rows for any range with its settings, loaded once; needs no database transaction. */
export interface KpiReader {
  settings: KpiSettingsView
  rows(range: KpiRange): Promise<KpiRow[]>
  /** The meta of an answer whose rows are `rows` (labels come from them). */
  meta(scope: TenantScope, rows: KpiRow[]): Promise<KpiMeta>
}

/**
 * A reader of the organisation's KPIs grouped by one dimension, with its own settings, from the
 * analytics store (read only through the tenant query layer, so another organisation's queue or
 * agent ids match nothing). By team, the teams' memberships are read from PostgreSQL once, here.
 * The library's refusals become 422s naming the field.
 */
export async function kpiReader(scope: TenantScope, input: Omit<KpiQueryInput, 'from' | 'to'>): Promise<KpiReader> {
  const settings = await findKpiSettings(scope)
  const { kpis, KpiQueryError, KPI_DEFINITIONS, serviceLevelLabel } = await import('@cc/analytics')
  const tenant = (await analyticsStore()).forTenant(scope.tenantId)
  const by = input.by ?? 'total'
  const teams = by === 'team' ? await teamMemberships(scope) : undefined
  return {
    settings,
    async rows(range) {
      try {
        return await kpis(tenant, { from: range.from, to: range.to, by, settings, queueIds: input.queueIds, agentIds: input.agentIds, teams })
      } catch (error) {
        if (error instanceof KpiQueryError) throw new FieldError(error.field, 'kpiQuery', error.message)
        throw error
      }
    },
    async meta(metaScope, rows) {
      return {
        settings,
        serviceLevelLabel: serviceLevelLabel(settings),
        definitions: KPI_DEFINITIONS.map(({ key, version, unit, formula }) => ({ key, version, unit, formula })),
        labels: await labelsOf(metaScope, by, rows),
      }
    },
  }
}

/** The names of the queues, teams or agents that key the rows (PostgreSQL, tenant-scoped); {} for other groupings. */
async function labelsOf(scope: TenantScope, by: KpiQueryInput['by'], rows: KpiRow[]): Promise<Record<string, string>> {
  const keys = rows.map((r) => r.key)
  if (by === 'queue') return Object.fromEntries((await namesOf(scope, { queueIds: keys })).queues)
  if (by === 'agent') return Object.fromEntries((await namesOf(scope, { agentIds: keys })).agents)
  if (by === 'team') return Object.fromEntries((await namesOf(scope, { teamIds: keys })).teams)
  return {}
}

/** The organisation's KPIs for a range, grouped by one dimension. */
export async function readKpis(scope: TenantScope, input: KpiQueryInput): Promise<KpiAnswer> {
  checkRange(input)
  const reader = await kpiReader(scope, input)
  const rows = await reader.rows(input)
  return { data: rows, meta: await reader.meta(scope, rows) }
}
