/**
 * The domain-event envelope as it travels from the backend's outbox through Kafka into the
 * analytics store. The routing (event type → topic, record key) is the backend's one mapping in
 * backend/app/events/topics.ts, used here as is.
 */
export { EVENT_TOPICS, topicOf, partitionKeyOf, type EventTopic } from '../../backend/app/events/topics.ts'

/** The envelope (the same shape as the backend's `DomainEventEnvelope`). */
export interface EventEnvelope {
  id: string
  tenantId: string
  type: string
  schemaVersion: number
  occurredAt: string
  actor: { type: string; id: string | null }
  entity: { type: string; id: string }
  payload: Record<string, unknown>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Checks an incoming record before it is stored; returns the reasons it is unusable. */
export function envelopeProblems(value: unknown): string[] {
  const problems: string[] = []
  const v = value as Partial<EventEnvelope> | null
  if (!v || typeof v !== 'object') return ['not an object']
  if (!v.id || !UUID.test(v.id)) problems.push('id must be a uuid')
  if (!v.tenantId || !UUID.test(v.tenantId)) problems.push('tenantId must be a uuid')
  if (!v.type || !/^[a-z_]+(\.[a-z_]+)+$/.test(v.type)) problems.push('type must look like domain.event')
  if (!Number.isInteger(v.schemaVersion) || (v.schemaVersion ?? 0) < 1) problems.push('schemaVersion must be a positive integer')
  if (!v.occurredAt || Number.isNaN(Date.parse(v.occurredAt))) problems.push('occurredAt must be a timestamp')
  if (!v.entity?.type || !v.entity?.id) problems.push('entity needs a type and an id')
  return problems
}
