import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../store/analytics_store.ts'
import { migrate, MIGRATIONS_DIR } from '../store/migrate.ts'
import { segmentsOfCall } from '../facts/call_segments.ts'
import { rebuildCallRollup } from '../facts/rollups.ts'
import { BASE, buildScenario } from '../testing/call_scenario.ts'
import { DEFAULT_KPI_SETTINGS } from './definitions.ts'
import { kpis } from './kpis.ts'

// Its own file (own process): chDB allows one data directory per process, and this store starts at migration 0009.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-0010-'))
const through0009 = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-migrations-'))
for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0010')) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(through0009, file))
const store = openStore({ chdbDir: dir })
const day = { from: new Date(BASE - 3_600_000), to: new Date(BASE + 3 * 3_600_000) }
const range = { from: day.from.getTime(), to: day.to.getTime() }
after(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(through0009, { recursive: true, force: true })
})

const scenario = buildScenario()
const segments = (() => {
  const byCall = Map.groupBy(scenario.envelopes.filter((e) => e.entity.type === 'call'), (e) => e.entity.id)
  return [...byCall].flatMap(([callId, events]) =>
    segmentsOfCall(scenario.tenantId, callId, events.map((e) => ({ id: e.id, type: e.type, at: Date.parse(e.occurredAt), entityId: e.entity.id, payload: e.payload })))
  )
})()

const ronaByAgent = async () =>
  Object.fromEntries((await kpis(store.forTenant(scenario.tenantId), { ...day, by: 'agent', settings: DEFAULT_KPI_SETTINGS })).filter((r) => r.rona > 0).map((r) => [r.key, r.rona]))

test('0010 on a store with data: old segments keep their RONA on the segment’s agent; derived again, it moves to the agent who let it ring', async () => {
  await migrate(store.executor, through0009)
  // Segments as the ingestor wrote them before 0010: no list of RONA agents.
  await store.insert('call_segments', segments.map(({ rona_agents: _, ...row }) => row))
  assert.deepEqual((await store.migrate()).applied, ['0010_rona_agents'])
  const tenant = store.forTenant(scenario.tenantId)
  await rebuildCallRollup(tenant, range)
  // c5 rang out at A and B answered it: an old segment knows only B.
  assert.deepEqual(await ronaByAgent(), { [scenario.ids.B]: 1 })
  const [total] = await kpis(tenant, { ...day, by: 'total', settings: DEFAULT_KPI_SETTINGS })
  assert.equal(total.rona, 1)

  // The ingestor derives c5 again (a replay, a late event): the newer row has the list.
  await store.insert('call_segments', segments.filter((s) => s.call_id === scenario.ids.c5).map((s) => ({ ...s, version: s.version + 1 })))
  await rebuildCallRollup(tenant, range)
  assert.deepEqual(await ronaByAgent(), { [scenario.ids.A]: 1 })
  const [after] = await kpis(tenant, { ...day, by: 'total', settings: DEFAULT_KPI_SETTINGS })
  assert.equal(after.rona, 1, 'the total is the same: the RONA moved, it was not added')
  const byQueue = await kpis(tenant, { ...day, by: 'queue', settings: DEFAULT_KPI_SETTINGS })
  assert.deepEqual(byQueue.filter((r) => r.rona > 0).map((r) => [r.key, r.rona]), [[scenario.ids.Q, 1]])
})
