/** The analytics package: event routing now; the Kafka → ClickHouse ingestor comes with the data-center issue. */
export { topicFor, partitionKey, envelopeProblems, type EventEnvelope } from './envelope.ts'
