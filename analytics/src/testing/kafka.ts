import type { TestContext } from 'node:test'
import { Kafka, Partitioners, logLevel } from 'kafkajs'
import { partitionKeyOf, topicOf, type EventEnvelope } from '../envelope.ts'

/**
 * The brokers of KAFKA_BROKERS (scripts/test.mjs starts a real Kafka), or null after skipping the
 * test; with CI=true a missing Kafka fails instead.
 */
export function kafkaBrokersOr(t: TestContext): string[] | null {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean)
  if (brokers.length) return brokers
  if (process.env.CI === 'true') throw new Error('KAFKA_BROKERS is not set: CI needs the real Kafka that scripts/test.mjs starts')
  t.skip('KAFKA_BROKERS is not set (run through scripts/test.mjs --only=analytics)')
  return null
}

/** Publishes envelopes the way the backend's relay does: idempotent producer, the relay's topic, key and JSON value. */
export async function publish(brokers: string[], envelopes: readonly EventEnvelope[]) {
  const kafka = new Kafka({ clientId: 'cc-analytics-test', brokers, logLevel: logLevel.NOTHING })
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner })
  await producer.connect()
  try {
    const byTopic = new Map<string, { key: string; value: string }[]>()
    for (const event of envelopes) {
      const topic = topicOf(event.type)
      if (!byTopic.has(topic)) byTopic.set(topic, [])
      byTopic.get(topic)!.push({ key: partitionKeyOf(event), value: JSON.stringify(event) })
    }
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) })
  } finally {
    await producer.disconnect()
  }
}

/** Waits until `check` is true, polling; fails after the timeout with the message. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`timed out: ${message}`)
}
