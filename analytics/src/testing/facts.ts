import assert from 'node:assert/strict'
import type { AnalyticsStore } from '../store/analytics_store.ts'
import { EXPECTED_SEGMENTS, type Scenario } from './call_scenario.ts'

/** The scenario's segments as stored, named back (Q, A, c1 …), in call and segment order. */
export async function storedSegments(store: AnalyticsStore, scenario: Scenario) {
  const names = Object.fromEntries(Object.entries(scenario.ids).map(([name, id]) => [id, name]))
  const rows = await store.forTenant(scenario.tenantId).select<Record<string, any>>(
    `SELECT toString(call_id) AS call, segment_no, toString(queue_id) AS queue, toString(agent_id) AS agent, outcome,
       wait_seconds, talk_seconds, hold_seconds, wrap_seconds, offers, rona, holds
     FROM call_segments FINAL WHERE tenant_id = {tenant:UUID} ORDER BY started_at, segment_no`
  )
  return rows.map((r) => ({
    call: names[r.call], no: r.segment_no, queue: names[r.queue] ?? null, agent: names[r.agent] ?? null, outcome: r.outcome,
    wait: r.wait_seconds, talk: r.talk_seconds, hold: r.hold_seconds, wrap: r.wrap_seconds, offers: r.offers, rona: r.rona, holds: r.holds,
  }))
}

/** Asserts every fact of the scenario: segments, the raw events once each, and the 15-minute rollups. */
export async function assertScenarioFacts(store: AnalyticsStore, scenario: Scenario) {
  assert.deepEqual(await storedSegments(store, scenario), EXPECTED_SEGMENTS)
  const tenant = store.forTenant(scenario.tenantId)
  const [raw] = await tenant.select<{ n: number; ids: number }>('SELECT count() AS n, uniqExact(id) AS ids FROM events FINAL WHERE tenant_id = {tenant:UUID}')
  assert.deepEqual(raw, { n: scenario.envelopes.length, ids: scenario.envelopes.length }, 'every event once, none missing')
  // Queue Q: c1, c2, c3, c4's first segment and c5 queued there (5); answered c1, c4/1, c5 (3);
  // abandoned c2, c3 (2); transferred c4/1 (1). Talk 90 + 60 + 60 = 210 s, hold 30 s, wrap 30 + 20 + 10 = 60 s.
  // Answer waits 10, 25, 22 → 5-second bins 2, 5, 4; abandon waits 3, 40 → bins 0, 8.
  const [q] = await tenant.select<Record<string, any>>(
    `SELECT sum(queued) AS queued, sum(answered) AS answered, sum(abandoned) AS abandoned, sum(transferred) AS transferred,
       sum(talk_seconds) AS talk, sum(hold_seconds) AS hold, sum(wrap_seconds) AS wrap, sum(wait_answered_seconds) AS wait,
       sumForEach(answer_wait_5s) AS answer_bins, sumForEach(abandon_wait_5s) AS abandon_bins
     FROM call_rollup_15m_v2 FINAL WHERE tenant_id = {tenant:UUID} AND queue_id = {q:UUID}`,
    { q: scenario.ids.Q }
  )
  const bins = (...indexes: number[]) => Array.from({ length: 61 }, (_, i) => indexes.filter((x) => x === i).length)
  assert.deepEqual(q, { queued: 5, answered: 3, abandoned: 2, transferred: 1, talk: 210, hold: 30, wrap: 60, wait: 57, answer_bins: bins(2, 5, 4), abandon_bins: bins(0, 8) })
  // Agent A from 08:55 to 09:45: 50 minutes, every second in exactly one state; busy 120 + 60 = 180 s,
  // wrap-up 30 + 20 = 50 s, reserved 5 + 5 + 15 = 25 s, not ready (after the RONA) 09:30:17 → 09:45 = 883 s.
  const states = await tenant.select<{ state: string; seconds: number }>(
    `SELECT state, sum(seconds) AS seconds FROM agent_state_rollup_15m_v2 FINAL
     WHERE tenant_id = {tenant:UUID} AND agent_id = {a:UUID} GROUP BY state ORDER BY state`,
    { a: scenario.ids.A }
  )
  const byState = Object.fromEntries(states.map((s) => [s.state, s.seconds]))
  assert.deepEqual(byState, { busy: 180, not_ready: 883, ready: 3000 - 180 - 883 - 50 - 25, reserved: 25, wrap_up: 50 })
}
