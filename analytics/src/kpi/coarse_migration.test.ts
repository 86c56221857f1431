import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../store/analytics_store.ts'
import { migrate, MIGRATIONS_DIR, readMigrations } from '../store/migrate.ts'
import { intervalsOfAgent } from '../facts/agent_intervals.ts'
import { segmentsOfCall, wrapIntervalOf } from '../facts/call_segments.ts'
import { buildFirstContacts } from '../facts/first_contacts.ts'
import { rebuildAgentRollup, rebuildCallRollup } from '../facts/rollups.ts'
import { BASE, buildScenario } from '../testing/call_scenario.ts'
import { DEFAULT_KPI_SETTINGS } from './definitions.ts'
import { KPI_DIMENSIONS, kpis } from './kpis.ts'

// Its own file (own process): chDB allows one data directory per process, and this store starts at migration 0006.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-0007-'))
const through = (last: string) => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-migrations-'))
  for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f <= last)) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(copy, file))
  return copy
}
const through0006 = through('0006_~')
const through0007 = through('0007_~')
const store = openStore({ chdbDir: dir })
const day = { from: new Date(BASE - 3_600_000), to: new Date(BASE + 3 * 3_600_000) }
after(async () => {
  await store.close()
  for (const d of [dir, through0006, through0007]) fs.rmSync(d, { recursive: true, force: true })
})

/** The scenario's facts as the ingestor derives them: agents' intervals, then the calls' segments with their wrap-ups. */
function factsOf(scenario: ReturnType<typeof buildScenario>) {
  const stored = (e: (typeof scenario.envelopes)[number]) => ({ id: e.id, type: e.type, at: Date.parse(e.occurredAt), entityId: e.entity.id, payload: e.payload })
  const agents = Map.groupBy(scenario.envelopes.filter((e) => e.type === 'agent.state_changed'), (e) => e.entity.id)
  const intervals = [...agents].flatMap(([agentId, events]) => intervalsOfAgent(scenario.tenantId, agentId, events.map(stored)))
  const calls = Map.groupBy(scenario.envelopes.filter((e) => e.entity.type === 'call'), (e) => e.entity.id)
  const segments = [...calls].flatMap(([callId, events]) =>
    segmentsOfCall(scenario.tenantId, callId, events.map(stored), intervals.filter((i) => i.state === 'wrap_up' && i.call_id === callId).map((i) => wrapIntervalOf({ agent: i.agent_id, started: i.started_at, ended: i.ended_at })))
  )
  return { intervals, segments }
}

/** The agent-state rollup as 0005 built it: per agent, state and reason, offline included. */
const OLD_AGENT_ROLLUP = `INSERT INTO agent_state_rollup_15m
  SELECT tenant_id, b, agent_id, state, reason,
    sum(dateDiff('millisecond', greatest(started_at, toDateTime64(b, 3, 'UTC')), least(ended_at, toDateTime64(b + INTERVAL 15 MINUTE, 3, 'UTC'))) / 1000) AS seconds, 1
  FROM agent_state_intervals FINAL
  ARRAY JOIN arrayMap(x -> toDateTime(x, 'UTC'), range(toUInt32(toStartOfFifteenMinutes(started_at)), toUInt32(toUnixTimestamp(ended_at)) + 1, 900)) AS b
  GROUP BY tenant_id, b, agent_id, state, reason HAVING seconds > 0`

const everyDimension = async (tenantId: string, teams: Record<string, string[]>) => {
  const rows = []
  for (const by of KPI_DIMENSIONS) rows.push(await kpis(store.forTenant(tenantId), { ...day, by, teams, settings: { ...DEFAULT_KPI_SETTINGS, timeZone: 'Asia/Shanghai' } }))
  return rows
}

test('0007–0009 move a store with data to the coarse rollups and first contacts: backfilled, safe to repeat, the same KPIs as a rebuild', async () => {
  assert.equal((await migrate(store.executor, through0006)).applied.at(-1), '0006_call_rollup_by_number')
  const scenarios = [buildScenario(), buildScenario()]
  // A store as 0006 left it: facts, and the rollups built from them.
  for (const s of scenarios) {
    const { intervals, segments } = factsOf(s)
    await store.insert('agent_state_intervals', intervals)
    await store.insert('call_segments', segments)
  }
  await store.executor.command(OLD_AGENT_ROLLUP)
  for (const statement of readMigrations().find((m) => m.version === 6)!.statements) await store.executor.command(statement)

  assert.deepEqual((await migrate(store.executor, through0007)).applied, ['0007_coarse_rollups'])
  // A run cut short after 0007's backfills (before it was recorded) runs them again: the same rows, once.
  for (const statement of readMigrations().find((m) => m.version === 7)!.statements) await store.executor.command(statement)
  assert.deepEqual((await store.migrate()).applied, ['0008_first_contacts', '0009_drop_agent_rollup_by_reason', '0010_rona_agents'])
  for (const version of [8, 9, 10]) for (const statement of readMigrations().find((m) => m.version === version)!.statements) await store.executor.command(statement)
  assert.deepEqual((await store.migrate()).applied, [])
  const tables = await store.executor.select<{ name: string }>(`SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'agent_state_rollup%' ORDER BY name`)
  assert.deepEqual(tables.map((t) => t.name), ['agent_state_rollup_15m_coarse', 'agent_state_rollup_15m_v2'])

  for (const s of scenarios) {
    const teams = { '00000000-0000-4000-8000-000000000001': [s.ids.A], '00000000-0000-4000-8000-000000000002': [s.ids.A, s.ids.B] }
    const migrated = await everyDimension(s.tenantId, teams)
    // As worked out in kpis.test.ts.
    const [total] = migrated[0]
    assert.deepEqual([total.offered, total.answered, total.abandoned, total.short_abandoned, total.transfers, total.rona], [6, 4, 2, 1, 1, 1])
    assert.deepEqual([total.service_level, total.asa, total.aht, total.fcr], [2 / 5, 16.75, 375 / 4, 2 / 3])
    assert.deepEqual([total.occupancy, total.utilization], [375 / (3000 - 883 + 2700), 375 / 5700])
    // The same rows as the ingestor's rebuild from the facts gives.
    const tenant = store.forTenant(s.tenantId)
    const range = { from: BASE - 86_400_000, to: BASE + 86_400_000 }
    await rebuildCallRollup(tenant, range)
    await rebuildAgentRollup(tenant, range)
    await buildFirstContacts(tenant)
    assert.deepEqual(await everyDimension(s.tenantId, teams), migrated)
  }
  // No offline time and no reasons: one row per agent, bucket and state.
  const [dupes] = await store.executor.select<{ n: number; offline: number }>(
    `SELECT count() - uniqExact(tenant_id, bucket, agent_id, state) AS n, countIf(state = 'offline') AS offline FROM agent_state_rollup_15m_v2 FINAL`
  )
  assert.deepEqual([Number(dupes.n), Number(dupes.offline)], [0, 0])
})
