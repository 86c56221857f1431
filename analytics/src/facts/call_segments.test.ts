import crypto from 'node:crypto'
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

test('each RONA names the agent who let the offer ring out; a declined offer is no RONA', () => {
  const s = buildScenario()
  const events = stored(s.envelopes).filter((e) => e.entityId === s.ids.c5)
  const [c5] = segmentsOfCall(s.tenantId, s.ids.c5, events)
  assert.deepEqual([c5.agent_id, c5.rona, c5.rona_agents], [s.ids.B, 1, [s.ids.A]])
  // The same call declined by A (requeued without RONA), ringing out at B twice and once at an offer
  // that named no agent, before B answers it.
  const queued = events.find((e) => e.type === 'call.queued')!
  const step = (seconds: number, type: string, payload: Record<string, unknown>): StoredEvent => ({ id: crypto.randomUUID(), type, at: queued.at + seconds * 1000, entityId: s.ids.c5, payload })
  const retried = [
    ...events.filter((e) => e.type !== 'call.requeued'),
    step(5, 'call.requeued', { rona: false }),
    step(6, 'call.offered', { agentId: s.ids.B, queueId: s.ids.Q }),
    step(8, 'call.requeued', { rona: true }),
    step(9, 'call.offered', { agentId: s.ids.B, queueId: s.ids.Q }),
    step(11, 'call.requeued', { rona: true }),
    step(12, 'call.offered', { queueId: s.ids.Q }),
    step(14, 'call.requeued', { rona: true }),
  ]
  const [again] = segmentsOfCall(s.tenantId, s.ids.c5, retried)
  assert.deepEqual([again.rona, again.rona_agents], [3, [s.ids.B, s.ids.B, '00000000-0000-0000-0000-000000000000']])
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
