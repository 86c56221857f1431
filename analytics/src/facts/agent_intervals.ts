import { byTime, text, type StoredEvent } from './stored_event.ts'
import { chTime, secondsBetween } from './time.ts'

/** One finished agent-state interval as the `agent_state_intervals` row. */
export interface AgentIntervalRow {
  tenant_id: string
  agent_id: string
  started_at: string
  start_event_id: string
  ended_at: string
  end_event_id: string
  state: string
  reason: string
  call_id: string | null
  changed_by: string
  seconds: number
}

/**
 * The finished intervals in one agent's `agent.state_changed` events: each event opens an interval
 * in its `to` state (with its reason and call) that the agent's next event closes. The last event's
 * interval is still open and is not a fact yet.
 */
export function intervalsOfAgent(tenantId: string, agentId: string, events: readonly StoredEvent[]): AgentIntervalRow[] {
  const sorted = events.filter((e) => e.type === 'agent.state_changed').sort(byTime)
  const rows: AgentIntervalRow[] = []
  for (let i = 0; i + 1 < sorted.length; i++) rows.push(intervalBetween(tenantId, agentId, sorted[i], sorted[i + 1]))
  return rows
}

/** The interval one state change opens and the agent's next change closes. */
export function intervalBetween(tenantId: string, agentId: string, start: StateChange, end: StateChange): AgentIntervalRow {
  return {
    tenant_id: tenantId,
    agent_id: agentId,
    started_at: chTime(start.at),
    start_event_id: start.id,
    ended_at: chTime(end.at),
    end_event_id: end.id,
    state: text(start.payload, 'to') ?? 'unknown',
    reason: text(start.payload, 'reason') ?? '',
    call_id: text(start.payload, 'callId'),
    changed_by: text(start.payload, 'by') ?? '',
    seconds: secondsBetween(start.at, end.at),
  }
}

/** What an interval needs of an `agent.state_changed` event (stored or simulated). */
type StateChange = Pick<StoredEvent, 'id' | 'at' | 'payload'>
