import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { Kafka, logLevel } from 'kafkajs'
import { partitionKeyOf, topicOf, type EventEnvelope } from '../envelope.ts'
import { kafkaBrokersOr, waitFor } from '../testing/kafka.ts'
import { DayEvents } from './events_mode.ts'
import { generate } from './generate.ts'
import { KafkaEnvelopePublisher } from './kafka_mode.ts'
import { parseGenerateArgs } from './options.ts'
import { Simulation } from './simulate.ts'

/** Every record of the tenant on the topics, read from the beginning by a fresh group. */
async function readBack(brokers: string[], tenantId: string, topics: string[], expected: number) {
  const kafka = new Kafka({ clientId: 'cc-analytics-test', brokers, logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: `cc-synthetic-test-${crypto.randomUUID()}` })
  const records: Array<{ topic: string; partition: number; key: string; event: EventEnvelope; headers: Record<string, string> }> = []
  await consumer.connect()
  try {
    await consumer.subscribe({ topics, fromBeginning: true })
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const key = message.key?.toString() ?? ''
        if (!key.startsWith(`${tenantId}:`)) return
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]))
        records.push({ topic, partition, key, event: JSON.parse(message.value!.toString()), headers })
      },
    })
    await waitFor(async () => records.length >= expected, 60000, `${expected} records of the tenant (got ${records.length})`)
    // A moment more: nothing beyond what the generator reported may arrive.
    await new Promise((resolve) => setTimeout(resolve, 1000))
  } finally {
    await consumer.disconnect()
  }
  return records
}

test('kafka mode publishes the history to the real Kafka with the outbox relay topics, keys and per-entity order', async (t) => {
  const brokers = kafkaBrokersOr(t)
  if (!brokers) return
  const tenantId = crypto.randomUUID()
  const queueIds: string[] = [crypto.randomUUID(), crypto.randomUUID()]
  const agentIds = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
  const options = parseGenerateArgs(
    [`--tenant=${tenantId}`, '--calls=50', '--days=2', '--end=2026-03-03', '--mode=kafka', `--queue-ids=${queueIds.join(',')}`, `--agent-ids=${agentIds.join(',')}`, '--seed=kafka'],
    new Date(),
    { KAFKA_BROKERS: brokers.join(',') }
  )
  const publisher = new KafkaEnvelopePublisher(options.brokers!, 100)
  const lines: string[] = []
  let report
  try {
    report = await generate(publisher, options, { log: (line) => lines.push(line) })
  } finally {
    await publisher.close()
  }
  assert.equal(report.calls, 50)
  assert.match(lines[0], /^kafka mode: 50 calls over 2 days .* 2 queues, 3 agents, seed kafka, into Kafka at /)

  // What the generator handed to Kafka, made again from the same options, in publish order.
  const sim = new Simulation(options)
  const sink = new DayEvents(tenantId)
  const sent = sim.days.flatMap((_, d) => (sim.runDay(d, sink), sink.envelopes()))
  assert.equal(report.events, sent.length)
  const topics = [...new Set(sent.map((e) => topicOf(e.type)))].sort()
  assert.deepEqual(topics, ['cc.agents', 'cc.calls'])

  const records = await readBack(brokers, tenantId, topics, report.events)
  assert.equal(records.length, report.events, 'every envelope once, nothing else')
  for (const { topic, key, event, headers } of records) {
    assert.equal(topic, topicOf(event.type))
    assert.equal(key, partitionKeyOf(event))
    assert.equal(key, `${tenantId}:${event.entity.id}`)
    assert.deepEqual(headers, { 'event-id': event.id, 'event-type': event.type, 'tenant-id': tenantId, 'schema-version': '1' })
  }
  // One entity's records sit in one partition, in the order they were published.
  const byEntity = (events: EventEnvelope[]) => {
    const map = new Map<string, string[]>()
    for (const e of events) map.set(e.entity.id, [...(map.get(e.entity.id) ?? []), e.id])
    return map
  }
  assert.deepEqual(byEntity(records.map((r) => r.event)), byEntity(sent))
  for (const [entity, partitions] of Map.groupBy(records, (r) => r.key)) assert.equal(new Set(partitions.map((r) => r.partition)).size, 1, entity)
  // The organisation's real queues and agents, not made-up ones.
  assert.deepEqual(new Set(records.filter((r) => r.event.entity.type === 'agent').map((r) => r.event.entity.id)), new Set(agentIds))
  const queued = new Set(records.filter((r) => r.event.type === 'call.queued').map((r) => r.event.payload.queueId))
  assert.ok([...queued].every((id) => queueIds.includes(id as string)) && queued.size === 2, JSON.stringify([...queued]))
})
