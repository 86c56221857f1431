import { storeFromEnv, type AnalyticsStore } from '../store/analytics_store.ts'
import { consoleLog, idsToken, Ingestor, type IngestLog } from './ingestor.ts'
import { KafkaIngestSource, type KafkaSourceOptions } from './kafka_source.ts'

/** One record the backend's in-process bus hands its subscribers (`PublishedRecord`). */
export interface PublishedRecordLike {
  topic: string
  key: string
  event: { id: string }
}

/** The backend's `subscribeToPublishedEvents`. */
export type SubscribeToPublished = (subscriber: (records: readonly PublishedRecordLike[]) => Promise<void> | void) => () => void

/** A running ingestor and how to stop it. */
export interface RunningIngestor {
  readonly store: AnalyticsStore
  readonly source: string
  stop(): Promise<void>
}

/** What the ingestor reads and writes. */
export interface IngestorOptions {
  /** Kafka brokers; empty: the in-process bus through `subscribe`. */
  brokers: string[]
  subscribe?: SubscribeToPublished
  env?: NodeJS.ProcessEnv
  log?: IngestLog
  groupId?: string
  /** See KafkaSourceOptions.afterInsert (fault injection). */
  afterInsert?: KafkaSourceOptions['afterInsert']
  /** An open, migrated store shared with others in this process (the web process's data-center API); its owner closes it. */
  store?: AnalyticsStore
}

/**
 * Starts the ingestor: the store from CLICKHOUSE_URL or chDB (ANALYTICS_DIR, default
 * `.data/analytics`), migrated; then a Kafka consumer group when brokers are given, otherwise a
 * subscriber of the in-process bus (a failed insert fails the relay's batch, which the relay
 * publishes again). Used by the web process (embedded default) and by `npm run -w analytics ingest`.
 */
export async function startIngestor(options: IngestorOptions): Promise<RunningIngestor> {
  const env = options.env ?? process.env
  const log = options.log ?? consoleLog
  const store = options.store ?? storeFromEnv(env)
  const closeStore = options.store ? async () => {} : () => store.close()
  try {
    if (!options.store) {
      const migrated = await store.migrate()
      if (migrated.applied.length) log('info', `migrated ${store.name}: ${migrated.applied.join(', ')}`)
    }
    const ingestor = new Ingestor(store, log)
    if (options.brokers.length) {
      const source = new KafkaIngestSource({
        brokers: options.brokers,
        groupId: options.groupId ?? env.ANALYTICS_GROUP_ID,
        sessionTimeoutMs: Number(env.ANALYTICS_KAFKA_SESSION_TIMEOUT_MS) || undefined,
        log,
        afterInsert: options.afterInsert,
      })
      await source.start(ingestor)
      return { store, source: `Kafka at ${options.brokers.join(',')}`, stop: async () => { await source.stop(); await closeStore() } }
    }
    if (!options.subscribe) throw new Error('without Kafka brokers the ingestor needs the in-process bus')
    const unsubscribe = options.subscribe(async (records) => {
      await ingestor.ingest(records.map((r) => ({ event: r.event, position: { topic: r.topic, partition: -1, offset: -1 } })), idsToken(records.map((r) => r.event.id)))
    })
    return { store, source: 'the in-process bus', stop: async () => { unsubscribe(); await closeStore() } }
  } catch (error) {
    await closeStore().catch(() => {})
    throw error
  }
}

/** Whether this web process should run the ingestor itself (ANALYTICS_INGEST=off leaves it to its own process). */
export function embeddedIngestWanted(env: NodeJS.ProcessEnv = process.env) {
  return (env.ANALYTICS_INGEST ?? 'embedded') !== 'off'
}
