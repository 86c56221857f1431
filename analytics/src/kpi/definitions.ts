/**
 * The KPI library: each KPI has a stable key, a version (bumped whenever its formula changes, so a
 * number is always shown with the formula that made it) and the formula in words. The tenant's
 * choices (service-level threshold, short-abandon threshold, which abandons count against the
 * service level, the first-contact-resolution window, the time zone) are `KpiSettings`; live tiles
 * and history use the same definitions.
 */

/** Which abandoned calls count in the service level's denominator. */
export type ServiceLevelAbandons = 'all' | 'exclude_short' | 'none'

/** A tenant's KPI choices. Thresholds are whole multiples of 5 s (the rollups keep waits in 5-second bins). */
export interface KpiSettings {
  /** T of the service level: answered in less than T seconds. */
  serviceLevelSeconds: number
  /** Abandons after less than this many seconds are "short" (a caller who hung up at once). */
  shortAbandonSeconds: number
  serviceLevelAbandons: ServiceLevelAbandons
  /** A call is resolved at first contact when the same number does not call again within this many days. */
  fcrDays: number
  /** IANA time zone in which intervals, hours and days are read. */
  timeZone: string
}

export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  serviceLevelSeconds: 20,
  shortAbandonSeconds: 5,
  serviceLevelAbandons: 'exclude_short',
  fcrDays: 7,
  timeZone: 'UTC',
}

/** The longest wait the 5-second bins distinguish (60 bins); longer waits share the last bin. */
export const MAX_THRESHOLD_SECONDS = 295

export type KpiKey =
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'short_abandoned'
  | 'abandon_rate'
  | 'service_level'
  | 'asa'
  | 'aht'
  | 'avg_talk'
  | 'avg_hold'
  | 'avg_wrap'
  | 'transfers'
  | 'rona'
  | 'fcr'
  | 'occupancy'
  | 'utilization'

export interface KpiDefinition {
  key: KpiKey
  version: number
  unit: 'count' | 'percent' | 'seconds'
  formula: string
}

/** Every KPI with its formula; the version changes with the formula. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  { key: 'offered', version: 1, unit: 'count', formula: 'calls entering a queue (a transfer to another queue is offered there again)' },
  { key: 'answered', version: 1, unit: 'count', formula: 'queue arrivals an agent answered' },
  { key: 'abandoned', version: 1, unit: 'count', formula: 'queue arrivals whose caller hung up before an agent answered' },
  { key: 'short_abandoned', version: 1, unit: 'count', formula: 'abandoned after waiting less than the short-abandon threshold' },
  { key: 'abandon_rate', version: 1, unit: 'percent', formula: '(abandoned − short abandoned) ÷ (offered − short abandoned)' },
  { key: 'service_level', version: 1, unit: 'percent', formula: 'answered in less than T seconds ÷ (answered + the abandons the tenant counts: all, all but short ones, or none)' },
  { key: 'asa', version: 1, unit: 'seconds', formula: 'average wait of answered calls' },
  { key: 'aht', version: 1, unit: 'seconds', formula: '(talk + hold + wrap-up) ÷ answered' },
  { key: 'avg_talk', version: 1, unit: 'seconds', formula: 'talk (hold excluded) ÷ answered' },
  { key: 'avg_hold', version: 1, unit: 'seconds', formula: 'hold ÷ answered' },
  { key: 'avg_wrap', version: 1, unit: 'seconds', formula: 'wrap-up ÷ answered' },
  { key: 'transfers', version: 1, unit: 'count', formula: 'answered segments the agent transferred away' },
  { key: 'rona', version: 2, unit: 'count', formula: 'offers that rang out unanswered (redirected on no answer), by agent for the agent who let it ring' },
  { key: 'fcr', version: 1, unit: 'percent', formula: 'answered calls whose number did not call again within N days ÷ answered calls with a number' },
  { key: 'occupancy', version: 1, unit: 'percent', formula: '(busy + wrap-up) ÷ (busy + wrap-up + reserved + ready)' },
  { key: 'utilization', version: 1, unit: 'percent', formula: '(busy + wrap-up) ÷ signed-in time (every state but offline)' },
]

/** Why settings cannot be used, field by field (empty: fine). */
export function kpiSettingsProblems(settings: KpiSettings): Array<{ field: keyof KpiSettings; message: string }> {
  const problems: Array<{ field: keyof KpiSettings; message: string }> = []
  for (const field of ['serviceLevelSeconds', 'shortAbandonSeconds'] as const) {
    const value = settings[field]
    if (!Number.isInteger(value) || value < 5 || value > MAX_THRESHOLD_SECONDS || value % 5 !== 0) {
      problems.push({ field, message: `a multiple of 5 seconds from 5 to ${MAX_THRESHOLD_SECONDS}` })
    }
  }
  if (!['all', 'exclude_short', 'none'].includes(settings.serviceLevelAbandons)) problems.push({ field: 'serviceLevelAbandons', message: 'all, exclude_short or none' })
  if (!Number.isInteger(settings.fcrDays) || settings.fcrDays < 1 || settings.fcrDays > 90) problems.push({ field: 'fcrDays', message: 'whole days from 1 to 90' })
  if (!Intl.supportedValuesOf('timeZone').includes(settings.timeZone) && settings.timeZone !== 'UTC') problems.push({ field: 'timeZone', message: 'an IANA time zone' })
  return problems
}

/** The label every service-level tile carries, e.g. "SL 20 s · short abandons (< 5 s) excluded". */
export function serviceLevelLabel(settings: KpiSettings): string {
  const abandons = {
    all: 'every abandon counts',
    exclude_short: `short abandons (< ${settings.shortAbandonSeconds} s) excluded`,
    none: 'abandons not counted',
  }[settings.serviceLevelAbandons]
  return `SL ${settings.serviceLevelSeconds} s · ${abandons}`
}
