import logger from '@adonisjs/core/services/logger'
import { Kafka, Partitioners, logLevel, type LogEntry, type Message, type Producer } from 'kafkajs'
import type { DomainEventEnvelope } from '#events/outbox'
import { partitionKeyOf, topicOf } from '#events/topics'
import type { EventPublisher } from '#events/relay/event_publisher'

/** Where the Kafka publisher connects and how long it waits before giving a batch up. */
export interface KafkaPublisherOptions {
  brokers: string[]
  clientId?: string
  connectionTimeoutMs?: number
  requestTimeoutMs?: number
}

/**
 * Errors after which the producer's sequence numbers no longer match the broker's: only a new
 * producer (a new producer id) can publish again, so that batch may be written twice.
 */
const PRODUCER_STATE_LOST = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING'])

/**
 * The Kafka adapter, the only place that knows kafkajs: an idempotent producer (acks from all
 * in-sync replicas, one request in flight, so a retry never reorders or duplicates a partition's
 * records). kafkajs rolls a failed request's sequence numbers back, so when the relay publishes the
 * same batch again after an outage the broker drops whatever had already landed.
 */
export class KafkaEventPublisher implements EventPublisher {
  readonly name: string
  #kafka: Kafka
  #producer: Producer
  #connected: Promise<void> | null = null

  constructor(options: KafkaPublisherOptions) {
    this.name = `Kafka at ${options.brokers.join(',')}`
    this.#kafka = new Kafka({
      clientId: options.clientId ?? 'cc-outbox-relay',
      brokers: options.brokers,
      connectionTimeout: options.connectionTimeoutMs ?? 3000,
      requestTimeout: options.requestTimeoutMs ?? 10000,
      // A few quick retries inside one publish; the relay backs off between publishes.
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
      logLevel: logLevel.WARN,
      logCreator: () => relayLog,
    })
    this.#producer = this.#newProducer()
  }

  async publish(batch: readonly DomainEventEnvelope[]) {
    if (!batch.length) return
    await this.#connect()
    const byTopic = new Map<string, Message[]>()
    for (const event of batch) {
      const topic = topicOf(event.type)
      if (!byTopic.has(topic)) byTopic.set(topic, [])
      byTopic.get(topic)!.push(recordOf(event))
    }
    try {
      await this.#producer.sendBatch({ acks: -1, timeout: 10000, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) })
    } catch (error) {
      if (PRODUCER_STATE_LOST.has(errorType(error))) await this.#replaceProducer()
      throw error
    }
  }

  async close() {
    const connected = this.#connected
    this.#connected = null
    if (connected) await connected.then(() => this.#producer.disconnect(), () => {})
  }

  #newProducer() {
    return this.#kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Java-compatible murmur2 on the key, so every client agrees on a key's partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    })
  }

  /** Connects once; a failed connection is tried again on the next publish. */
  #connect() {
    this.#connected ??= this.#producer.connect().catch((error) => {
      this.#connected = null
      throw error
    })
    return this.#connected
  }

  async #replaceProducer() {
    logger.warn('the Kafka producer lost its sequence state; publishing the batch again with a new producer id')
    await this.close().catch(() => {})
    this.#producer = this.#newProducer()
  }
}

/** The Kafka record of an envelope: JSON value, a few headers for routing without parsing. */
function recordOf(event: DomainEventEnvelope): Message {
  return {
    key: partitionKeyOf(event),
    value: JSON.stringify(event),
    timestamp: String(Date.parse(event.occurredAt)),
    headers: { 'event-id': event.id, 'event-type': event.type, 'tenant-id': event.tenantId, 'schema-version': String(event.schemaVersion) },
  }
}

/** The protocol error type of a kafkajs error, also when a retrier wrapped it. */
function errorType(error: unknown): string {
  const e = error as { type?: string; cause?: { type?: string } } | null
  return e?.type ?? e?.cause?.type ?? ''
}

/** kafkajs logs every failed connection; the relay reports outages itself, so these go to debug. */
function relayLog({ namespace, log }: LogEntry) {
  logger.debug({ kafkajs: namespace, error: log.error }, log.message)
}
