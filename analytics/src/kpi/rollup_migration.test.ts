import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../store/analytics_store.ts'
import { migrate, MIGRATIONS_DIR, readMigrations } from '../store/migrate.ts'
import { segmentsOfCall } from '../facts/call_segments.ts'
import { BASE, buildScenario, N1, N2 } from '../testing/call_scenario.ts'
import { DEFAULT_KPI_SETTINGS } from './definitions.ts'
import { kpis, type KpiRow } from './kpis.ts'

// Its own file (own process): chDB allows one data directory per process, and this store starts at migration 0005.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-0006-'))
const before0006 = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-migrations-'))
for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0006')) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(before0006, file))
const through0006 = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-migrations-'))
for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0007')) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(through0006, file))
const store = openStore({ chdbDir: dir })
const day = { from: new Date(BASE - 3_600_000), to: new Date(BASE + 3 * 3_600_000) }
after(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(before0006, { recursive: true, force: true })
  fs.rmSync(through0006, { recursive: true, force: true })
})

/** The scenario's segments as the ingestor derives them (wrap-ups left out: this test is about counts and keys). */
function segmentsOf(scenario: ReturnType<typeof buildScenario>) {
  const byCall = Map.groupBy(scenario.envelopes.filter((e) => e.entity.type === 'call'), (e) => e.entity.id)
  return [...byCall].flatMap(([callId, events]) =>
    segmentsOfCall(scenario.tenantId, callId, events.map((e) => ({ id: e.id, type: e.type, at: Date.parse(e.occurredAt), entityId: e.entity.id, payload: e.payload })))
  )
}

const sums = (rows: KpiRow[]) => Object.fromEntries((['offered', 'answered', 'abandoned', 'short_abandoned', 'transfers', 'rona'] as const).map((f) => [f, rows.reduce((s, r) => s + r[f], 0)]))

test('0006 moves a store with data to the rollup by number: backfilled, the old table gone, numbers adding up to the total', async () => {
  assert.equal((await migrate(store.executor, before0006)).applied.at(-1), '0005_rollups')
  const scenarios = [buildScenario(), buildScenario()]
  // A store as 0005 left it: facts, and the old rollup built from them.
  for (const s of scenarios) await store.insert('call_segments', segmentsOf(s))
  await store.executor.command(`INSERT INTO call_rollup_15m (tenant_id, bucket, queue_id, agent_id, channel, direction, segments, queued, answered, abandoned, version)
    SELECT tenant_id, toStartOfFifteenMinutes(started_at), ifNull(queue_id, toUUID('00000000-0000-0000-0000-000000000000')), ifNull(agent_id, toUUID('00000000-0000-0000-0000-000000000000')),
      channel, direction, count(), countIf(queued_at IS NOT NULL), countIf(answered = 1), countIf(abandoned = 1), 1
    FROM call_segments FINAL GROUP BY ALL`)

  assert.deepEqual((await migrate(store.executor, through0006)).applied, ['0006_call_rollup_by_number'])
  const tables = await store.executor.select<{ name: string }>(`SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'call_rollup%' ORDER BY name`)
  assert.deepEqual(tables.map((t) => t.name), ['call_rollup_15m_v2'])
  // The later migrations (coarse rollups, first contacts) are built from these tables; KPIs read them.
  await store.migrate()

  for (const s of scenarios) {
    const tenant = store.forTenant(s.tenantId)
    const [total] = await kpis(tenant, { ...day, by: 'total', settings: DEFAULT_KPI_SETTINGS })
    // As worked out in kpis.test.ts: offered 6, answered 4, abandoned 2 (1 short), 1 transfer, 1 RONA.
    assert.deepEqual(sums([total]), { offered: 6, answered: 4, abandoned: 2, short_abandoned: 1, transfers: 1, rona: 1 })
    const byNumber = await kpis(tenant, { ...day, by: 'number', settings: DEFAULT_KPI_SETTINGS })
    assert.deepEqual(byNumber.map((r) => [r.key, r.offered]), [['', 1], [N1, 4], [N2, 1]])
    assert.deepEqual(sums(byNumber), sums([total]))
  }

  // A run cut short after the backfill (before it was recorded) runs again: the same rows, once.
  const [m0006] = readMigrations().filter((m) => m.version === 6)
  for (const statement of m0006.statements) await store.executor.command(statement)
  const again = await kpis(store.forTenant(scenarios[0].tenantId), { ...day, by: 'number', settings: DEFAULT_KPI_SETTINGS })
  assert.deepEqual(again.map((r) => [r.key, r.offered]), [['', 1], [N1, 4], [N2, 1]])
  assert.deepEqual((await store.migrate()).applied, [])
})
