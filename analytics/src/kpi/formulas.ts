/**
 * The KPI formulas as pure functions, shared by the history (ClickHouse rollups, `kpis.ts`) and the
 * live wallboard (PostgreSQL, the backend's queue stats): how one call is classified against the
 * tenant's thresholds, and how counts and sums become ratios. No I/O and no chDB: the backend loads
 * this file through `@cc/analytics/kpi` without loading the store.
 *
 * The threshold rule: a wait is within a threshold T when it is strictly less than T seconds
 * (`wait < T`). The rollups keep waits in 5-second bins (bin i holds waits in [5i, 5i + 5), the
 * last bin every wait from 300 s); classifying a bin by its lower edge 5i gives `5i < T`, which for
 * T a multiple of 5 is the same as `wait < T` for every wait in the bin. `kpiSettingsProblems`
 * only accepts thresholds that are multiples of 5 from 5 to 295, so exact seconds (live) and bins
 * (history) always agree.
 */
import type { KpiSettings, ServiceLevelAbandons } from './definitions.ts'

export {
  DEFAULT_KPI_SETTINGS,
  KPI_DEFINITIONS,
  MAX_THRESHOLD_SECONDS,
  kpiSettingsProblems,
  serviceLevelLabel,
  type KpiDefinition,
  type KpiKey,
  type KpiSettings,
  type ServiceLevelAbandons,
} from './definitions.ts'

/** Width of the rollups' wait bins, in seconds. */
export const WAIT_BIN_SECONDS = 5
/** Number of wait bins; the last one is open-ended (waits of 300 s and more). */
export const WAIT_BINS = 61

/** The settings the classification reads. */
export type KpiThresholds = Pick<KpiSettings, 'serviceLevelSeconds' | 'shortAbandonSeconds' | 'serviceLevelAbandons'>

/** How a queue arrival ended for the KPIs: answered by an agent, abandoned by the caller, or neither (voicemail, overflow…). */
export type CallOutcome = 'answered' | 'abandoned' | 'other'

/** One call's part in the call KPIs. */
export interface CallClass {
  answered: boolean
  abandoned: boolean
  /** Answered after waiting less than T. */
  answeredInServiceLevel: boolean
  /** Abandoned after waiting less than the short-abandon threshold. */
  shortAbandoned: boolean
  /** Counted in the service level's denominator: every answer, and the abandons the tenant counts. */
  inServiceLevelDenominator: boolean
}

/** Whether a wait (seconds, ≥ 0) is within a threshold: strictly less than it. */
export function within(waitSeconds: number, thresholdSeconds: number): boolean {
  return waitSeconds < thresholdSeconds
}

/** Whether an abandon of this outcome and shortness counts against the service level. */
export function abandonCounts(shortAbandoned: boolean, abandons: ServiceLevelAbandons): boolean {
  return abandons === 'all' || (abandons === 'exclude_short' && !shortAbandoned)
}

/** Classifies one queue arrival by its outcome and its wait (queued → answered, or → hung up). */
export function classifyCall(outcome: CallOutcome, waitSeconds: number, settings: KpiThresholds): CallClass {
  const answered = outcome === 'answered'
  const abandoned = outcome === 'abandoned'
  const shortAbandoned = abandoned && within(waitSeconds, settings.shortAbandonSeconds)
  return {
    answered,
    abandoned,
    answeredInServiceLevel: answered && within(waitSeconds, settings.serviceLevelSeconds),
    shortAbandoned,
    inServiceLevelDenominator: answered || (abandoned && abandonCounts(shortAbandoned, settings.serviceLevelAbandons)),
  }
}

/** The bin of a wait in the rollups (`least(intDiv(wait, 5), 60)`). */
export function waitBin(waitSeconds: number): number {
  return Math.min(Math.floor(waitSeconds / WAIT_BIN_SECONDS), WAIT_BINS - 1)
}

/**
 * The bound of a threshold over bins: bin i is within T exactly when i < binsWithin(T) (its lower
 * edge is `within` T), so a query over raw waits classifies `waitBin(wait) < binsWithin(T)` as the
 * rollups do.
 */
export function binsWithin(thresholdSeconds: number): number {
  let bins = 0
  while (bins < WAIT_BINS && within(bins * WAIT_BIN_SECONDS, thresholdSeconds)) bins += 1
  return bins
}

/** Calls of one outcome that waited about `waitSeconds` (a bin's lower edge, or a whole second). */
export interface WaitGroup {
  outcome: CallOutcome
  waitSeconds: number
  calls: number
}

/** The groups of a rollup's bin array (`answer_wait_5s` or `abandon_wait_5s`), each at its lower edge. */
export function binGroups(outcome: CallOutcome, bins: readonly number[]): WaitGroup[] {
  return bins.map((calls, i) => ({ outcome, waitSeconds: i * WAIT_BIN_SECONDS, calls: Number(calls) }))
}

/** The classified counts of calls grouped by outcome and wait. */
export interface WaitCounts {
  answered: number
  abandoned: number
  shortAbandoned: number
  answeredInServiceLevel: number
}

/** Counts answered, abandoned, short abandons and answers in the service level over groups of calls. */
export function countWaits(groups: Iterable<WaitGroup>, settings: KpiThresholds): WaitCounts {
  const counts: WaitCounts = { answered: 0, abandoned: 0, shortAbandoned: 0, answeredInServiceLevel: 0 }
  for (const group of groups) {
    if (!group.calls) continue
    const call = classifyCall(group.outcome, group.waitSeconds, settings)
    if (call.answered) counts.answered += group.calls
    if (call.abandoned) counts.abandoned += group.calls
    if (call.shortAbandoned) counts.shortAbandoned += group.calls
    if (call.answeredInServiceLevel) counts.answeredInServiceLevel += group.calls
  }
  return counts
}

/** The counts and sums every call ratio is formed from. */
export interface KpiCounts extends WaitCounts {
  offered: number
  /** Sum of the waits of answered calls, seconds. */
  answerWaitSeconds: number
  /** Answered calls whose handling is over (talk, hold and wrap-up known): the handle-time denominator. */
  handled: number
  talkSeconds: number
  holdSeconds: number
  wrapSeconds: number
}

/** The call ratios; null where the denominator is 0. Percentages are fractions 0–1. */
export interface KpiRatios {
  serviceLevel: number | null
  abandonRate: number | null
  asa: number | null
  aht: number | null
  avgTalk: number | null
  avgHold: number | null
  avgWrap: number | null
}

/** part ÷ whole, null when whole is 0 (or less). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

/** The service level's denominator: answered calls plus the abandons the tenant counts. */
export function serviceLevelDenominator(counts: Pick<WaitCounts, 'answered' | 'abandoned' | 'shortAbandoned'>, abandons: ServiceLevelAbandons): number {
  const counted = { all: counts.abandoned, exclude_short: counts.abandoned - counts.shortAbandoned, none: 0 }[abandons]
  return counts.answered + counted
}

/** Every call ratio of the KPI library from counts and sums. */
export function kpiRatios(counts: KpiCounts, abandons: ServiceLevelAbandons): KpiRatios {
  return {
    serviceLevel: ratio(counts.answeredInServiceLevel, serviceLevelDenominator(counts, abandons)),
    abandonRate: ratio(counts.abandoned - counts.shortAbandoned, counts.offered - counts.shortAbandoned),
    asa: ratio(counts.answerWaitSeconds, counts.answered),
    aht: ratio(counts.talkSeconds + counts.holdSeconds + counts.wrapSeconds, counts.handled),
    avgTalk: ratio(counts.talkSeconds, counts.handled),
    avgHold: ratio(counts.holdSeconds, counts.handled),
    avgWrap: ratio(counts.wrapSeconds, counts.handled),
  }
}

/** Sums counts field by field (a total row from per-queue rows). */
export function addCounts(a: KpiCounts, b: KpiCounts): KpiCounts {
  const sum = { ...a }
  for (const key of Object.keys(sum) as Array<keyof KpiCounts>) sum[key] = a[key] + b[key]
  return sum
}

/** Counts of nothing. */
export const NO_CALLS: Readonly<KpiCounts> = {
  offered: 0,
  answered: 0,
  abandoned: 0,
  shortAbandoned: 0,
  answeredInServiceLevel: 0,
  answerWaitSeconds: 0,
  handled: 0,
  talkSeconds: 0,
  holdSeconds: 0,
  wrapSeconds: 0,
}
