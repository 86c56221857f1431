import crypto from 'node:crypto'
import { envelopeProblems, type EventEnvelope } from '../envelope.ts'
import type { AnalyticsStore } from '../store/analytics_store.ts'
import { refreshFacts, type FactCounts } from '../facts/refresh.ts'
import { rawRowOf, type BusPosition } from '../facts/stored_event.ts'

/** One record off the bus: the decoded value (not yet checked) and where it was. */
export interface IngestRecord {
  event: unknown
  position: BusPosition
}

/** What one ingest did. */
export interface IngestResult extends FactCounts {
  stored: number
  rejected: number
}

/** Where the ingestor reports; console by default. */
export type IngestLog = (level: 'info' | 'warn' | 'error', message: string) => void

/** The default log: one line per message on stderr for warnings and errors, stdout otherwise. */
export const consoleLog: IngestLog = (level, message) => (level === 'info' ? console.log : console.error)(`[analytics] ${message}`)

/**
 * Stores a batch of bus records and brings the facts up to date. The raw insert carries the
 * caller's deduplication token (the same records give the same token, so a retried insert is
 * dropped by ClickHouse); anything that slips through (a replay cut into other batches) is one row
 * per event id after ReplacingMergeTree's FINAL. Resolves only when everything is written: the
 * caller commits its offsets after that, never before.
 */
export class Ingestor {
  readonly store: AnalyticsStore
  #log: IngestLog

  constructor(store: AnalyticsStore, log: IngestLog = consoleLog) {
    this.store = store
    this.#log = log
  }

  async ingest(records: readonly IngestRecord[], dedupToken: string): Promise<IngestResult> {
    const good: EventEnvelope[] = []
    const rows = []
    let rejected = 0
    for (const record of records) {
      const problems = envelopeProblems(record.event)
      if (problems.length) {
        // A malformed record never becomes valid: it is reported and passed, not retried forever.
        rejected += 1
        this.#log('warn', `skipped the record at ${record.position.topic}/${record.position.partition}@${record.position.offset}: ${problems.join('; ')}`)
        continue
      }
      const event = record.event as EventEnvelope
      good.push(event)
      rows.push(rawRowOf(event, record.position))
    }
    await this.store.insert('events', rows, { insert_deduplication_token: dedupToken, deduplicate_blocks_in_dependent_materialized_views: 1 })
    const facts = good.length ? await refreshFacts(this.store, good) : { intervals: 0, segments: 0 }
    return { stored: rows.length, rejected, ...facts }
  }
}

/**
 * The deduplication token of a Kafka chunk: its topic, partition and offset range, plus a digest of
 * its event ids (so a recreated topic whose offsets start again at 0 is never taken for a replay).
 */
export function offsetToken(topic: string, partition: number, firstOffset: string, lastOffset: string, ids: readonly string[]) {
  return `${topic}/${partition}/${firstOffset}-${lastOffset}/${digest(ids)}`
}

/** The deduplication token of an in-process batch (no offsets): a digest of its event ids, in order. */
export function idsToken(ids: readonly string[]) {
  return `inproc/${digest(ids)}`
}

function digest(ids: readonly string[]) {
  return crypto.createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32)
}
