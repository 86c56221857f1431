import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../store/analytics_store.ts'
import { Ingestor } from './ingestor.ts'
import { KafkaIngestSource } from './kafka_source.ts'
import { buildScenario } from '../testing/call_scenario.ts'
import { assertScenarioFacts } from '../testing/facts.ts'
import { kafkaBrokersOr, publish, waitFor } from '../testing/kafka.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-kafka-'))
const store = openStore({ chdbDir: dir })
after(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('envelopes → real Kafka → ingestor (consumer group) → chDB → the facts worked out by hand', async (t) => {
  const brokers = kafkaBrokersOr(t)
  if (!brokers) return
  await store.migrate()
  const scenario = buildScenario()
  // The relay publishes in outbox order; the calls and agents topics are separate, each in key order.
  await publish(brokers, scenario.envelopes)
  const source = new KafkaIngestSource({ brokers, groupId: `cc-analytics-test-${crypto.randomUUID()}`, log: () => {} })
  await source.start(new Ingestor(store, () => {}))
  try {
    const tenant = store.forTenant(scenario.tenantId)
    await waitFor(
      async () => (await tenant.select<{ n: number }>('SELECT count() AS n FROM call_segments FINAL WHERE tenant_id = {tenant:UUID} AND (wrap_seconds > 0 OR answered = 0)'))[0].n === 6,
      60000,
      'all six segments with their wrap-up'
    )
    await waitFor(async () => (await source.lag()).every((p) => p.committed === p.end), 30000, 'offsets committed up to the end')
    await assertScenarioFacts(store, scenario)
  } finally {
    await source.stop()
  }
})
