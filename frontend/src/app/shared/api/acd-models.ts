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

/** Lifecycle of a call: IVR and queue before an agent is offered it. */
export type CallStatus = 'ringing' | 'ivr' | 'queued' | 'offered' | 'connected' | 'ended';

/** What the server lets the agent do with their call now (drives the call controls). */
export type CallAction =
  | 'answer'
  | 'reject'
  | 'hangup'
  | 'hold'
  | 'retrieve'
  | 'mute'
  | 'unmute'
  | 'transfer'
  | 'consult'
  | 'consult_complete'
  | 'consult_conference'
  | 'consult_cancel'
  | 'dtmf'
  | 'record_start'
  | 'record_stop'
  | 'record_pause'
  | 'record_resume'
  | 'disposition';

/** Recording state of a call. */
export type RecordingState = 'off' | 'on' | 'paused';

/** A call as the ACD reports it. */
export interface Call {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  readonly channel: 'voice' | 'web' | 'simulated';
  readonly status: CallStatus;
  readonly ani: string | null;
  readonly dnis: string | null;
  readonly queueId: string | null;
  readonly queueName?: string | null;
  readonly agentId: string | null;
  readonly createdAt: string | null;
  readonly queuedAt: string | null;
  readonly offeredAt: string | null;
  readonly answeredAt: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly disposition?: string | null;
  readonly onHold?: boolean;
  readonly muted?: boolean;
  readonly recording?: RecordingState;
  readonly ivrDigits?: readonly string[];
  readonly room?: string | null;
  /** A callback (asked for on overflow, or scheduled): answering it dials the customer. */
  readonly callback?: boolean;
}

/** How a supervisor is on a call. */
export type SupervisionMode = 'monitor' | 'whisper' | 'barge';

/** A supervisor on a call. */
export interface CallSupervisor {
  readonly userId: string;
  readonly displayName: string;
  readonly mode: SupervisionMode;
}

/** Where a consultation stands: the other agent rings, talks with the initiator, or all three talk. */
export type ConsultState = 'ringing' | 'talking' | 'conference';

/** A second agent consulted inside the customer's room (CallSnapshot.consult). */
export interface CallConsult {
  readonly state: ConsultState;
  /** The consulted agent. */
  readonly agentId: string;
  readonly agentName: string;
  /** The agent who asked for the consultation. */
  readonly initiatorId: string;
  /** The initiator's name, when the server sends it (the consulted agent's view). */
  readonly initiatorName?: string | null;
}

/** The agent's own call with what they may do with it now (AgentSelf.call). */
export interface CallSnapshot extends Call {
  readonly allowedActions?: readonly CallAction[];
  readonly consult?: CallConsult | null;
  /** The only identity the viewer's microphone may reach now (`a:<userId>`), null: everyone. */
  readonly consultOnlyTo?: string | null;
  /** Supervisors on the call, when the tenant tells agents about them (else empty). */
  readonly supervisors?: readonly CallSupervisor[];
}

/** A call in the supervisors' list (GET /calls). */
export interface CallSummary extends Call {
  readonly agentName: string | null;
  readonly supervisors: readonly CallSupervisor[];
}

/** A party of a call (customer, agent, supervisor, bot). */
export interface CallLeg {
  readonly id: string;
  readonly role: 'customer' | 'agent' | 'supervisor' | 'bot';
  readonly userId: string | null;
  readonly displayName: string | null;
  readonly identity: string;
  readonly joinedAt: string | null;
  readonly leftAt: string | null;
  readonly endReason: string | null;
}

/** One call with its parties (GET /calls/:id). */
export interface CallDetail extends CallSummary {
  readonly legs: readonly CallLeg[];
}

/** Where a call is transferred to (POST /agent/calls/:id/transfer). */
export type TransferTarget =
  | { readonly target: 'agent'; readonly userId: string }
  | { readonly target: 'queue'; readonly queueId: string }
  | { readonly target: 'number'; readonly number: string };

/** Who the agent may transfer to (GET /agent/transfer-targets). */
export interface TransferTargets {
  readonly agents: readonly { userId: string; displayName: string; state: AgentState }[];
  readonly queues: readonly { id: string; name: string; waiting: number }[];
}

/** What an offer asks: take a call, or join a colleague's call as the consulted agent. */
export type OfferKind = 'call' | 'consult';

/** A call offered to an agent, waiting for Answer or Decline until it expires. */
export interface AgentOffer {
  readonly id: string;
  readonly callId: string;
  readonly offeredAt: string | null;
  readonly expiresAt: string | null;
  /** 'call' when absent. */
  readonly kind?: OfferKind;
  /** The agent asking for a consultation (consult offers). */
  readonly fromAgentId?: string | null;
  readonly fromAgentName?: string | null;
}

/** The signed-in agent's own state with the pending offer and current call (GET /agent). */
export interface AgentSelf extends AgentStatus {
  readonly offer: AgentOffer | null;
  readonly call: CallSnapshot | null;
}

/** Body of POST /agent/calls (an outbound call). */
export interface DialInput {
  readonly number: string;
  readonly queueId?: string;
}

/** Body of POST /agent/state and POST /agents/:id/state. */
export interface AgentStateInput {
  readonly state: ChosenState;
  readonly reason?: string;
}
