import { test } from 'node:test'
import assert from 'node:assert/strict'
import { segmentsOfCall } from './call_segments.ts'
import { intervalsOfAgent } from './agent_intervals.ts'
import type { StoredEvent } from './stored_event.ts'
import { buildScenario, EXPECTED_SEGMENTS } from '../testing/call_scenario.ts'

/** The scenario's envelopes as the fact builders read them back. */
function stored(envelopes: ReturnType<typeof buildScenario>['envelopes']): StoredEvent[] {
  return envelopes.map((e) => ({ id: e.id, type: e.type, at: Date.parse(e.occurredAt), entityId: e.entity.id, payload: e.payload }))
}

test('a transferred call is two segments, each with its own queue, agent, wait, talk and wrap-up', () => {
  const s = buildScenario()
  const events = stored(s.envelopes)
  const agents = [s.ids.A, s.ids.B]
  const wraps = agents.flatMap((agent) =>
    intervalsOfAgent(s.tenantId, agent, events.filter((e) => e.entityId === agent))
      .filter((i) => i.state === 'wrap_up' && i.call_id === s.ids.c4)
      .map((i) => ({ agentId: agent, startedAt: Date.parse(i.started_at + 'Z'), endedAt: Date.parse(i.ended_at + 'Z') }))
  )
  const rows = segmentsOfCall(s.tenantId, s.ids.c4, events.filter((e) => e.entityId === s.ids.c4), wraps)
  assert.deepEqual(
    rows.map((r) => [r.segment_no, r.queue_id, r.agent_id, r.outcome, r.wait_seconds, r.talk_seconds, r.wrap_seconds, r.transferred_to]),
    [
      [1, s.ids.Q, s.ids.A, 'transferred', 25, 60, 20, 'queue'],
      [2, s.ids.Q2, s.ids.B, 'answered', 10, 60, 15, ''],
    ]
  )
  assert.equal(EXPECTED_SEGMENTS.filter((e) => e.call === 'c4').length, 2)
})

test('a call still in progress has no finished segment yet', () => {
  const s = buildScenario()
  const events = stored(s.envelopes).filter((e) => e.entityId === s.ids.c1 && e.type !== 'call.ended')
  assert.deepEqual(segmentsOfCall(s.tenantId, s.ids.c1, events), [])
})

test("the agent's last state is an open interval, not a fact", () => {
  const s = buildScenario()
  const events = stored(s.envelopes).filter((e) => e.entityId === s.ids.B)
  const intervals = intervalsOfAgent(s.tenantId, s.ids.B, events)
  assert.equal(intervals.length, events.length - 1)
  assert.equal(intervals.at(-1)!.state, 'ready')
  assert.equal(intervals.reduce((sum, i) => sum + i.seconds, 0), 2700)
})
