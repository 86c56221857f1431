/**
 * `--mode=events`: the simulated events as the envelopes the backend's outbox publishes (same
 * types, payload fields, topics and keys), fed through the real ingest path (`Ingestor.ingest`:
 * raw insert with a deduplication token, then fact derivation and rollup rebuild) in batches.
 */
import { topicOf, type EventEnvelope } from '../envelope.ts'
import type { WrapInterval } from '../facts/call_segments.ts'
import { idsToken, type Ingestor } from '../ingest/ingestor.ts'
import type { SimEvent, SimSink } from './simulate.ts'

/** Collects a day's events; `envelopes()` hands them in bus order (time, then the order made). */
export class DayEvents implements SimSink {
  #events: SimEvent[] = []
  #tenantId: string

  constructor(tenantId: string) {
    this.#tenantId = tenantId
  }

  call(_callId: string, events: SimEvent[], _wraps: WrapInterval[]) {
    for (const event of events) this.#events.push(event)
  }

  agent(event: SimEvent) {
    this.#events.push(event)
  }

  /** The day's envelopes in time order (stable, so each entity keeps its own order), emptying the day. */
  envelopes(): EventEnvelope[] {
    const events = this.#events.sort((a, b) => a.at - b.at)
    this.#events = []
    return events.map((e) => ({
      id: e.id,
      tenantId: this.#tenantId,
      type: e.type,
      schemaVersion: 1,
      occurredAt: new Date(e.at).toISOString(),
      actor: e.actor,
      entity: { type: e.entityType, id: e.entityId },
      payload: e.payload,
    }))
  }
}

/** Ingests envelopes in batches as the in-process bus would hand them (no Kafka offsets). */
export async function ingestBatches(ingestor: Ingestor, envelopes: readonly EventEnvelope[], batchSize: number, onBatch: (stored: number) => void) {
  for (let i = 0; i < envelopes.length; i += batchSize) {
    const batch = envelopes.slice(i, i + batchSize)
    const records = batch.map((event) => ({ event, position: { topic: topicOf(event.type), partition: -1, offset: -1 } }))
    const result = await ingestor.ingest(records, idsToken(batch.map((e) => e.id)))
    if (result.rejected) throw new Error(`the ingestor rejected ${result.rejected} synthetic events`)
    onBatch(result.stored)
  }
}
