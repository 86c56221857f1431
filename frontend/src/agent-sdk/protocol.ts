import type { WireError } from './errors';
import type {
  AgentInfo,
  AppToken,
  CallInfo,
  EventPayloads,
  EventTopic,
  QueueStats,
  Snapshot,
  Target,
} from './types';

/** Wire protocol this build speaks. Minor bumps are additive; a major bump breaks compatibility. */
export const PROTOCOL = { major: 1, minor: 1 } as const;

/** Version of this SDK build (semver; its major follows the protocol major). */
export const SDK_VERSION = '1.1.0';

/** A protocol version. */
export interface ProtocolVersion {
  /** Incompatible changes. */
  readonly major: number;
  /** Additive changes. */
  readonly minor: number;
}

/** Permissions a host grants an app; each method and event topic needs one. */
export const CAPABILITIES = [
  'agent.read',
  'agent.state',
  'calls.read',
  'calls.control',
  'calls.dial',
  'calls.transfer',
  'calls.disposition',
  'recording.control',
  'queues.read',
  'api.rest',
] as const;

/** One capability. */
export type Capability = (typeof CAPABILITIES)[number];

/** Parameters and result of every method, keyed by wire method name. */
export interface MethodMap {
  /** Answer an offered call. */
  'calls.answer': { params: { callId: string }; result: void };
  /** Hang up a call. */
  'calls.hangup': { params: { callId: string }; result: void };
  /** Put a call on hold. */
  'calls.hold': { params: { callId: string }; result: void };
  /** Take a call off hold. */
  'calls.retrieve': { params: { callId: string }; result: void };
  /** Mute the agent's microphone. */
  'calls.mute': { params: { callId: string }; result: void };
  /** Unmute the agent's microphone. */
  'calls.unmute': { params: { callId: string }; result: void };
  /** Send DTMF digits on a call. */
  'calls.sendDtmf': { params: { callId: string; digits: string }; result: void };
  /** Blind transfer. */
  'calls.transfer': { params: { callId: string; target: Target }; result: void };
  /** Start a consult leg; resolves with it. */
  'calls.consult': { params: { callId: string; target: Target }; result: CallInfo };
  /** Complete a consult transfer (`callId` = the original call). */
  'calls.completeTransfer': { params: { callId: string }; result: void };
  /** Join the consult leg into a conference (`callId` = the original call). */
  'calls.conference': { params: { callId: string }; result: void };
  /** Place an outbound call. */
  'calls.dial': { params: { to: string; queueId?: string }; result: CallInfo };
  /** Complete wrap-up with a disposition code. */
  'calls.setDisposition': {
    params: { callId: string; code: string; notes?: string };
    result: void;
  };
  /** Pause the call recording (e.g. while a card number is read). */
  'calls.pauseRecording': { params: { callId: string }; result: void };
  /** Resume the call recording. */
  'calls.resumeRecording': { params: { callId: string }; result: void };
  /** Fetch a call (the current one when `callId` is omitted). */
  'calls.get': { params: { callId?: string }; result: CallInfo | null };
  /** Make the agent ready. */
  'agent.setReady': { params: Record<string, never>; result: AgentInfo };
  /** Make the agent not ready with an optional reason code. */
  'agent.setNotReady': { params: { reasonCode?: string }; result: AgentInfo };
  /** Fetch the agent. */
  'agent.get': { params: Record<string, never>; result: AgentInfo };
  /** Fetch live queue figures (all of the agent's queues when `queueIds` is omitted). */
  'queues.getStats': { params: { queueIds?: string[] }; result: QueueStats[] };
  /** Get a short-lived REST token bound to the app's origin. */
  'auth.getAppToken': { params: Record<string, never>; result: AppToken };
}

/** Wire method names. */
export type MethodName = keyof MethodMap;

/** Parameters of a method. */
export type MethodParams<M extends MethodName> = MethodMap[M]['params'];

/** Result of a method. */
export type MethodResult<M extends MethodName> = MethodMap[M]['result'];

type Check = (params: Record<string, unknown>) => string | null;

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const CODE = /^[a-z0-9_]{1,64}$/;
const DIGITS = /^[0-9*#A-Dw]{1,64}$/;
const PHONE = /^\+?[0-9*#]{1,32}$/;

const id =
  (field: string, optional = false): Check =>
  (p) =>
    p[field] === undefined && optional
      ? null
      : typeof p[field] === 'string' && ID.test(p[field])
        ? null
        : field;
const matches =
  (field: string, re: RegExp, optional = false): Check =>
  (p) =>
    p[field] === undefined && optional
      ? null
      : typeof p[field] === 'string' && re.test(p[field])
        ? null
        : field;
const target: Check = (p) => (isTarget(p['target']) ? null : 'target');
const notes: Check = (p) =>
  p['notes'] === undefined || (typeof p['notes'] === 'string' && p['notes'].length <= 2000)
    ? null
    : 'notes';
const idList: Check = (p) =>
  p['queueIds'] === undefined ||
  (Array.isArray(p['queueIds']) &&
    p['queueIds'].length <= 100 &&
    p['queueIds'].every((q) => typeof q === 'string' && ID.test(q)))
    ? null
    : 'queueIds';

function isTarget(value: unknown): value is Target {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  if (t['type'] === 'queue') return typeof t['queueId'] === 'string' && ID.test(t['queueId']);
  if (t['type'] === 'agent') return typeof t['agentId'] === 'string' && ID.test(t['agentId']);
  if (t['type'] === 'number') return typeof t['number'] === 'string' && PHONE.test(t['number']);
  return false;
}

interface MethodSpec {
  readonly capability: Capability;
  readonly checks: readonly Check[];
}

const callOnly = (capability: Capability): MethodSpec => ({ capability, checks: [id('callId')] });

/** Capability and parameter checks of every method; the host's source of truth. */
export const METHODS: Readonly<Record<MethodName, MethodSpec>> = {
  'calls.answer': callOnly('calls.control'),
  'calls.hangup': callOnly('calls.control'),
  'calls.hold': callOnly('calls.control'),
  'calls.retrieve': callOnly('calls.control'),
  'calls.mute': callOnly('calls.control'),
  'calls.unmute': callOnly('calls.control'),
  'calls.sendDtmf': {
    capability: 'calls.control',
    checks: [id('callId'), matches('digits', DIGITS)],
  },
  'calls.transfer': { capability: 'calls.transfer', checks: [id('callId'), target] },
  'calls.consult': { capability: 'calls.transfer', checks: [id('callId'), target] },
  'calls.completeTransfer': callOnly('calls.transfer'),
  'calls.conference': callOnly('calls.transfer'),
  'calls.dial': { capability: 'calls.dial', checks: [matches('to', PHONE), id('queueId', true)] },
  'calls.setDisposition': {
    capability: 'calls.disposition',
    checks: [id('callId'), matches('code', CODE), notes],
  },
  'calls.pauseRecording': callOnly('recording.control'),
  'calls.resumeRecording': callOnly('recording.control'),
  'calls.get': { capability: 'calls.read', checks: [id('callId', true)] },
  'agent.setReady': { capability: 'agent.state', checks: [] },
  'agent.setNotReady': { capability: 'agent.state', checks: [matches('reasonCode', CODE, true)] },
  'agent.get': { capability: 'agent.read', checks: [] },
  'queues.getStats': { capability: 'queues.read', checks: [idList] },
  'auth.getAppToken': { capability: 'api.rest', checks: [] },
};

/** Whether a string names a method of this protocol version. */
export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(METHODS, value);
}

/** Validates a method's params; returns the offending field, or null when they are fine. */
export function invalidParam(method: MethodName, params: unknown): string | null {
  if (params === undefined) params = {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return 'params';
  for (const check of METHODS[method].checks) {
    const field = check(params as Record<string, unknown>);
    if (field !== null) return field;
  }
  return null;
}

/** Capability an app needs to receive an event topic. */
export function topicCapability(topic: EventTopic): Capability {
  if (topic.startsWith('agent.')) return 'agent.read';
  if (topic.startsWith('queue.')) return 'queues.read';
  return 'calls.read';
}

/** Schema version of each topic's payload (bumped when a payload changes meaning). */
export const EVENT_SCHEMA_VERSION = '1.0';

/** Window message: client asks to connect. */
export interface HelloMessage {
  readonly type: 'cc.hello';
  readonly protocol: ProtocolVersion;
  readonly sdkVersion: string;
  readonly instance: string;
  readonly appId?: string;
  readonly capabilities?: readonly Capability[];
}

/** Window message: host accepts and transfers the port. */
export interface WelcomeMessage {
  readonly type: 'cc.welcome';
  readonly protocol: ProtocolVersion;
  readonly instance: string;
  readonly capabilities: readonly Capability[];
  readonly snapshot: Snapshot;
}

/** Window message: host refuses an allowed origin (protocol mismatch). */
export interface RefusedMessage {
  readonly type: 'cc.refused';
  readonly instance: string;
  readonly error: WireError;
}

/** Port message: a request. */
export interface RequestMessage {
  readonly type: 'req';
  readonly id: string;
  readonly method: string;
  readonly params?: unknown;
}

/** Port message: a response. */
export type ResponseMessage =
  | { readonly type: 'res'; readonly id: string; readonly ok: true; readonly result?: unknown }
  | { readonly type: 'res'; readonly id: string; readonly ok: false; readonly error: WireError };

/** Port message: an event, numbered per connection from 1. */
export interface EventMessage<T extends EventTopic = EventTopic> {
  readonly type: 'evt';
  readonly topic: T;
  readonly seq: number;
  readonly schemaVersion: string;
  readonly payload: EventPayloads[T];
}

/** Port message: either side is going away. */
export interface ByeMessage {
  readonly type: 'bye';
}

/** Anything sent over the port. */
export type PortMessage = RequestMessage | ResponseMessage | EventMessage | ByeMessage;

/** The part of a `MessageEvent` the SDK reads (lets tests use fake windows). */
export interface MessageLike {
  readonly data: unknown;
  readonly origin: string;
  readonly source: unknown;
  readonly ports: readonly PortLike[];
}

/** The part of `Window` the SDK uses. */
export interface WindowLike {
  /** Posts to this window; `targetOrigin` is always an exact origin, never `'*'`. */
  postMessage(message: unknown, targetOrigin: string, transfer?: PortLike[]): void;
  /** Listens to messages posted to this window. */
  addEventListener(type: 'message', listener: (event: MessageLike) => void): void;
  /** Stops listening. */
  removeEventListener(type: 'message', listener: (event: MessageLike) => void): void;
}

/** The part of `MessagePort` the SDK uses. */
export interface PortLike {
  /** Sends a structured-clone message to the other end. */
  postMessage(message: unknown): void;
  /** Listens to messages from the other end. */
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Stops listening. */
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Starts delivery (needed after `addEventListener`). */
  start(): void;
  /** Closes this end. */
  close(): void;
}

/** Whether a string is an exact `scheme://host[:port]` origin (no path, no wildcard). */
export function isExactOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.includes('*')) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
