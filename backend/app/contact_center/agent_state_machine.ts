/**
 * Agent states and who may move an agent between them. Agents choose between offline, ready and
 * not_ready (and leave wrap-up); the ACD alone reserves, connects and releases them.
 */
export const AGENT_STATES = ['offline', 'ready', 'not_ready', 'reserved', 'busy', 'wrap_up'] as const

/** One agent state. */
export type AgentState = (typeof AGENT_STATES)[number]

/** Who asks for a transition. */
export type StateChanger = 'agent' | 'supervisor' | 'system'

const BY_AGENT: Record<AgentState, readonly AgentState[]> = {
  offline: ['ready', 'not_ready'],
  ready: ['not_ready', 'offline'],
  not_ready: ['ready', 'not_ready', 'offline'],
  reserved: [],
  busy: [],
  wrap_up: ['ready', 'not_ready'],
}

/** The ACD's own moves; `busy` from a free state is a supervisor intercepting a call. */
const BY_SYSTEM: Record<AgentState, readonly AgentState[]> = {
  offline: ['busy'],
  ready: ['reserved', 'busy'],
  not_ready: ['busy'],
  reserved: ['busy', 'ready', 'not_ready'],
  busy: ['wrap_up'],
  wrap_up: ['ready', 'busy'],
}

/**
 * Whether `changer` may move an agent from `from` to `to`. A supervisor may force any state an
 * agent could choose, from any state without a call in progress. A locked agent cannot change
 * their own state.
 */
export function canTransition(from: AgentState, to: AgentState, changer: StateChanger, locked: boolean): boolean {
  if (changer === 'system') return BY_SYSTEM[from].includes(to)
  if (changer === 'supervisor') return from !== 'reserved' && from !== 'busy' && ['ready', 'not_ready', 'offline'].includes(to)
  return !locked && BY_AGENT[from].includes(to)
}
