/** States of an agent in the ACD (the server's state machine decides the transitions). */
export type AgentState = 'offline' | 'ready' | 'not_ready' | 'reserved' | 'busy' | 'wrap_up';

/** States an agent may choose, or a supervisor may force. */
export type ChosenState = 'ready' | 'not_ready' | 'offline';

/** Not-ready reason codes offered in the pickers (the server accepts any `^[a-z0-9_]+$`). */
export const NOT_READY_REASONS = [
  'break',
  'lunch',
  'meeting',
  'training',
  'after_call_work',
] as const;

/** One of the offered not-ready reasons. */
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];

/** An agent's live state as supervisors see it (GET /agents). */
export interface AgentStatus {
  readonly userId: string;
  readonly displayName: string;
  readonly state: AgentState;
  readonly reason: string | null;
  readonly locked: boolean;
  readonly since: string | null;
  readonly currentCallId: string | null;
}

/** A call as the ACD reports it. */
export interface Call {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  readonly channel: 'voice' | 'web' | 'simulated';
  readonly status: 'ringing' | 'queued' | 'offered' | 'connected' | 'ended';
  readonly ani: string | null;
  readonly dnis: string | null;
  readonly queueId: string | null;
  readonly agentId: string | null;
  readonly createdAt: string | null;
  readonly queuedAt: string | null;
  readonly offeredAt: string | null;
  readonly answeredAt: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
}

/** A call offered to an agent, waiting for Answer or Decline until it expires. */
export interface AgentOffer {
  readonly id: string;
  readonly callId: string;
  readonly offeredAt: string | null;
  readonly expiresAt: string | null;
}

/** The signed-in agent's own state with the pending offer and current call (GET /agent). */
export interface AgentSelf extends AgentStatus {
  readonly offer: AgentOffer | null;
  readonly call: Call | null;
}

/** Body of POST /agent/state and POST /agents/:id/state. */
export interface AgentStateInput {
  readonly state: ChosenState;
  readonly reason?: string;
}
