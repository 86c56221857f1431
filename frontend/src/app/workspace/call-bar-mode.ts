import {
  AgentSelf,
  AgentState,
  AgentStateInput,
  CallSnapshot,
  ChosenState,
} from '../shared/api/acd-models';

/** What the call bar shows. */
export type CallBarMode =
  'loading' | 'offline' | 'idle' | 'reserved' | 'ringing' | 'connected' | 'wrap_up';

/** The call bar's mode for the agent's state: an offer rings whatever the state says. */
export function callBarMode(agent: AgentSelf | null): CallBarMode {
  if (!agent) return 'loading';
  if (agent.offer) return 'ringing';
  switch (agent.state) {
    case 'offline':
      return 'offline';
    case 'ready':
    case 'not_ready':
      return 'idle';
    case 'reserved':
      return 'reserved';
    case 'busy':
      return 'connected';
    case 'wrap_up':
      return 'wrap_up';
  }
}

/** Which states an agent may switch to from each state (the server's rule for agents). */
const NEXT: Readonly<Record<AgentState, readonly ChosenState[]>> = {
  offline: ['ready', 'not_ready'],
  ready: ['not_ready', 'offline'],
  not_ready: ['ready', 'not_ready', 'offline'],
  reserved: [],
  busy: [],
  wrap_up: ['ready', 'not_ready'],
};

/** The states the switcher offers now: none while locked, loading, or a call is on its way. */
export function stateChoices(agent: AgentSelf | null): ReadonlySet<ChosenState> {
  if (!agent || agent.locked || agent.offer) return new Set();
  return new Set(NEXT[agent.state]);
}

/** Body of the state change: a reason only goes with not ready. */
export function stateRequest(state: ChosenState, reason?: string | null): AgentStateInput {
  return state === 'not_ready' && reason ? { state, reason } : { state };
}

/** Id of the call to hang up: the call shown, else the one the state points at. */
export function activeCallId(agent: AgentSelf | null): string | null {
  return agent?.call?.id ?? agent?.currentCallId ?? null;
}

/** States from which the agent may place an outbound call (the server's rule). */
const DIAL_STATES: ReadonlySet<AgentState> = new Set(['ready', 'not_ready', 'wrap_up']);

/** Whether the dial field shows: ready, not ready or in wrap-up, with nothing ringing. */
export function canDial(agent: AgentSelf | null): boolean {
  return !!agent && !agent.offer && DIAL_STATES.has(agent.state);
}

/** The number at the other end: the caller of an inbound call, the number dialled on an outbound one. */
export function otherParty(call: CallSnapshot | null | undefined): string | null {
  if (!call) return null;
  return call.direction === 'outbound' ? (call.dnis ?? call.ani) : call.ani;
}
