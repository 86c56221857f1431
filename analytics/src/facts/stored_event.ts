import type { EventEnvelope } from '../envelope.ts'
import { chTime, fromChTime } from './time.ts'

/** Where an event came from on the bus (-1 when it came over the in-process bus). */
export interface BusPosition {
  topic: string
  partition: number
  offset: number
}

/** An event as the fact builders read it back from the raw table. */
export interface StoredEvent {
  id: string
  type: string
  at: number
  entityId: string
  payload: Record<string, unknown>
}

/** The raw-table row of an envelope. */
export function rawRowOf(event: EventEnvelope, position: BusPosition) {
  return {
    tenant_id: event.tenantId,
    occurred_at: chTime(Date.parse(event.occurredAt)),
    id: event.id,
    type: event.type,
    schema_version: event.schemaVersion,
    actor_type: event.actor?.type ?? 'system',
    actor_id: event.actor?.id ?? null,
    entity_type: event.entity.type,
    entity_id: event.entity.id,
    payload: JSON.stringify(event.payload ?? {}),
    topic: position.topic,
    kafka_partition: position.partition,
    kafka_offset: position.offset,
  }
}

/** The columns the fact builders select from `events`. */
// Aliases differ from the column names: ClickHouse would otherwise read the alias in WHERE too.
export const STORED_EVENT_COLUMNS = 'toString(id) AS event_id, type, toString(occurred_at) AS at_text, entity_id, payload'

/** A row selected with STORED_EVENT_COLUMNS. */
export interface StoredEventRow {
  event_id: string
  type: string
  at_text: string
  entity_id: string
  payload: string
}

/** A selected raw row back as a StoredEvent. */
export function storedEventOf(row: StoredEventRow): StoredEvent {
  return { id: row.event_id, type: row.type, at: fromChTime(row.at_text), entityId: row.entity_id, payload: JSON.parse(row.payload || '{}') }
}

/** The bus order of one entity's events: time, then the uuidv7 id (the outbox publishes in id order). */
export function byTime(a: StoredEvent, b: StoredEvent) {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** A payload field as text, or null. */
export function text(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key]
  return typeof value === 'string' && value !== '' ? value : null
}
