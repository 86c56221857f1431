import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startIngestor, type PublishedRecordLike } from './embedded.ts'
import { partitionKeyOf, topicOf } from '../envelope.ts'
import { buildScenario } from '../testing/call_scenario.ts'
import { assertScenarioFacts } from '../testing/facts.ts'

test('without Kafka the ingestor subscribes to the in-process bus; a batch the relay publishes again is stored once', async () => {
  // The backend's subscribeToPublishedEvents contract: subscribers get the relay's batches and a throw fails the batch.
  const subscribers = new Set<(records: readonly PublishedRecordLike[]) => Promise<void> | void>()
  const subscribe = (s: (records: readonly PublishedRecordLike[]) => Promise<void> | void) => (subscribers.add(s), () => subscribers.delete(s))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-inproc-'))
  const running = await startIngestor({ brokers: [], subscribe, env: { ANALYTICS_DIR: dir }, log: () => {} })
  try {
    assert.equal(running.source, 'the in-process bus')
    const scenario = buildScenario()
    const batches = [scenario.envelopes.slice(0, 20), scenario.envelopes.slice(20)]
    for (const batch of [...batches, batches[1]]) {
      const records = batch.map((event) => ({ topic: topicOf(event.type), key: partitionKeyOf(event), event }))
      for (const subscriber of subscribers) await subscriber(records)
    }
    await assertScenarioFacts(running.store, scenario)
    const [raw] = await running.store.forTenant(scenario.tenantId).select<{ n: number }>('SELECT count() AS n FROM events WHERE tenant_id = {tenant:UUID}')
    assert.equal(raw.n, scenario.envelopes.length, 'the republished batch had the same token')
  } finally {
    await running.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  assert.equal(subscribers.size, 0, 'stopping unsubscribes')
})
