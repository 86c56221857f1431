import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from './analytics_store.ts'
import { Ingestor, type IngestRecord } from '../ingest/ingestor.ts'
import { buildScenario } from '../testing/call_scenario.ts'
import { assertScenarioFacts } from '../testing/facts.ts'
import type { EventEnvelope } from '../envelope.ts'

// chDB allows one data directory per process: this file's tests share one store, each with its own tenants.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-'))
const store = openStore({ chdbDir: dir })
const ingestor = new Ingestor(store, () => {})
after(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const records = (events: readonly EventEnvelope[], firstOffset = 0): IngestRecord[] =>
  events.map((event, i) => ({ event, position: { topic: 'cc.calls', partition: 0, offset: firstOffset + i } }))

test('migrations are numbered, applied once, and a second run changes nothing', async () => {
  const first = await store.migrate()
  assert.deepEqual(first.applied, ['0001_events', '0002_call_segments', '0003_agent_state_intervals', '0004_queue_events', '0005_rollups', '0006_call_rollup_by_number', '0007_coarse_rollups', '0008_first_contacts', '0009_drop_agent_rollup_by_reason', '0010_rona_agents'])
  const second = await store.migrate()
  assert.deepEqual(second, { applied: [], alreadyApplied: first.applied })
})

test('a deterministic call scenario becomes the facts worked out by hand', async () => {
  const scenario = buildScenario()
  for (let i = 0; i < scenario.envelopes.length; i += 7) await ingestor.ingest(records(scenario.envelopes.slice(i, i + 7), i), `t1/${scenario.tenantId}/${i}`)
  await assertScenarioFacts(store, scenario)
})

test('an insert retried with the same token is dropped by ClickHouse, not stored twice', async () => {
  const scenario = buildScenario()
  const batch = records(scenario.envelopes)
  await ingestor.ingest(batch, `retry/${scenario.tenantId}`)
  await ingestor.ingest(batch, `retry/${scenario.tenantId}`)
  const [raw] = await store.forTenant(scenario.tenantId).select<{ n: number }>('SELECT count() AS n FROM events WHERE tenant_id = {tenant:UUID}')
  assert.equal(raw.n, scenario.envelopes.length, 'no second copy even before a merge (no FINAL here)')
  await assertScenarioFacts(store, scenario)
})

test('a replay cut into other batches (other tokens) never double-counts: FINAL folds it, facts are rebuilt the same', async () => {
  const scenario = buildScenario()
  await ingestor.ingest(records(scenario.envelopes), `whole/${scenario.tenantId}`)
  // The same events again, in batches of 4, as after a crash that lost the commit of a bigger batch.
  for (let i = 0; i < scenario.envelopes.length; i += 4) await ingestor.ingest(records(scenario.envelopes.slice(i, i + 4), i), `again/${scenario.tenantId}/${i}`)
  // Until a merge the replayed rows may still be there (background merges may fold them sooner); reads use FINAL.
  await assertScenarioFacts(store, scenario)
  const tenant = store.forTenant(scenario.tenantId)
  await store.executor.command('OPTIMIZE TABLE events FINAL')
  const [merged] = await tenant.select<{ n: number }>('SELECT count() AS n FROM events WHERE tenant_id = {tenant:UUID}')
  assert.equal(merged.n, scenario.envelopes.length, 'a merge keeps one row per event id')
})

test('a malformed record is reported and passed; the rest of its batch is stored', async () => {
  const scenario = buildScenario()
  const warnings: string[] = []
  const strict = new Ingestor(store, (level, message) => level === 'warn' && warnings.push(message))
  const result = await strict.ingest([...records(scenario.envelopes.slice(0, 2)), { event: { id: 'nope' }, position: { topic: 'cc.calls', partition: 1, offset: 9 } }], `bad/${scenario.tenantId}`)
  assert.equal(result.stored, 2)
  assert.equal(result.rejected, 1)
  assert.match(warnings[0], /cc\.calls\/1@9: id must be a uuid/)
})

test("tenant A's reads never see tenant B's rows", async () => {
  const a = buildScenario()
  const b = buildScenario()
  await ingestor.ingest(records([...a.envelopes, ...b.envelopes]), `two/${a.tenantId}`)
  const count = async (tenantId: string) =>
    (await store.forTenant(tenantId).select<{ n: number }>('SELECT count() AS n FROM call_segments FINAL WHERE tenant_id = {tenant:UUID}'))[0].n
  assert.equal(await count(a.tenantId), 6)
  assert.equal(await count(b.tenantId), 6)
  await assertScenarioFacts(store, a)
})
