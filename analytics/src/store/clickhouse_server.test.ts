/**
 * The ClickHouse-server executor, run only when CLICKHOUSE_URL is set (e.g.
 * `CLICKHOUSE_URL=http://default:@127.0.0.1:8123 npm test -w @cc/analytics`). Needs ClickHouse 24.8
 * or newer (the floor of @clickhouse/client; query parameters, DateTime64, sumForEachIf). It works in
 * a database of its own and drops it afterwards.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { openStore } from './analytics_store.ts'
import { Ingestor } from '../ingest/ingestor.ts'
import { buildScenario } from '../testing/call_scenario.ts'
import { assertScenarioFacts } from '../testing/facts.ts'

const url = process.env.CLICKHOUSE_URL

test('the ClickHouse-server executor runs the same migrations, ingest and facts as chDB', { skip: url ? false : 'CLICKHOUSE_URL is not set' }, async () => {
  const database = `analytics_test_${crypto.randomBytes(4).toString('hex')}`
  const store = openStore({ clickhouseUrl: url, database })
  try {
    const [{ version }] = await store.executor.select<{ version: string }>('SELECT version() AS version')
    const [major, minor] = version.split('.').map(Number)
    assert.ok(major > 24 || (major === 24 && minor >= 8), `ClickHouse ${version} is older than 24.8`)
    assert.equal((await store.migrate()).applied.length, 5)
    assert.equal((await store.migrate()).applied.length, 0)
    const scenario = buildScenario()
    const ingestor = new Ingestor(store, () => {})
    const records = scenario.envelopes.map((event, i) => ({ event, position: { topic: 'cc.calls', partition: 0, offset: i } }))
    await ingestor.ingest(records.slice(0, 20), `server/${scenario.tenantId}/0`)
    await ingestor.ingest(records.slice(20), `server/${scenario.tenantId}/20`)
    await ingestor.ingest(records.slice(20), `server/${scenario.tenantId}/20`)
    await assertScenarioFacts(store, scenario)
    await assert.rejects(store.forTenant(scenario.tenantId).select('SELECT count() FROM events'), /tenant predicate/)
  } finally {
    await store.executor.command(`DROP DATABASE IF EXISTS ${database}`).catch(() => {})
    await store.close()
  }
})
