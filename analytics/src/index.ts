/** The analytics package: the store (chDB or a ClickHouse server), its tenant-scoped reads and the Kafka → ClickHouse ingestor. */
export { EVENT_TOPICS, topicOf, partitionKeyOf, envelopeProblems, type EventEnvelope } from './envelope.ts'
export { AnalyticsStore, openStore, storeFromEnv } from './store/analytics_store.ts'
export { TenantQueries, TenantPredicateMissing, assertTenantScoped, TENANT_PREDICATE } from './store/tenant_query.ts'
export type { AnalyticsExecutor, QueryParams } from './store/store.ts'
export { Ingestor, type IngestRecord, type IngestResult } from './ingest/ingestor.ts'
export { KafkaIngestSource } from './ingest/kafka_source.ts'
export { startIngestor, embeddedIngestWanted, type RunningIngestor, type SubscribeToPublished } from './ingest/embedded.ts'
