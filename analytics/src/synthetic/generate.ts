/**
 * The synthetic history generator: N calls and the agent-state intervals behind them for one
 * tenant, through the real ingest path (events), straight into the fact tables (direct), or onto
 * the bus for a running platform's ingestor (kafka).
 */
import type { EventEnvelope } from '../envelope.ts'
import type { AnalyticsStore } from '../store/analytics_store.ts'
import { Ingestor } from '../ingest/ingestor.ts'
import { rebuildAgentRollup, rebuildCallRollup } from '../facts/rollups.ts'
import { buildFirstContacts } from '../facts/first_contacts.ts'
import { FactRows } from './direct_mode.ts'
import { DayEvents, ingestBatches } from './events_mode.ts'
import type { EnvelopePublisher } from './kafka_mode.ts'
import type { GenerateOptions } from './options.ts'
import { Simulation } from './simulate.ts'

/** What a run wrote. */
export interface GenerateReport {
  mode: GenerateOptions['mode']
  calls: number
  days: number
  queues: number
  agents: number
  /** Raw events ingested (events mode) or published (kafka mode). */
  events: number
  /** Fact rows inserted (direct mode; events mode derives them in the ingestor). */
  segments: number
  intervals: number
  seconds: number
  /** Set when --max-seconds cut the run short. */
  stoppedAfterDay: string | null
}

/** Tuning of a run (tests use small batches). */
export interface GenerateTuning {
  /** Events per ingest batch (events mode). */
  eventBatch?: number
  /** Rows per insert (direct mode). */
  rowBatch?: number
  /** Progress lines; silent by default. */
  log?: (line: string) => void
}

/**
 * Generates the history into the (migrated) store, or (kafka mode) hands its envelopes to the
 * publisher; only `options.tenantId`'s rows are written.
 */
export async function generate(target: AnalyticsStore | EnvelopePublisher, options: GenerateOptions, tuning: GenerateTuning = {}): Promise<GenerateReport> {
  const publisher = 'publish' in target ? target : null
  const store = 'publish' in target ? null : target
  if ((options.mode === 'kafka') !== Boolean(publisher)) throw new Error(`--mode=${options.mode} needs ${publisher ? 'the analytics store' : 'a publisher'}`)
  const log = tuning.log ?? (() => {})
  const started = performance.now()
  const elapsed = () => (performance.now() - started) / 1000
  const sim = new Simulation(options)
  const report: GenerateReport = { mode: options.mode, calls: 0, days: 0, queues: sim.queues.length, agents: sim.agents.length, events: 0, segments: 0, intervals: 0, seconds: 0, stoppedAfterDay: null }
  log(`${options.mode} mode: ${options.calls} calls over ${sim.days.length} days (${sim.days[0].date} … ${sim.days.at(-1)!.date}, ${options.timeZone}), ${sim.queues.length} queues, ${sim.agents.length} agents, seed ${options.seed}, into ${target.name}`)
  let lastLog = 0
  const progress = (force = false) => {
    if (!force && elapsed() - lastLog < 2) return
    lastLog = elapsed()
    const rate = options.mode !== 'direct' ? `${report.events} events, ${Math.round(report.events / elapsed())} events/s` : `${report.segments + report.intervals} rows, ${Math.round((report.segments + report.intervals) / elapsed())} rows/s`
    log(`  ${report.calls}/${options.calls} calls, ${rate}, ${elapsed().toFixed(1)} s`)
  }

  const ingestor = store && new Ingestor(store, (level, message) => level !== 'info' && log(message))
  const send = (envelopes: EventEnvelope[], onBatch: (sent: number) => void) =>
    publisher ? publisher.publish(envelopes, onBatch) : ingestBatches(ingestor!, envelopes, tuning.eventBatch ?? 10_000, onBatch)
  const events = new DayEvents(options.tenantId)
  const facts = new FactRows(options.tenantId)
  const rowBatch = tuning.rowBatch ?? 200_000
  // One insert runs (chDB parses it off the main thread) while the next day is simulated.
  let inserting: Promise<void> = Promise.resolve()
  const flush = async (all: boolean) => {
    if (!all && facts.segments.length + facts.intervals.length < rowBatch) return
    const { segments, intervals } = facts.take()
    await inserting
    inserting = (async () => {
      for (let i = 0; i < segments.length; i += rowBatch) await store!.insert('call_segments', segments.slice(i, i + rowBatch))
      for (let i = 0; i < intervals.length; i += rowBatch) await store!.insert('agent_state_intervals', intervals.slice(i, i + rowBatch))
      report.segments += segments.length
      report.intervals += intervals.length
    })()
    if (all) await inserting
  }

  for (let d = 0; d < sim.days.length; d++) {
    if (options.mode !== 'direct') {
      report.calls += sim.runDay(d, events)
      await send(events.envelopes(), (sent) => {
        report.events += sent
        progress()
      })
    } else {
      report.calls += sim.runDay(d, facts)
      await flush(false)
      progress()
    }
    report.days += 1
    if (elapsed() > options.maxSeconds && d + 1 < sim.days.length) {
      report.stoppedAfterDay = sim.days[d].date
      log(`stopped after ${options.maxSeconds} s (--max-seconds) at the end of ${sim.days[d].date}: ${report.calls} of ${options.calls} calls written`)
      break
    }
  }
  if (store && options.mode === 'direct') {
    await flush(true)
    const tenant = store.forTenant(options.tenantId)
    const lastDay = sim.days[report.days - 1]
    // The rollups of the written range, a month at a time (intervals may run a little past midnight).
    for (let from = sim.days[0].midnight; from < lastDay.midnight + 86_400_000; from += 31 * 86_400_000) {
      const to = Math.min(from + 31 * 86_400_000, lastDay.midnight + 86_400_000)
      await rebuildCallRollup(tenant, { from, to })
      await rebuildAgentRollup(tenant, { from, to })
    }
    await buildFirstContacts(tenant)
    log(`  rollups rebuilt, ${elapsed().toFixed(1)} s`)
  }
  progress(true)
  report.seconds = elapsed()
  return report
}
