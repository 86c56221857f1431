import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { openStore } from '../store/analytics_store.ts'
import { Ingestor } from '../ingest/ingestor.ts'
import { buildScenario } from '../testing/call_scenario.ts'
import { generate } from './generate.ts'
import { FactRows } from './direct_mode.ts'
import { DayEvents } from './events_mode.ts'
import { GenerateUsageError, MIX, parseGenerateArgs, type GenerateOptions } from './options.ts'
import { Simulation } from './simulate.ts'

// chDB allows one data directory per process: this file's tests share one store, each with its own tenants.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-synthetic-'))
const store = openStore({ chdbDir: dir })
after(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const options = (overrides: Partial<GenerateOptions> = {}): GenerateOptions => ({
  tenantId: crypto.randomUUID(), calls: 300, days: 2, queues: 3, agents: 0, seed: 'test', mode: 'events', timeZone: 'Asia/Shanghai', endDate: '2026-03-03', maxSeconds: 60, ...overrides,
})

/** Every simulated day's envelopes, in bus order. */
function envelopesOf(o: GenerateOptions) {
  const sim = new Simulation(o)
  const sink = new DayEvents(o.tenantId)
  return sim.days.flatMap((_, d) => (sim.runDay(d, sink), sink.envelopes()))
}

/** The fact rows the simulation gives, derived in memory. */
function factsOf(o: GenerateOptions) {
  const sim = new Simulation(o)
  const rows = new FactRows(o.tenantId)
  sim.days.forEach((_, d) => sim.runDay(d, rows))
  return rows.take()
}

const SEGMENT_COLUMNS = `toString(call_id) AS call_id, segment_no, toString(started_at) AS started_at, toString(queue_id) AS queue_id, toString(agent_id) AS agent_id,
  toString(answered_at) AS answered_at, toString(ended_at) AS ended_at, toString(wrap_ended_at) AS wrap_ended_at, wait_seconds, talk_seconds, hold_seconds, wrap_seconds,
  offers, rona, holds, outcome, answered, abandoned, transferred, ani, channel`

test('the same seed gives the same events, ids included; another seed other ones', () => {
  const o = options()
  const first = envelopesOf(o)
  assert.deepEqual(envelopesOf(o), first)
  assert.notDeepEqual(envelopesOf({ ...o, seed: 'other' }).slice(0, 50), first.slice(0, 50))
  assert.ok(first.every((e) => e.tenantId === o.tenantId))
  assert.deepEqual([...new Set(first.map((e) => e.type))].sort(), [
    'agent.state_changed', 'call.abandoned', 'call.answered', 'call.created', 'call.ended', 'call.held', 'call.offered', 'call.queued', 'call.requeued', 'call.retrieved', 'call.transferred',
  ])
})

test('proportions come out as configured: abandons (short and long), service level, transfers, holds, RONA, repeat callers', () => {
  const { segments, intervals } = factsOf(options({ calls: 20_000, days: 7 }))
  const firsts = segments.filter((s) => s.segment_no === 1)
  assert.equal(firsts.length, 20_000, 'N calls in, N first segments out')
  const share = (rows: typeof segments, f: (s: (typeof segments)[number]) => boolean) => rows.filter(f).length / rows.length
  const near = (actual: number, expected: number, tolerance: number, what: string) => assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(3)}, expected ${expected} ± ${tolerance}`)
  near(share(firsts, (s) => s.abandoned === 1), MIX.abandoned, 0.01, 'abandoned')
  near(share(firsts.filter((s) => s.abandoned === 1), (s) => s.wait_seconds < 5), MIX.shortAbandon, 0.04, 'short abandons')
  const answered = firsts.filter((s) => s.answered === 1 && s.rona === 0)
  near(share(answered, (s) => s.wait_seconds <= MIX.thresholdSeconds), MIX.withinThreshold, 0.08, 'answered within 20 s')
  near(share(firsts.filter((s) => s.answered === 1), (s) => s.transferred === 1), MIX.transferred, 0.01, 'transferred')
  near(share(answered, (s) => s.holds > 0), MIX.held, 0.02, 'held')
  near(share(firsts.filter((s) => s.answered === 1), (s) => s.rona > 0), MIX.rona, 0.01, 'RONA')
  const callsPerAni = new Map<string, number>()
  for (const s of firsts) callsPerAni.set(s.ani, (callsPerAni.get(s.ani) ?? 0) + 1)
  near(share(firsts.filter((s) => s.channel === 'voice'), (s) => callsPerAni.get(s.ani)! > 1), 0.25, 0.15, 'calls from a number that calls more than once')
  assert.ok(segments.filter((s) => s.answered === 1).every((s) => s.wrap_seconds > 0 && s.agent_id), 'every answered segment has its agent and wrap-up')
  // Peaks at 10:00 and 15:00 local (UTC+8), quiet at lunch and in the evening.
  const byHour = new Map<number, number>()
  for (const s of firsts) byHour.set((Number(s.started_at.slice(11, 13)) + 8) % 24, (byHour.get((Number(s.started_at.slice(11, 13)) + 8) % 24) ?? 0) + 1)
  assert.ok(byHour.get(10)! > 2 * byHour.get(12)! && byHour.get(15)! > 2 * byHour.get(19)!, JSON.stringify([...byHour].sort((a, b) => a[0] - b[0])))
  // Agents: no busy period overlaps the next one; breaks and lunch are there.
  const reasons = new Set(intervals.filter((i) => i.state === 'not_ready').map((i) => i.reason))
  for (const reason of ['break', 'lunch', 'no_answer']) assert.ok(reasons.has(reason), reason)
  const busy = intervals.filter((i) => i.state === 'busy')
  assert.equal(busy.length, segments.filter((s) => s.answered === 1).length, 'one busy interval per answered segment')
})

test('events mode goes through the real ingest path: N calls in, their segments out, the same facts direct mode writes', async () => {
  await store.migrate()
  const o = options()
  const report = await generate(store, o, { eventBatch: 700 })
  assert.equal(report.calls, 300)
  const tenant = store.forTenant(o.tenantId)
  const [counts] = await tenant.select<Record<string, number>>(
    `SELECT uniqExact(call_id) AS calls, count() AS segments, sum(transferred) AS transferred, sum(answered) + sum(abandoned) AS finished FROM call_segments FINAL WHERE tenant_id = {tenant:UUID}`
  )
  assert.deepEqual(counts, { calls: 300, segments: 300 + counts.transferred, transferred: counts.transferred, finished: counts.segments })
  const [raw] = await tenant.select<{ n: number }>('SELECT count() AS n FROM events FINAL WHERE tenant_id = {tenant:UUID}')
  assert.equal(raw.n, report.events)

  // The ingestor's derivation from stored events equals direct mode's derivation in memory, row for row.
  const stored = await tenant.select<Record<string, unknown>>(`SELECT ${SEGMENT_COLUMNS} FROM call_segments FINAL WHERE tenant_id = {tenant:UUID} ORDER BY call_id, segment_no`)
  const direct = factsOf(o).segments.sort((a, b) => (a.call_id < b.call_id ? -1 : a.call_id > b.call_id ? 1 : a.segment_no - b.segment_no))
  assert.deepEqual(stored.map((r) => ({ ...r, queue_id: r.queue_id ?? null, agent_id: r.agent_id ?? null })), direct.map((s) => ({
    call_id: s.call_id, segment_no: s.segment_no, started_at: s.started_at, queue_id: s.queue_id, agent_id: s.agent_id, answered_at: s.answered_at, ended_at: s.ended_at,
    wrap_ended_at: s.wrap_ended_at, wait_seconds: s.wait_seconds, talk_seconds: s.talk_seconds, hold_seconds: s.hold_seconds, wrap_seconds: s.wrap_seconds, offers: s.offers,
    rona: s.rona, holds: s.holds, outcome: s.outcome, answered: s.answered, abandoned: s.abandoned, transferred: s.transferred, ani: s.ani, channel: s.channel,
  })))
  const intervals = await tenant.select<Record<string, unknown>>(
    `SELECT toString(agent_id) AS agent_id, toString(started_at) AS started_at, toString(start_event_id) AS start_event_id, toString(ended_at) AS ended_at,
       toString(end_event_id) AS end_event_id, state, reason, toString(call_id) AS call_id, changed_by, seconds
     FROM agent_state_intervals FINAL WHERE tenant_id = {tenant:UUID} ORDER BY start_event_id`
  )
  const order = (a: { start_event_id: string }, b: { start_event_id: string }) => (a.start_event_id < b.start_event_id ? -1 : 1)
  assert.deepEqual(intervals.map((i) => ({ tenant_id: o.tenantId, ...i, call_id: i.call_id ?? null })), factsOf(o).intervals.sort(order))
})

test('direct mode agrees with events mode on every count, rollups included, and writes only its tenant', async () => {
  await store.migrate()
  const other = buildScenario()
  await new Ingestor(store, () => {}).ingest(other.envelopes.map((event, i) => ({ event, position: { topic: 'cc.calls', partition: 0, offset: i } })), `synthetic/${other.tenantId}`)
  const before = await store.executor.select<{ t: string; n: number }>('SELECT toString(tenant_id) AS t, count() AS n FROM call_segments FINAL GROUP BY t ORDER BY t')
  const viaEvents = options({ seed: 'agree' })
  const viaDirect = { ...viaEvents, tenantId: crypto.randomUUID(), mode: 'direct' as const }
  await generate(store, viaEvents)
  const report = await generate(store, viaDirect, { rowBatch: 500 })
  assert.equal(report.calls, 300)
  const summary = async (tenantId: string) => {
    const tenant = store.forTenant(tenantId)
    const [segments] = await tenant.select(`SELECT count() AS n, uniqExact(call_id) AS calls, sum(answered) AS answered, sum(abandoned) AS abandoned, sum(transferred) AS transferred, round(sum(talk_seconds), 3) AS talk, round(sum(wrap_seconds), 3) AS wrap FROM call_segments FINAL WHERE tenant_id = {tenant:UUID}`)
    const [intervals] = await tenant.select(`SELECT count() AS n, round(sum(seconds), 3) AS seconds FROM agent_state_intervals FINAL WHERE tenant_id = {tenant:UUID}`)
    const [calls] = await tenant.select(`SELECT sum(segments) AS n, sum(answered) AS answered, sum(abandoned) AS abandoned, sumForEach(answer_wait_5s) AS bins FROM call_rollup_15m_v2 FINAL WHERE tenant_id = {tenant:UUID}`)
    const [states] = await tenant.select(`SELECT round(sum(seconds), 3) AS seconds FROM agent_state_rollup_15m_v2 FINAL WHERE tenant_id = {tenant:UUID}`)
    return { segments, intervals, calls, states }
  }
  const a = await summary(viaEvents.tenantId)
  assert.equal((a.segments as { calls: number }).calls, 300)
  assert.deepEqual(await summary(viaDirect.tenantId), a)
  const afterRows = await store.executor.select<{ t: string; n: number }>('SELECT toString(tenant_id) AS t, count() AS n FROM call_segments FINAL GROUP BY t ORDER BY t')
  const untouched = afterRows.filter((r) => r.t !== viaEvents.tenantId && r.t !== viaDirect.tenantId)
  assert.deepEqual(untouched, before, "other tenants' rows are untouched")
  const [foreign] = await store.executor.select<{ n: number }>(
    'SELECT count() AS n FROM events WHERE id IN (SELECT id FROM events WHERE tenant_id = {a:UUID}) AND tenant_id != {a:UUID}', { a: viaEvents.tenantId })
  assert.equal(foreign.n, 0)
})

test('the command refuses without a tenant, past its bounds, and events mode past a million calls', () => {
  const tenant = '--tenant=01a2288c-bc3a-7447-9710-7485bd8af180'
  assert.throws(() => parseGenerateArgs(['--calls=10']), GenerateUsageError)
  assert.throws(() => parseGenerateArgs(['--tenant=acme', '--calls=10']), /--tenant=<uuid> is required/)
  assert.throws(() => parseGenerateArgs([tenant]), /--calls=<n> is required/)
  assert.throws(() => parseGenerateArgs([tenant, '--calls=60000000']), /--calls must be an integer from 1 to 50000000/)
  assert.throws(() => parseGenerateArgs([tenant, '--calls=2000000', '--mode=events']), /use --mode=direct/)
  assert.throws(() => parseGenerateArgs([tenant, '--calls=10', '--tz=Mars/Base']), /unknown time zone/)
  assert.equal(parseGenerateArgs([tenant, '--calls=2000000']).mode, 'direct')
  assert.deepEqual(parseGenerateArgs([tenant, '--calls=1000', '--days=7', '--seed=x'], new Date('2026-03-10T12:00:00Z')), {
    tenantId: '01a2288c-bc3a-7447-9710-7485bd8af180', calls: 1000, days: 7, queues: 4, agents: 0, seed: 'x', mode: 'events', timeZone: 'Asia/Shanghai', endDate: '2026-03-09', maxSeconds: 3600, queueIds: [], agentIds: [], brokers: [],
  })
})
