import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../store/analytics_store.ts'
import { Ingestor } from '../ingest/ingestor.ts'
import { BASE, buildScenario, N1, N2 } from '../testing/call_scenario.ts'
import { DEFAULT_KPI_SETTINGS, KPI_DEFINITIONS, kpiSettingsProblems, serviceLevelLabel } from './definitions.ts'
import { generate } from '../synthetic/generate.ts'
import { KPI_DIMENSIONS, kpis, KpiQueryError, MAX_TEAMS, type KpiRow } from './kpis.ts'

// chDB allows one data directory per process: this file's tests share one store, each with its own tenants.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-kpi-'))
const store = openStore({ chdbDir: dir })
const scenario = buildScenario()
const other = buildScenario()
const day = { from: new Date(BASE - 3_600_000), to: new Date(BASE + 3 * 3_600_000) }

before(async () => {
  await store.migrate()
  const ingestor = new Ingestor(store, () => {})
  for (const [i, s] of [scenario, other].entries()) {
    await ingestor.ingest(s.envelopes.map((event, offset) => ({ event, position: { topic: 'cc.calls', partition: i, offset } })), `kpi-${i}`)
  }
})
after(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('the scenario’s KPIs equal the ones worked out by hand', async () => {
  const [total] = await kpis(store.forTenant(scenario.tenantId), { ...day, by: 'total', settings: DEFAULT_KPI_SETTINGS })
  // Queue arrivals: c1, c2, c3, c4 in Q, c4 again in Q2, c5 → offered 6; answered c1, c4/Q, c4/Q2, c5 → 4;
  // abandoned c2 (3 s: short) and c3 (40 s) → 2, 1 short.
  assert.deepEqual([total.offered, total.answered, total.abandoned, total.short_abandoned], [6, 4, 2, 1])
  // Answer waits 10, 25, 10, 22: two under 20 s. Short abandons excluded: 2 ÷ (4 + 2 − 1) = 40 %.
  assert.equal(total.service_level, 2 / 5)
  // Abandon rate without short abandons: (2 − 1) ÷ (6 − 1) = 20 %.
  assert.equal(total.abandon_rate, 1 / 5)
  // ASA (10 + 25 + 10 + 22) ÷ 4 = 16.75 s; handle c1 90+30+30, c4/Q 60+20, c4/Q2 60+15, c5 60+10 = 375 ÷ 4.
  assert.equal(total.asa, 16.75)
  assert.equal(total.aht, 375 / 4)
  assert.deepEqual([total.avg_talk, total.avg_hold, total.avg_wrap], [270 / 4, 30 / 4, 75 / 4])
  assert.deepEqual([total.transfers, total.rona], [1, 1])
  // Answered calls with a number: c1 (+…01), c4 (+…04), c5 (+…01, 30 minutes after c1): c1 was not resolved.
  assert.equal(total.fcr, 2 / 3)
  // Agents: A busy 180 s + wrap 50 s, B busy 60 + 60 = 120 s + wrap 15 + 10 = 25 s → handling 375 s.
  // Signed in: A 3000 s, B 2700 s. Available (not `not_ready`): A 3000 − 883, B 2700.
  assert.equal(total.occupancy, 375 / (3000 - 883 + 2700))
  assert.equal(total.utilization, 375 / 5700)
})

test('the tenant chooses which abandons count against the service level; every tile can say which', async () => {
  const tenant = store.forTenant(scenario.tenantId)
  const level = async (serviceLevelAbandons: 'all' | 'none') =>
    (await kpis(tenant, { ...day, by: 'total', settings: { ...DEFAULT_KPI_SETTINGS, serviceLevelAbandons } }))[0].service_level
  assert.equal(await level('all'), 2 / 6)
  assert.equal(await level('none'), 2 / 4)
  const [wider] = await kpis(tenant, { ...day, by: 'total', settings: { ...DEFAULT_KPI_SETTINGS, serviceLevelSeconds: 25 } })
  assert.equal(wider.service_level, 3 / 5, 'a 22 s wait is in under 25 s')
  assert.equal(serviceLevelLabel(DEFAULT_KPI_SETTINGS), 'SL 20 s · short abandons (< 5 s) excluded')
})

test('by queue, by agent, by channel and by time in the tenant’s zone', async () => {
  const tenant = store.forTenant(scenario.tenantId)
  const byQueue = Object.fromEntries((await kpis(tenant, { ...day, by: 'queue', settings: DEFAULT_KPI_SETTINGS })).map((r) => [r.key, r]))
  assert.deepEqual([byQueue[scenario.ids.Q].offered, byQueue[scenario.ids.Q].answered, byQueue[scenario.ids.Q2].offered], [5, 3, 1])
  assert.equal(byQueue[scenario.ids.Q].occupancy, null, 'agent time has no queue')
  const byAgent = Object.fromEntries((await kpis(tenant, { ...day, by: 'agent', settings: DEFAULT_KPI_SETTINGS })).map((r) => [r.key, r]))
  // A answered c1 and c4/Q (handle 150 + 80); B answered c4/Q2 and c5 (75 + 70).
  assert.deepEqual([byAgent[scenario.ids.A].answered, byAgent[scenario.ids.A].aht, byAgent[scenario.ids.B].aht], [2, 115, 72.5])
  assert.equal(byAgent[scenario.ids.A].utilization, 230 / 3000)
  // c5 rang out at A, then B answered it: the RONA is A's, in c5's queue and bucket.
  assert.deepEqual([byAgent[scenario.ids.A].rona, byAgent[scenario.ids.B].rona], [1, 0])
  const byChannel = Object.fromEntries((await kpis(tenant, { ...day, by: 'channel', settings: DEFAULT_KPI_SETTINGS })).map((r) => [r.key, r.offered]))
  assert.deepEqual(byChannel, { voice: 5, web: 1 })
  // 09:00 UTC is 17:00 in Shanghai; c1–c3 arrive 17:00–17:10, c4 17:20, c5 17:30.
  const shanghai = { ...DEFAULT_KPI_SETTINGS, timeZone: 'Asia/Shanghai' }
  const byInterval = (await kpis(tenant, { ...day, by: 'interval_15m', settings: shanghai })).filter((r) => r.offered > 0)
  assert.deepEqual(byInterval.map((r) => [r.key, r.offered]), [['2026-03-02 17:00', 3], ['2026-03-02 17:15', 2], ['2026-03-02 17:30', 1]])
  const heat = (await kpis(tenant, { ...day, by: 'weekday_hour', settings: shanghai })).filter((r) => r.offered > 0)
  assert.deepEqual(heat.map((r) => [r.key, r.offered]), [['1-17', 6]], '2 March 2026 is a Monday')
})

test('filters, another tenant’s facts and bad queries', async () => {
  const tenant = store.forTenant(scenario.tenantId)
  const [onlyQ2] = await kpis(tenant, { ...day, by: 'total', settings: DEFAULT_KPI_SETTINGS, queueIds: [scenario.ids.Q2] })
  assert.deepEqual([onlyQ2.offered, onlyQ2.answered], [1, 1])
  const [nothing] = await kpis(store.forTenant(other.tenantId), { ...day, by: 'total', settings: DEFAULT_KPI_SETTINGS, queueIds: [scenario.ids.Q] })
  assert.equal(nothing?.offered ?? 0, 0, 'tenant B has no rows of tenant A’s queue')
  await assert.rejects(kpis(tenant, { ...day, by: 'queue', settings: { ...DEFAULT_KPI_SETTINGS, serviceLevelSeconds: 12 } }), (e: KpiQueryError) => e.field === 'settings.serviceLevelSeconds')
  await assert.rejects(kpis(tenant, { from: day.to, to: day.from, by: 'total', settings: DEFAULT_KPI_SETTINGS }), (e: KpiQueryError) => e.field === 'to')
  assert.deepEqual(kpiSettingsProblems({ ...DEFAULT_KPI_SETTINGS, fcrDays: 0, timeZone: 'Mars/Base' }).map((p) => p.field), ['fcrDays', 'timeZone'])
  assert.equal(new Set(KPI_DEFINITIONS.map((d) => d.key)).size, KPI_DEFINITIONS.length)
})

const keyed = (rows: KpiRow[]) => Object.fromEntries(rows.map((r) => [r.key, r]))

test('by dialled number: each inbound call’s DNIS, a web call without one under ""', async () => {
  const rows = await kpis(store.forTenant(scenario.tenantId), { ...day, by: 'number', settings: DEFAULT_KPI_SETTINGS })
  assert.deepEqual(rows.map((r) => r.key), ['', N1, N2])
  const n = keyed(rows)
  // N1: c1, c2, c4/Q and c4/Q2 (a transfer keeps the call's number) → offered 4; answered c1, c4/Q, c4/Q2;
  // abandoned c2 after 3 s (short). Waits 10, 25, 10: SL 2 ÷ (3 + 1 − 1); abandon rate (1 − 1) ÷ (4 − 1) = 0.
  assert.deepEqual([n[N1].offered, n[N1].answered, n[N1].abandoned, n[N1].short_abandoned, n[N1].transfers, n[N1].rona], [4, 3, 1, 1, 1, 0])
  assert.deepEqual([n[N1].service_level, n[N1].abandon_rate, n[N1].asa], [2 / 3, 0, 15])
  // Handle c1 150, c4/Q 80, c4/Q2 75. FCR: c1 (…01 called again 30 minutes later) no, c4 yes → ½.
  assert.deepEqual([n[N1].aht, n[N1].fcr], [305 / 3, 1 / 2])
  // N2: c5 only, answered by B after 22 s (not in 20 s), one RONA, handle 60 + 10; …01 did not call again → resolved.
  assert.deepEqual([n[N2].offered, n[N2].answered, n[N2].service_level, n[N2].asa, n[N2].aht, n[N2].rona, n[N2].fcr], [1, 1, 0, 22, 70, 1, 1])
  // '': c3, the web call abandoned after 40 s: abandon rate 1 ÷ 1, SL 0 ÷ (0 + 1), no answer to average.
  assert.deepEqual([n[''].offered, n[''].abandoned, n[''].abandon_rate, n[''].service_level, n[''].asa, n[''].fcr], [1, 1, 1, 0, null, null])
  assert.equal(n[N1].occupancy, null, 'agent time has no number')
  const [total] = await kpis(store.forTenant(scenario.tenantId), { ...day, by: 'total', settings: DEFAULT_KPI_SETTINGS })
  for (const field of ['offered', 'answered', 'abandoned', 'short_abandoned', 'transfers', 'rona'] as const) {
    assert.equal(rows.reduce((sum, r) => sum + r[field], 0), total[field], `${field}: the numbers add up to the total`)
  }
})

test('by team: a call counts in the teams of the agent who handled it, agents’ time in the agent’s teams', async () => {
  const tenant = store.forTenant(scenario.tenantId)
  const [solo, all, empty, stranger] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()].sort()
  const teams = { [solo]: [scenario.ids.A], [all]: [scenario.ids.A, scenario.ids.B, scenario.ids.A], [empty]: [], [stranger]: [crypto.randomUUID()] }
  const t = keyed(await kpis(tenant, { ...day, by: 'team', teams, settings: DEFAULT_KPI_SETTINGS }))
  assert.deepEqual(Object.keys(t).sort(), [solo, all].sort(), 'teams whose agents did nothing have no row')
  // solo = {A}: A took c1 (wait 10, handle 150) and c4/Q (wait 25, handle 80, transferred). Offered 2, answered 2;
  // SL 1 ÷ 2; ASA 17.5; AHT 115. c5's RONA is A's: A let it ring (B answered it). FCR: c1 no, c4 yes → ½.
  // Occupancy: A handling 180 + 50 = 230 s ÷ available 3000 − 883 = 2117; utilization 230 ÷ 3000.
  assert.deepEqual([t[solo].offered, t[solo].answered, t[solo].abandoned, t[solo].transfers, t[solo].rona], [2, 2, 0, 1, 1])
  assert.deepEqual([t[solo].service_level, t[solo].asa, t[solo].aht, t[solo].fcr], [1 / 2, 17.5, 115, 1 / 2])
  assert.deepEqual([t[solo].occupancy, t[solo].utilization], [230 / 2117, 230 / 3000])
  // all = {A, B} (A listed twice counts once, and A also counts in solo): every answered segment, c1, c4/Q,
  // c4/Q2, c5 → offered 4, answered 4; c2 and c3 were abandoned before an agent, so in no team.
  // Waits 10, 25, 10, 22 → SL 2 ÷ 4, ASA 16.75; AHT 375 ÷ 4; FCR c1 no, c4 yes, c5 yes → ⅔.
  // Occupancy 375 ÷ (2117 + 2700), utilization 375 ÷ 5700: both agents, as in the total.
  assert.deepEqual([t[all].offered, t[all].answered, t[all].abandoned, t[all].short_abandoned, t[all].transfers, t[all].rona], [4, 4, 0, 0, 1, 1])
  assert.deepEqual([t[all].service_level, t[all].abandon_rate, t[all].asa, t[all].aht, t[all].fcr], [2 / 4, 0, 16.75, 375 / 4, 2 / 3])
  assert.deepEqual([t[all].occupancy, t[all].utilization], [375 / (2117 + 2700), 375 / 5700])
  // The agent filter still applies: only B → solo has nothing, all has c4/Q2 and c5.
  const onlyB = keyed(await kpis(tenant, { ...day, by: 'team', teams, agentIds: [scenario.ids.B], settings: DEFAULT_KPI_SETTINGS }))
  assert.deepEqual(Object.keys(onlyB), [all])
  assert.deepEqual([onlyB[all].answered, onlyB[all].aht, onlyB[all].rona], [2, 72.5, 0])
  // Another tenant's agents in a mapping match nothing of this tenant, and this tenant's match nothing there.
  assert.deepEqual(await kpis(store.forTenant(other.tenantId), { ...day, by: 'team', teams, settings: DEFAULT_KPI_SETTINGS }), [])
})

test('a team mapping that is missing, malformed or too large is refused on the field teams', async () => {
  const tenant = store.forTenant(scenario.tenantId)
  const refused = (teams: unknown) =>
    assert.rejects(kpis(tenant, { ...day, by: 'team', teams: teams as Record<string, string[]>, settings: DEFAULT_KPI_SETTINGS }), (e: KpiQueryError) => e instanceof KpiQueryError && e.field === 'teams')
  await refused(undefined)
  await refused([[crypto.randomUUID(), [scenario.ids.A]]])
  await refused({ 'not-a-team': [scenario.ids.A] })
  await refused({ [crypto.randomUUID()]: ["A') OR 1 = 1 --"] })
  await refused({ [crypto.randomUUID()]: scenario.ids.A })
  await refused(Object.fromEntries(Array.from({ length: MAX_TEAMS + 1 }, () => [crypto.randomUUID(), []])))
  await refused({ [crypto.randomUUID()]: Array.from({ length: 20_001 }, () => crypto.randomUUID()) })
})

/** The first-contact resolution the KPIs used to compute: a window over the call segments (the reference for `first_contacts`). */
async function fcrByWindow(tenantId: string, by: 'total' | 'queue' | 'agent' | 'number' | 'day', range: { from: Date; to: Date }, fcrDays: number, timeZone: string) {
  const key = { total: `'total'`, queue: 'toString(queue_id)', agent: 'toString(agent_id)', number: 'dnis', day: `formatDateTime(toTimeZone(started_at, {tz:String}), '%Y-%m-%d')` }[by]
  const rows = await store.forTenant(tenantId).select<{ key: string; calls: number; resolved: number }>(
    `SELECT ${key} AS key, count() AS calls, countIf(next_ms = 0 OR next_ms > toUnixTimestamp64Milli(created_at) + {days:UInt16} * 86400000) AS resolved
     FROM (SELECT queue_id, agent_id, dnis, answered, created_at, started_at,
             leadInFrame(toUnixTimestamp64Milli(created_at), 1, 0) OVER (PARTITION BY ani ORDER BY created_at, toString(call_id) ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_ms
           FROM call_segments FINAL WHERE tenant_id = {tenant:UUID} AND segment_no = 1 AND ani != '' AND direction = 'inbound')
     WHERE answered = 1 AND started_at >= {from:DateTime64(3)} AND started_at < {to:DateTime64(3)} GROUP BY key`,
    { days: fcrDays, tz: timeZone, from: range.from.toISOString().replace('T', ' ').replace('Z', ''), to: range.to.toISOString().replace('T', ' ').replace('Z', '') }
  )
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.resolved) / Number(r.calls)]))
}

test('the coarse rollups give the KPIs of the per-agent ones, by every dimension, with and without filters; FCR as the window over the segments gave it', async () => {
  const generated = { tenantId: crypto.randomUUID(), calls: 400, days: 3, queues: 3, agents: 0, seed: 'coarse', mode: 'events' as const, timeZone: 'Asia/Calcutta', endDate: '2026-03-03', maxSeconds: 60 }
  const direct = { ...generated, tenantId: crypto.randomUUID(), mode: 'direct' as const }
  await generate(store, generated)
  await generate(store, direct)
  const range = { from: new Date('2026-02-27T00:00:00Z'), to: new Date('2026-03-05T00:00:00Z') }
  for (const [tenantId, timeZone, window] of [[scenario.tenantId, 'Asia/Shanghai', day], [generated.tenantId, 'Asia/Calcutta', range], [generated.tenantId, 'Asia/Katmandu', range]] as const) {
    const tenant = store.forTenant(tenantId)
    const settings = { ...DEFAULT_KPI_SETTINGS, timeZone, fcrDays: 1 }
    const queues = (await kpis(tenant, { ...window, by: 'queue', settings })).map((r) => r.key)
    const agents = (await kpis(tenant, { ...window, by: 'agent', settings })).map((r) => r.key)
    assert.ok(queues.length >= 2 && agents.length >= 2)
    const teams = { [crypto.randomUUID()]: agents.slice(0, 2) }
    for (const by of KPI_DIMENSIONS) {
      for (const filter of [{}, { queueIds: queues.slice(0, 1) }, { agentIds: agents.slice(1, 3) }, { queueIds: queues.slice(1), agentIds: agents.slice(0, 2) }]) {
        const query = { ...window, by, settings, teams, ...filter }
        const coarse = await kpis(tenant, query)
        if (!Object.keys(filter).length) assert.ok(coarse.length > 0, `${by} has rows`)
        assert.deepEqual(coarse, await kpis(tenant, query, { perAgent: true }), `${by} ${JSON.stringify(filter)} in ${timeZone}`)
      }
    }
    for (const by of ['total', 'queue', 'agent', 'number', 'day'] as const) {
      for (const fcrDays of [1, 7, 90]) {
        const rows = await kpis(tenant, { ...window, by, settings: { ...settings, fcrDays } })
        const expected = await fcrByWindow(tenantId, by, window, fcrDays, timeZone)
        assert.deepEqual(Object.fromEntries(rows.filter((r) => r.fcr !== null).map((r) => [r.key, r.fcr])), expected, `FCR ${fcrDays} d by ${by}`)
      }
    }
  }
  // Events mode (the ingestor, call by call) and direct mode (built at once) give the same KPIs where no id is the key.
  const settings = { ...DEFAULT_KPI_SETTINGS, timeZone: 'Asia/Calcutta', fcrDays: 2 }
  for (const by of ['total', 'channel', 'number', 'interval_15m', 'day', 'weekday_hour'] as const) {
    const viaEvents = await kpis(store.forTenant(generated.tenantId), { ...range, by, settings })
    assert.ok(viaEvents.some((r) => r.fcr !== null && r.fcr < 1), 'some numbers called again')
    assert.deepEqual(await kpis(store.forTenant(direct.tenantId), { ...range, by, settings }), viaEvents, `by ${by}`)
  }
})
