import vine from '@vinejs/vine'

/**
 * What KPIs can be grouped by (`KPI_DIMENSIONS` of @cc/analytics, in its order), kept here so
 * validating never loads chDB; a test checks it against the library's.
 */
export const KPI_DIMENSIONS = ['total', 'queue', 'team', 'agent', 'channel', 'number', 'interval_15m', 'hour', 'day', 'weekday_hour'] as const

/** The longest dialled number (or web entry point name) a filter takes. */
export const MAX_NUMBER_LENGTH = 120

/**
 * Every KPI's key (`KpiKey` of @cc/analytics), kept here so validating never loads chDB; a test
 * checks it against the library's KPI_DEFINITIONS.
 */
export const KPI_KEYS = [
  'offered', 'answered', 'abandoned', 'short_abandoned', 'abandon_rate', 'service_level', 'asa', 'aht',
  'avg_talk', 'avg_hold', 'avg_wrap', 'transfers', 'rona', 'fcr', 'occupancy', 'utilization',
] as const

/** A KPI's key. */
export type KpiKey = (typeof KPI_KEYS)[number]

/** The counts whose calls the drill-down lists. */
export const DRILL_KPIS = ['offered', 'answered', 'abandoned', 'short_abandoned', 'answered_in_sl', 'transfers', 'rona'] as const

const instant = () => vine.date({ formats: ['iso8601'] })
const ids = () => vine.array(vine.string().uuid()).maxLength(100).optional()
const threshold = () => vine.number().withoutDecimals().min(5).max(295)

/** Changes to the organisation's KPI settings (the KPI library judges the combination). */
export const kpiSettingsValidator = vine.create({
  serviceLevelSeconds: threshold().optional(),
  shortAbandonSeconds: threshold().optional(),
  serviceLevelAbandons: vine.enum(['all', 'exclude_short', 'none'] as const).optional(),
  fcrDays: vine.number().withoutDecimals().min(1).max(90).optional(),
})

/** A KPI query: a range of instants [from, to), a grouping and optional queue/agent filters. */
export const kpiQueryValidator = vine.create({
  from: instant(),
  to: instant(),
  by: vine.enum(KPI_DIMENSIONS).optional(),
  queueIds: ids(),
  agentIds: ids(),
})

/**
 * The drill-down: the call segments behind one count, a page at a time. `queueIds`/`agentIds` are
 * the view's filters (as on the KPIs); `queueId`/`agentId`/`teamId`/`number` narrow to one (a
 * league-table row; `number` '' is the calls without a number). All filters combine with AND, so a
 * single id outside its list matches nothing.
 */
export const contactsQueryValidator = vine.create({
  from: instant(),
  to: instant(),
  kpi: vine.enum(DRILL_KPIS),
  queueIds: ids(),
  agentIds: ids(),
  queueId: vine.string().uuid().optional(),
  agentId: vine.string().uuid().optional(),
  teamId: vine.string().uuid().optional(),
  number: vine.string().maxLength(MAX_NUMBER_LENGTH).optional(),
  channel: vine.string().trim().minLength(1).maxLength(40).optional(),
  page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
})

/** Query strings carry lists as `a,b` or as repeated keys: both become arrays. */
export function listParams(qs: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out = { ...qs }
  for (const key of keys) {
    const value = out[key]
    if (typeof value === 'string') out[key] = value === '' ? [] : value.split(',').map((v) => v.trim())
  }
  return out
}
