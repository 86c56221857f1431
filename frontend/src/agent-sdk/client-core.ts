import { CCAgentError, type WireError } from './errors';
import {
  METHODS,
  isMethodName,
  type Capability,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type PortLike,
  type ProtocolVersion,
  type WelcomeMessage,
} from './protocol';
import type { AgentInfo, CallInfo, EventPayloads } from './types';

/** Events an app can listen to: the host's topics plus two raised by the SDK itself. */
export interface ClientEvents extends EventPayloads {
  /** The connection ended (the host detached or `disconnect()` was called). */
  'connection.closed': { readonly reason: 'host_left' | 'disconnected' };
  /** Events were lost (a gap in `seq`); re-read state with `getAgent()` / `getCall()`. */
  'events.missed': { readonly expected: number; readonly received: number };
}

/** Topics accepted by `on()`. */
export type ClientTopic = keyof ClientEvents;

/** Envelope facts passed with every event. */
export interface EventMeta {
  /** The topic. */
  readonly topic: ClientTopic;
  /** Sequence number on this connection (0 for events raised by the SDK). */
  readonly seq: number;
  /** Payload schema version. */
  readonly schemaVersion: string;
}

/** Listener of one topic. */
export type EventListener<T extends ClientTopic> = (
  payload: ClientEvents[T],
  meta: EventMeta,
) => void;

/** Options of the client once connected. */
export interface AgentClientOptions {
  /** Default request timeout (default 10 s; dial, transfer and consult wait 45 s). */
  readonly requestTimeoutMs?: number;
  /** Receives errors thrown by event listeners (default `console.error`). */
  readonly onListenerError?: (error: unknown) => void;
}

const SLOW_METHODS: ReadonlySet<string> = new Set([
  'calls.dial',
  'calls.transfer',
  'calls.consult',
]);

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: CCAgentError) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * The connection half of `AgentClient`: requests over the port, events with `seq` checks, and the
 * agent and call state kept from them.
 */
export class ClientCore {
  /** Protocol agreed with the host. */
  readonly protocol: ProtocolVersion;
  /** Capabilities the host granted; methods needing others reject with `E_NOT_ALLOWED`. */
  readonly capabilities: ReadonlySet<Capability>;
  protected agentState: AgentInfo | null;
  protected callState: CallInfo | null;
  private open = true;
  private lastSeq = 0;
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Map<ClientTopic, Set<EventListener<ClientTopic>>>();
  private readonly onPortMessage = (event: { data: unknown }): void => this.receive(event.data);

  /** Created by `connect()`; not meant to be constructed by apps. */
  constructor(
    private readonly port: PortLike,
    welcome: WelcomeMessage,
    private readonly options: AgentClientOptions = {},
  ) {
    this.protocol = { major: welcome.protocol.major, minor: welcome.protocol.minor };
    this.capabilities = new Set(welcome.capabilities);
    this.agentState = welcome.snapshot?.agent ?? null;
    this.callState = welcome.snapshot?.call ?? null;
    port.addEventListener('message', this.onPortMessage);
    port.start();
  }

  /** Whether the connection is open. */
  get connected(): boolean {
    return this.open;
  }

  /** The agent as last reported (null without `agent.read`). */
  get agent(): AgentInfo | null {
    return this.agentState;
  }

  /**
   * The call the workspace shows now (null when none, and without `calls.read`). Consult legs do not
   * replace it; it clears when the call ends without wrap-up or its disposition is set.
   */
  get call(): CallInfo | null {
    return this.callState;
  }

  /** Listens to a topic; returns the function that stops listening. */
  on<T extends ClientTopic>(topic: T, listener: EventListener<T>): () => void {
    let set = this.listeners.get(topic);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    const entry = listener as unknown as EventListener<ClientTopic>;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  /** Closes the connection; pending requests reject with `E_NOT_CONNECTED`. */
  disconnect(): void {
    if (!this.open) return;
    this.port.postMessage({ type: 'bye' });
    this.shutDown('disconnected');
  }

  /** Calls any method by its wire name (the typed helpers of `AgentClient` wrap this). */
  request<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>>;
  /** Calls a method this SDK version does not know (the host decides). */
  request(method: string, params?: unknown): Promise<unknown>;
  request(method: string, params: unknown = {}): Promise<unknown> {
    if (!this.open)
      return Promise.reject(new CCAgentError('E_NOT_CONNECTED', 'Not connected to the workspace.'));
    if (isMethodName(method) && !this.capabilities.has(METHODS[method].capability)) {
      return Promise.reject(
        new CCAgentError('E_NOT_ALLOWED', `This app may not call ${method}.`, { method }),
      );
    }
    const id = String(this.nextId++);
    const ms = this.options.requestTimeoutMs ?? (SLOW_METHODS.has(method) ? 45_000 : 10_000);
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CCAgentError('E_TIMEOUT', `${method} got no answer in time.`, { method }));
      }, ms);
      this.pending.set(id, { resolve, reject, timer });
      this.port.postMessage({ type: 'req', id, method, params });
    });
  }

  private receive(data: unknown): void {
    if (!this.open || typeof data !== 'object' || data === null) return;
    const message = data as { type?: unknown };
    if (message.type === 'res')
      this.settle(data as { id: unknown; ok: unknown; result?: unknown; error?: WireError });
    else if (message.type === 'evt')
      this.deliver(
        data as { topic: unknown; seq: unknown; schemaVersion: unknown; payload: unknown },
      );
    else if (message.type === 'bye') this.shutDown('host_left');
  }

  private settle(response: {
    id: unknown;
    ok: unknown;
    result?: unknown;
    error?: WireError;
  }): void {
    const pending = typeof response.id === 'string' ? this.pending.get(response.id) : undefined;
    if (pending === undefined) return;
    this.pending.delete(response.id as string);
    clearTimeout(pending.timer);
    if (response.ok === true) pending.resolve(response.result);
    else
      pending.reject(
        CCAgentError.fromWire(response.error ?? { code: 'E_INTERNAL', message: 'No error given.' }),
      );
  }

  private deliver(event: {
    topic: unknown;
    seq: unknown;
    schemaVersion: unknown;
    payload: unknown;
  }): void {
    const { topic, seq, payload } = event;
    if (typeof topic !== 'string' || typeof seq !== 'number' || !Number.isInteger(seq)) return;
    if (seq <= this.lastSeq) return;
    if (seq > this.lastSeq + 1) {
      this.emit('events.missed', { expected: this.lastSeq + 1, received: seq }, 0, '1.0');
    }
    this.lastSeq = seq;
    this.track(topic, payload);
    this.emit(
      topic as ClientTopic,
      payload as ClientEvents[ClientTopic],
      seq,
      String(event.schemaVersion),
    );
  }

  private track(topic: string, payload: unknown): void {
    const p = (payload ?? {}) as { agent?: AgentInfo; call?: CallInfo; callId?: string };
    if (topic === 'agent.stateChanged' && p.agent !== undefined) this.agentState = p.agent;
    if (topic === 'call.dispositionSet' && p.callId === this.callState?.id) this.callState = null;
    if (topic.startsWith('call.') && p.call !== undefined && p.call.consultOf == null) {
      this.callState = p.call.state === 'ended' ? null : p.call;
    }
  }

  private emit<T extends ClientTopic>(
    topic: T,
    payload: ClientEvents[T],
    seq: number,
    schemaVersion: string,
  ): void {
    const set = this.listeners.get(topic);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        listener(payload as ClientEvents[ClientTopic], { topic, seq, schemaVersion });
      } catch (error) {
        (this.options.onListenerError ?? console.error)(error);
      }
    }
  }

  private shutDown(reason: 'host_left' | 'disconnected'): void {
    this.open = false;
    this.port.removeEventListener('message', this.onPortMessage);
    this.port.close();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(
        new CCAgentError('E_NOT_CONNECTED', 'The connection to the workspace closed.'),
      );
      this.pending.delete(id);
    }
    this.emit('connection.closed', { reason }, 0, '1.0');
  }
}
