/**
 * The domain-event envelope as it travels from the backend's outbox through Kafka into the
 * analytics store, and the routing rules shared by the relay and the ingestor.
 */
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

/** Kafka topic per domain, chosen by the event type's first segment. */
const TOPIC_BY_PREFIX: Record<string, string> = {
  call: 'cc.calls',
  leg: 'cc.calls',
  agent: 'cc.agents',
  queue: 'cc.queues',
  customer: 'crm.customers',
  ticket: 'tickets.tickets',
  tenant: 'platform.tenants',
  user: 'identity.users',
  role: 'identity.users',
  team: 'identity.users',
  certificate_authority: 'platform.tenants',
}

/** The topic an event is published to; unknown domains go to `misc.events`. */
export function topicFor(type: string): string {
  return TOPIC_BY_PREFIX[type.split('.')[0]] ?? 'misc.events'
}

/**
 * The Kafka key: tenant first, then the entity, so one entity's events stay in one partition (in
 * order) and every consumer can route by tenant without reading the payload.
 */
export function partitionKey(event: Pick<EventEnvelope, 'tenantId' | 'entity'>): string {
  return `${event.tenantId}:${event.entity.id}`
}

/** Checks an incoming record before it is stored; returns the reasons it is unusable. */
export function envelopeProblems(value: unknown): string[] {
  const problems: string[] = []
  const v = value as Partial<EventEnvelope> | null
  if (!v || typeof v !== 'object') return ['not an object']
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
  if (!v.id || !uuid.test(v.id)) problems.push('id must be a uuid')
  if (!v.tenantId || !uuid.test(v.tenantId)) problems.push('tenantId must be a uuid')
  if (!v.type || !/^[a-z_]+(\.[a-z_]+)+$/.test(v.type)) problems.push('type must look like domain.event')
  if (!Number.isInteger(v.schemaVersion) || (v.schemaVersion ?? 0) < 1) problems.push('schemaVersion must be a positive integer')
  if (!v.occurredAt || Number.isNaN(Date.parse(v.occurredAt))) problems.push('occurredAt must be a timestamp')
  if (!v.entity?.type || !v.entity?.id) problems.push('entity needs a type and an id')
  return problems
}
