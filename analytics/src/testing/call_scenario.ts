/**
 * A small deterministic day of calls for the tests: two queues (Q, Q2), two agents (A, B), five
 * calls starting 2026-03-02 09:00:00 UTC. Each step is [seconds after 09:00, event type, entity,
 * payload]; names (Q, A, c1 …) become ids of the scenario. The expected facts are worked out by hand
 * in `EXPECTED_SEGMENTS` below. Dialled numbers: c1, c2 and c4 called N1, c5 called N2; c3 is a web
 * call without a number (dnis '').
 */
import crypto from 'node:crypto'
import type { EventEnvelope } from '../envelope.ts'

type Step = [seconds: number, type: string, entity: string, payload?: Record<string, unknown>]

export const BASE = Date.UTC(2026, 2, 2, 9, 0, 0)

/** The numbers the scenario's voice calls dialled (DNIS). */
export const N1 = '+864001000001'
export const N2 = '+864001000002'

const state = (from: string, to: string, callId: string | null = null, reason: string | null = null) => ({ from, to, reason, by: 'system', callId })

/** The steps, in the order the backend would publish them (per entity). */
export const STEPS: Step[] = [
  [-300, 'agent.state_changed', 'A', state('offline', 'ready')],
  [0, 'agent.state_changed', 'B', state('offline', 'ready')],
  // c1: answered after 10 s, held 30 s, talk 120 - 30 = 90 s, wrap 30 s.
  [0, 'call.created', 'c1', { channel: 'voice', ani: '+8613800000001', dnis: N1 }],
  [0, 'call.queued', 'c1', { queueId: 'Q', channel: 'voice', ani: '+8613800000001' }],
  [5, 'agent.state_changed', 'A', state('ready', 'reserved', 'c1')],
  [5, 'call.offered', 'c1', { agentId: 'A', queueId: 'Q', offerId: 'o1' }],
  [10, 'agent.state_changed', 'A', state('reserved', 'busy', 'c1')],
  [10, 'call.answered', 'c1', { agentId: 'A', queueId: 'Q', offerId: 'o1' }],
  [60, 'call.held', 'c1', { agentId: 'A', queueId: 'Q' }],
  [90, 'call.retrieved', 'c1', { agentId: 'A', queueId: 'Q', heldSeconds: 30 }],
  [130, 'agent.state_changed', 'A', state('busy', 'wrap_up', 'c1')],
  [130, 'call.ended', 'c1', { reason: 'hangup', queueId: 'Q', agentId: 'A' }],
  [160, 'agent.state_changed', 'A', state('wrap_up', 'ready', 'c1')],
  // c2: abandoned after 3 s (a short abandon); c3: abandoned after 40 s.
  [300, 'call.created', 'c2', { channel: 'voice', ani: '+8613800000002', dnis: N1 }],
  [300, 'call.queued', 'c2', { queueId: 'Q', channel: 'voice', ani: '+8613800000002' }],
  [303, 'call.abandoned', 'c2', { reason: 'abandoned', queueId: 'Q', agentId: null }],
  [600, 'call.created', 'c3', { channel: 'web', ani: null, dnis: null }],
  [600, 'call.queued', 'c3', { queueId: 'Q', channel: 'web', ani: null }],
  [640, 'call.abandoned', 'c3', { reason: 'abandoned', queueId: 'Q', agentId: null }],
  // c4: A answers after 25 s, talks 60 s, transfers to Q2 (wrap 20 s); B answers 10 s later, talks 60 s, wrap 15 s.
  [1200, 'call.created', 'c4', { channel: 'voice', ani: '+8613800000004', dnis: N1 }],
  [1200, 'call.queued', 'c4', { queueId: 'Q', channel: 'voice', ani: '+8613800000004' }],
  [1220, 'agent.state_changed', 'A', state('ready', 'reserved', 'c4')],
  [1220, 'call.offered', 'c4', { agentId: 'A', queueId: 'Q', offerId: 'o2' }],
  [1225, 'agent.state_changed', 'A', state('reserved', 'busy', 'c4')],
  [1225, 'call.answered', 'c4', { agentId: 'A', queueId: 'Q', offerId: 'o2' }],
  [1285, 'agent.state_changed', 'A', state('busy', 'wrap_up', 'c4')],
  [1285, 'call.transferred', 'c4', { agentId: 'A', queueId: 'Q2', fromQueueId: 'Q', to: 'queue', targetAgentId: null }],
  [1290, 'agent.state_changed', 'B', state('ready', 'reserved', 'c4')],
  [1290, 'call.offered', 'c4', { agentId: 'B', queueId: 'Q2', offerId: 'o3' }],
  [1295, 'agent.state_changed', 'B', state('reserved', 'busy', 'c4')],
  [1295, 'call.answered', 'c4', { agentId: 'B', queueId: 'Q2', offerId: 'o3' }],
  [1305, 'agent.state_changed', 'A', state('wrap_up', 'ready', 'c4')],
  [1355, 'agent.state_changed', 'B', state('busy', 'wrap_up', 'c4')],
  [1355, 'call.ended', 'c4', { reason: 'hangup', queueId: 'Q2', agentId: 'B' }],
  [1370, 'agent.state_changed', 'B', state('wrap_up', 'ready', 'c4')],
  // c5: offered to A, who does not answer (RONA after 15 s); B answers at 22 s, talks 60 s, wrap 10 s.
  [1800, 'call.created', 'c5', { channel: 'voice', ani: '+8613800000001', dnis: N2 }],
  [1800, 'call.queued', 'c5', { queueId: 'Q', channel: 'voice', ani: '+8613800000001' }],
  [1802, 'agent.state_changed', 'A', state('ready', 'reserved', 'c5')],
  [1802, 'call.offered', 'c5', { agentId: 'A', queueId: 'Q', offerId: 'o4' }],
  [1817, 'agent.state_changed', 'A', state('reserved', 'not_ready', 'c5', 'rona')],
  [1817, 'call.requeued', 'c5', { rona: true }],
  [1820, 'agent.state_changed', 'B', state('ready', 'reserved', 'c5')],
  [1820, 'call.offered', 'c5', { agentId: 'B', queueId: 'Q', offerId: 'o5' }],
  [1822, 'agent.state_changed', 'B', state('reserved', 'busy', 'c5')],
  [1822, 'call.answered', 'c5', { agentId: 'B', queueId: 'Q', offerId: 'o5' }],
  [1882, 'agent.state_changed', 'B', state('busy', 'wrap_up', 'c5')],
  [1882, 'call.ended', 'c5', { reason: 'hangup', queueId: 'Q', agentId: 'B' }],
  [1892, 'agent.state_changed', 'B', state('wrap_up', 'ready', 'c5')],
  [2700, 'agent.state_changed', 'A', state('not_ready', 'offline')],
  [2700, 'agent.state_changed', 'B', state('ready', 'offline')],
]

/** Expected segments, by call name and segment number: worked out from the steps above. */
export const EXPECTED_SEGMENTS = [
  { call: 'c1', no: 1, queue: 'Q', agent: 'A', outcome: 'answered', wait: 10, talk: 90, hold: 30, wrap: 30, offers: 1, rona: 0, holds: 1 },
  { call: 'c2', no: 1, queue: 'Q', agent: null, outcome: 'abandoned', wait: 3, talk: 0, hold: 0, wrap: 0, offers: 0, rona: 0, holds: 0 },
  { call: 'c3', no: 1, queue: 'Q', agent: null, outcome: 'abandoned', wait: 40, talk: 0, hold: 0, wrap: 0, offers: 0, rona: 0, holds: 0 },
  { call: 'c4', no: 1, queue: 'Q', agent: 'A', outcome: 'transferred', wait: 25, talk: 60, hold: 0, wrap: 20, offers: 1, rona: 0, holds: 0 },
  { call: 'c4', no: 2, queue: 'Q2', agent: 'B', outcome: 'answered', wait: 10, talk: 60, hold: 0, wrap: 15, offers: 1, rona: 0, holds: 0 },
  { call: 'c5', no: 1, queue: 'Q', agent: 'B', outcome: 'answered', wait: 22, talk: 60, hold: 0, wrap: 10, offers: 2, rona: 1, holds: 0 },
]

/** One tenant's instance of the scenario: its ids and envelopes (ids are uuidv7-shaped, in time order). */
export interface Scenario {
  tenantId: string
  ids: Record<string, string>
  envelopes: EventEnvelope[]
}

/** Builds the scenario for a fresh tenant (random ids, so runs never collide). */
export function buildScenario(tenantId: string = crypto.randomUUID()): Scenario {
  const ids: Record<string, string> = {}
  const idOf = (name: string) => (ids[name] ??= crypto.randomUUID())
  const resolve = (value: unknown) => (typeof value === 'string' && /^(Q2?|A|B|c\d|o\d)$/.test(value) ? idOf(value) : value)
  const envelopes = STEPS.map(([seconds, type, entity, payload = {}], index) => {
    const at = BASE + seconds * 1000
    return {
      id: uuidv7At(at, index),
      tenantId,
      type,
      schemaVersion: 1,
      occurredAt: new Date(at).toISOString(),
      actor: { type: 'system', id: null },
      entity: { type: type.split('.')[0], id: idOf(entity) },
      payload: Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, resolve(v)])),
    }
  })
  return { tenantId, ids, envelopes }
}

/** A uuidv7 for a moment; `seq` keeps events of the same millisecond in step order. */
function uuidv7At(ms: number, seq: number): string {
  const hex = ms.toString(16).padStart(12, '0') + '7' + seq.toString(16).padStart(3, '0') + '8' + crypto.randomBytes(8).toString('hex').slice(1)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
