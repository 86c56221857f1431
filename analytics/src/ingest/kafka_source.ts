import { Kafka, logLevel, type Consumer, type EachBatchPayload, type LogEntry } from 'kafkajs'
import { EVENT_TOPICS } from '../envelope.ts'
import { consoleLog, offsetToken, type IngestLog, type Ingestor, type IngestRecord } from './ingestor.ts'

/** How the Kafka source connects and what it reads. */
export interface KafkaSourceOptions {
  brokers: string[]
  /** The consumer group; every ingestor process of one store shares it (default `cc-analytics`). */
  groupId?: string
  topics?: readonly string[]
  /** How long the group waits for a silent member (a killed process) before giving its partitions away (default 30 s, broker minimum 6 s). */
  sessionTimeoutMs?: number
  /** Most records per insert (and per offset commit). */
  maxRecords?: number
  log?: IngestLog
  /** Called after a chunk is stored and before its offsets are committed (fault injection in tests). */
  afterInsert?: (chunk: { topic: string; partition: number; firstOffset: string; lastOffset: string }) => Promise<void> | void
}

/** Where a group stands on one partition: its committed offset and the partition's end. */
export interface PartitionLag {
  topic: string
  partition: number
  committed: number
  end: number
}

/**
 * The Kafka side of the ingestor, the only file that knows kafkajs: a consumer group over the
 * platform's topics, reading each partition in order, inserting a chunk, and committing the chunk's
 * offsets only once the insert (and the facts) succeeded. Killed between the two, the group
 * resumes at the last commit and the chunk is inserted again, which the store deduplicates.
 */
export class KafkaIngestSource {
  readonly groupId: string
  #kafka: Kafka
  #consumer: Consumer
  #topics: string[]
  #maxRecords: number
  #log: IngestLog
  #afterInsert: KafkaSourceOptions['afterInsert']

  constructor(options: KafkaSourceOptions) {
    this.groupId = options.groupId ?? 'cc-analytics'
    this.#topics = [...(options.topics ?? EVENT_TOPICS)]
    this.#maxRecords = options.maxRecords ?? 1000
    this.#log = options.log ?? consoleLog
    this.#afterInsert = options.afterInsert
    const log = this.#log
    this.#kafka = new Kafka({
      clientId: 'cc-analytics-ingestor',
      brokers: options.brokers,
      connectionTimeout: 3000,
      logLevel: logLevel.WARN,
      logCreator: () => ({ namespace, log: entry }: LogEntry) => log('warn', `kafkajs ${namespace}: ${entry.message}`),
    })
    this.#consumer = this.#kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, sessionTimeout: options.sessionTimeoutMs ?? 30000, heartbeatInterval: 3000 })
  }

  /** Joins the group and starts consuming; resolves once the consumer runs. */
  async start(ingestor: Ingestor) {
    await this.#consumer.connect()
    await this.#consumer.subscribe({ topics: this.#topics, fromBeginning: true })
    await this.#consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.#eachBatch(ingestor, payload),
    })
    this.#log('info', `ingesting ${this.#topics.length} topic(s) as group ${this.groupId}`)
  }

  /** Leaves the group after the batch in progress (its offsets committed if it was stored). */
  async stop() {
    await this.#consumer.disconnect()
  }

  /** The group's committed offset and each partition's end, for every topic (a caught-up group has end = committed). */
  async lag(): Promise<PartitionLag[]> {
    const admin = this.#kafka.admin()
    await admin.connect()
    try {
      const committed = await admin.fetchOffsets({ groupId: this.groupId, topics: this.#topics })
      const rows: PartitionLag[] = []
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic)
        for (const p of partitions) {
          const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0)
          rows.push({ topic, partition: p.partition, committed: Math.max(0, Number(p.offset)), end })
        }
      }
      return rows
    } finally {
      await admin.disconnect()
    }
  }

  async #eachBatch(ingestor: Ingestor, { batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload) {
    for (let i = 0; i < batch.messages.length; i += this.#maxRecords) {
      if (!isRunning() || isStale()) return
      const chunk = batch.messages.slice(i, i + this.#maxRecords)
      const firstOffset = chunk[0].offset
      const lastOffset = chunk[chunk.length - 1].offset
      const records: IngestRecord[] = chunk.map((message) => ({
        event: decode(message.value),
        position: { topic: batch.topic, partition: batch.partition, offset: Number(message.offset) },
      }))
      const ids = records.map((r) => String((r.event as { id?: unknown } | null)?.id ?? ''))
      await ingestor.ingest(records, offsetToken(batch.topic, batch.partition, firstOffset, lastOffset, ids))
      await this.#afterInsert?.({ topic: batch.topic, partition: batch.partition, firstOffset, lastOffset })
      await this.#consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(lastOffset) + 1n) }])
      resolveOffset(lastOffset)
      await heartbeat()
    }
  }
}

/** A record's value as JSON, or null (the ingestor reports it as unusable). */
function decode(value: Buffer | null): unknown {
  if (!value) return null
  try {
    return JSON.parse(value.toString('utf8'))
  } catch {
    return null
  }
}
