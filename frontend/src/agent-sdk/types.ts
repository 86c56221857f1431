/**
 * Domain types the agent SDK exposes to third-party apps. They mirror the workspace's ACD vocabulary
 * (see `app/shared/api/acd-models.ts`) but are declared here so the SDK bundle has no app imports.
 */

/** Presence of an agent in the ACD; the server's state machine decides transitions. */
export type AgentState = 'offline' | 'ready' | 'not_ready' | 'reserved' | 'busy' | 'wrap_up';

/** A queue reference as apps see it. */
export interface QueueRef {
  /** Queue id. */
  readonly id: string;
  /** Display name of the queue. */
  readonly name: string;
}

/** The signed-in agent, as far as the app is allowed to see it. */
export interface AgentInfo {
  /** User id of the agent. */
  readonly id: string;
  /** Name shown in the workspace. */
  readonly displayName: string;
  /** Current ACD state. */
  readonly state: AgentState;
  /** Not-ready reason code while `state` is `not_ready`. */
  readonly reasonCode: string | null;
  /** Queues the agent serves. */
  readonly queues: readonly QueueRef[];
}

/** Lifecycle of a call as the agent sees it. */
export type CallState = 'offered' | 'dialing' | 'connected' | 'held' | 'wrap_up' | 'ended';

/** What the agent may do with a call right now (drives an app's buttons). */
export type CallAction =
  | 'answer'
  | 'hangup'
  | 'hold'
  | 'retrieve'
  | 'mute'
  | 'unmute'
  | 'transfer'
  | 'consult'
  | 'consult_complete'
  | 'consult_conference'
  | 'dtmf'
  | 'record_pause'
  | 'record_resume'
  | 'disposition';

/** The customer record the workspace matched to the caller, if any. */
export interface MatchedCustomer {
  /** Our customer id. */
  readonly id: string;
  /** Name shown for the customer. */
  readonly displayName: string;
  /** The customer's id in an external system, when known. */
  readonly externalRef: string | null;
}

/** A call as apps see it (fields may be blanked by the tenant's privacy policy). */
export interface CallInfo {
  /** Call id. */
  readonly id: string;
  /** Who started the call. */
  readonly direction: 'inbound' | 'outbound';
  /** Current state. */
  readonly state: CallState;
  /** Calling number (caller id), or null when hidden. */
  readonly ani: string | null;
  /** Dialled number, or null when hidden. */
  readonly dnis: string | null;
  /** Queue the call came through. */
  readonly queue: QueueRef | null;
  /** Data collected in the IVR before routing (read-only). */
  readonly ivr: Readonly<Record<string, string>>;
  /** Customer matched to the caller. */
  readonly customer: MatchedCustomer | null;
  /** Whether the agent's microphone is muted. */
  readonly muted: boolean;
  /** Recording state. */
  readonly recording: 'off' | 'on' | 'paused';
  /** Actions allowed now. */
  readonly allowedActions: readonly CallAction[];
  /** Set on a consult leg: the id of the call being consulted about. */
  readonly consultOf: string | null;
  /** ISO time the call was created. */
  readonly createdAt: string;
  /** ISO time the agent answered, if they did. */
  readonly answeredAt: string | null;
}

/** Where a transfer or consult goes. */
export type Target =
  | { readonly type: 'queue'; readonly queueId: string }
  | { readonly type: 'agent'; readonly agentId: string }
  | { readonly type: 'number'; readonly number: string };

/** Live figures of one queue. */
export interface QueueStats {
  /** Queue id. */
  readonly queueId: string;
  /** Queue name. */
  readonly name: string;
  /** Calls waiting now. */
  readonly waiting: number;
  /** Seconds the oldest waiting call has waited. */
  readonly longestWaitSeconds: number;
  /** Agents in `ready` state. */
  readonly agentsReady: number;
}

/**
 * A short-lived token for our REST API, bound to the app's origin. Send it as
 * `Authorization: Bearer <token>` from the app's own pages to `apiBase`; ask again when it expires
 * or an answer is 401.
 */
export interface AppToken {
  /** The bearer token. */
  readonly token: string;
  /** When it stops working (ISO 8601); at most 10 minutes, never past the agent's session. */
  readonly expiresAt: string;
  /** The REST API's base URL, e.g. `https://cc.example.com/api/v1`. */
  readonly apiBase: string;
  /** The only origin the token is accepted from (the app's). */
  readonly origin: string;
  /** What the token may do: the agent's permissions among `customers.*`, `tickets.*`, `knowledge.view`, `queues.view`. */
  readonly permissions: readonly string[];
}

/** Why a call ended. */
export type CallEndReason = 'remote_hangup' | 'agent_hangup' | 'transferred' | 'missed' | 'failed';

/** What an app receives at connect time (filtered by its capabilities). */
export interface Snapshot {
  /** The agent, or null without `agent.read`. */
  readonly agent: AgentInfo | null;
  /** The agent's current call, or null (also without `calls.read`). */
  readonly call: CallInfo | null;
}

/** Payloads of every event topic. Each call event carries the whole call so apps can re-render. */
export interface EventPayloads {
  /** The agent's state changed. */
  'agent.stateChanged': { readonly agent: AgentInfo; readonly previous: AgentState };
  /** A call is ringing at the agent (the screen-pop moment). */
  'call.offered': { readonly call: CallInfo };
  /** The agent's outbound call started dialling. */
  'call.dialing': { readonly call: CallInfo };
  /** The call is connected to the agent. */
  'call.answered': { readonly call: CallInfo };
  /** The call was put on hold. */
  'call.held': { readonly call: CallInfo };
  /** The call was taken off hold. */
  'call.retrieved': { readonly call: CallInfo };
  /** The agent's microphone was muted or unmuted. */
  'call.muteChanged': { readonly call: CallInfo };
  /** Recording was paused or resumed. */
  'call.recordingChanged': { readonly call: CallInfo };
  /** A consult leg connected. */
  'call.consultStarted': { readonly call: CallInfo };
  /** The call was transferred away from the agent. */
  'call.transferred': { readonly call: CallInfo; readonly target: Target };
  /** Any other change (customer matched, allowed actions …). */
  'call.updated': { readonly call: CallInfo };
  /** The call ended. */
  'call.ended': { readonly call: CallInfo; readonly reason: CallEndReason };
  /** The call's wrap-up was completed with a disposition. */
  'call.dispositionSet': { readonly callId: string; readonly code: string };
  /** Queue figures changed. */
  'queue.statsChanged': { readonly stats: readonly QueueStats[] };
}

/** Topic names the host may publish. */
export type EventTopic = keyof EventPayloads;
