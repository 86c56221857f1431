import type { DomainEventEnvelope } from '#events/outbox'
import type { EventTopic } from '#events/topics'

/** One event as it goes on the bus: its topic, its key (`tenant_id:entity_id`) and the envelope. */
export interface PublishedRecord {
  topic: EventTopic
  key: string
  event: DomainEventEnvelope
}

/**
 * Where the outbox relay hands committed events: Kafka in production, the in-process bus by default.
 * A second client or broker is one more class with this shape.
 */
export interface EventPublisher {
  /** What the relay logs it publishes to. */
  readonly name: string
  /**
   * Publishes the batch, keeping the order of each entity's events. Resolves only when every event is
   * durably accepted; when it throws, the relay retries the very same batch (so an idempotent
   * producer can drop what had landed) and marks nothing.
   */
  publish(batch: readonly DomainEventEnvelope[]): Promise<void>
  /** Releases connections; the publisher may not be used afterwards. */
  close(): Promise<void>
}
