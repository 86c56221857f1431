import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'

/** A domain event as written to the outbox; the relay turns it into a Kafka record keyed `tenant_id:entity_id`. */
export interface DomainEventInput {
  type: string
  entityType: string
  entityId: string
  payload?: Record<string, unknown>
  schemaVersion?: number
}

/** The versioned envelope read back from the outbox. */
export interface DomainEventEnvelope {
  id: string
  tenantId: string
  type: string
  schemaVersion: number
  occurredAt: string
  actor: { type: string; id: string | null }
  entity: { type: string; id: string }
  payload: Record<string, unknown>
}

/** Something that reacts to events once their transaction has committed (the realtime gateway). */
export type CommittedEventListener = (event: DomainEventEnvelope) => void

const committedListeners = new Set<CommittedEventListener>()

/** Registers a listener for committed events; returns a function that removes it. */
export function onCommittedEvent(listener: CommittedEventListener) {
  committedListeners.add(listener)
  return () => committedListeners.delete(listener)
}

/**
 * Writes a domain event into the outbox inside the caller's transaction, so the event exists
 * exactly when the change it describes was committed; listeners hear it only after the commit.
 */
export async function recordEvent(scope: TenantScope, event: DomainEventInput): Promise<string> {
  const id = newId()
  const envelope: DomainEventEnvelope = {
    id,
    tenantId: scope.tenantId,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    occurredAt: new Date().toISOString(),
    actor: { type: scope.actor.type, id: scope.actor.id },
    entity: { type: event.entityType, id: event.entityId },
    payload: event.payload ?? {},
  }
  if (committedListeners.size > 0) {
    scope.trx.after('commit', () => {
      for (const listener of committedListeners) listener(envelope)
    })
  }
  await scope.trx.table('domain_events').insert(rowOf(envelope))
  return id
}

/** Writes many events in one statement (bulk work such as imports); the same guarantees as recordEvent. */
export async function recordEvents(scope: TenantScope, events: DomainEventInput[]): Promise<void> {
  if (!events.length) return
  const occurredAt = new Date()
  const envelopes: DomainEventEnvelope[] = events.map((event) => ({
    id: newId(),
    tenantId: scope.tenantId,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    occurredAt: occurredAt.toISOString(),
    actor: { type: scope.actor.type, id: scope.actor.id },
    entity: { type: event.entityType, id: event.entityId },
    payload: event.payload ?? {},
  }))
  if (committedListeners.size > 0) {
    scope.trx.after('commit', () => {
      for (const envelope of envelopes) for (const listener of committedListeners) listener(envelope)
    })
  }
  await scope.trx.table('domain_events').multiInsert(envelopes.map(rowOf))
}

/** The outbox row of an envelope. */
function rowOf(envelope: DomainEventEnvelope) {
  return {
    tenant_id: envelope.tenantId,
    id: envelope.id,
    type: envelope.type,
    schema_version: envelope.schemaVersion,
    actor_type: envelope.actor.type,
    actor_id: envelope.actor.id,
    entity_type: envelope.entity.type,
    entity_id: envelope.entity.id,
    payload: JSON.stringify(envelope.payload),
  }
}

/** Reads events of the scope's tenant back as envelopes, oldest first (used by tests and the relay). */
export async function readEvents(scope: TenantScope, filter: { type?: string } = {}) {
  const query = scope.trx
    .from('domain_events')
    .where('tenant_id', scope.tenantId)
    .orderBy('id', 'asc')
  if (filter.type) query.where('type', filter.type)
  const rows = await query
  return rows.map(toEnvelope)
}

/** Maps an outbox row to its envelope. */
export function toEnvelope(row: Record<string, any>): DomainEventEnvelope {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: { type: row.actor_type, id: row.actor_id },
    entity: { type: row.entity_type, id: row.entity_id },
    payload: row.payload,
  }
}
