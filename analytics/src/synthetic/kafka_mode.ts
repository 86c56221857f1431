/**
 * `--mode=kafka`: the simulated envelopes published onto the platform's bus as the backend's outbox
 * relay publishes them (backend/app/events/relay/kafka_publisher.ts): the same topics and record
 * keys (the one mapping in backend/app/events/topics.ts), JSON values and headers, an idempotent
 * producer with acks from all in-sync replicas and one request in flight, so each entity's events
 * land in its partition in order. Whatever ingestor consumes the topics (the running platform's)
 * stores them; this process never opens the analytics store.
 */
import { Kafka, Partitioners, logLevel, type Message, type Producer } from 'kafkajs'
import { partitionKeyOf, topicOf, type EventEnvelope } from '../envelope.ts'

/** Where a run's envelopes go instead of the store. */
export interface EnvelopePublisher {
  readonly name: string
  /** Publishes the envelopes in order, reporting each acknowledged batch's size. */
  publish(envelopes: readonly EventEnvelope[], onBatch: (sent: number) => void): Promise<void>
  close(): Promise<void>
}

/** The generator's Kafka producer (the only file of the generator that knows kafkajs). */
export class KafkaEnvelopePublisher implements EnvelopePublisher {
  readonly name: string
  #producer: Producer
  #connected: Promise<void> | null = null
  #batchSize: number

  /** `batchSize`: records per produce request; ~2,000 envelopes stay well under the broker's 1 MB per partition batch. */
  constructor(brokers: readonly string[], batchSize = 2000) {
    this.name = `Kafka at ${brokers.join(',')}`
    this.#batchSize = batchSize
    const kafka = new Kafka({
      clientId: 'cc-synthetic-history',
      brokers: [...brokers],
      connectionTimeout: 3000,
      requestTimeout: 30000,
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
      // Each retry would log; the error that ends the retries says what went wrong, once.
      logLevel: logLevel.NOTHING,
    })
    this.#producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner })
  }

  async publish(envelopes: readonly EventEnvelope[], onBatch: (sent: number) => void) {
    this.#connected ??= this.#producer.connect()
    await this.#connected
    for (let i = 0; i < envelopes.length; i += this.#batchSize) {
      const batch = envelopes.slice(i, i + this.#batchSize)
      const byTopic = new Map<string, Message[]>()
      for (const event of batch) {
        const topic = topicOf(event.type)
        if (!byTopic.has(topic)) byTopic.set(topic, [])
        byTopic.get(topic)!.push(recordOf(event))
      }
      await this.#producer.sendBatch({ acks: -1, timeout: 30000, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) })
      onBatch(batch.length)
    }
  }

  async close() {
    const connected = this.#connected
    this.#connected = null
    if (connected) await connected.then(() => this.#producer.disconnect(), () => {})
  }
}

/**
 * The relay's record of an envelope, except the timestamp: the broker's append time (now), since a
 * history months old stamped with its own times would fall out of the topics' time retention at once.
 */
function recordOf(event: EventEnvelope): Message {
  return {
    key: partitionKeyOf(event),
    value: JSON.stringify(event),
    headers: { 'event-id': event.id, 'event-type': event.type, 'tenant-id': event.tenantId, 'schema-version': String(event.schemaVersion) },
  }
}
