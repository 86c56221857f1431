import type { DomainEventEnvelope } from '#events/outbox'
import { partitionKeyOf, topicOf } from '#events/topics'
import type { EventPublisher, PublishedRecord } from '#events/relay/event_publisher'

/** Something in this process that consumes the published events (the embedded analytics ingestor). */
export type EventSubscriber = (records: readonly PublishedRecord[]) => Promise<void> | void

const subscribers = new Set<EventSubscriber>()

/**
 * Subscribes to the events the relay publishes in-process (without KAFKA_BROKERS). A subscriber
 * that throws fails the batch: it is published again, to every subscriber, so subscribers
 * deduplicate by event id. Returns a function that unsubscribes.
 */
export function subscribeToPublishedEvents(subscriber: EventSubscriber): () => void {
  subscribers.add(subscriber)
  return () => subscribers.delete(subscriber)
}

/** The embedded default bus: the relay's batches go straight to the in-process subscribers. */
export class InProcessEventPublisher implements EventPublisher {
  readonly name = 'the in-process bus'

  async publish(batch: readonly DomainEventEnvelope[]) {
    const records = batch.map((event) => ({ topic: topicOf(event.type), key: partitionKeyOf(event), event }))
    for (const subscriber of subscribers) await subscriber(records)
  }

  async close() {}
}
