import { CCAgentError, toWireError, type WireError } from './errors';
import {
  CAPABILITIES,
  EVENT_SCHEMA_VERSION,
  METHODS,
  PROTOCOL,
  invalidParam,
  isMethodName,
  topicCapability,
  type Capability,
  type EventMessage,
  type HelloMessage,
  type MessageLike,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type PortLike,
  type ProtocolVersion,
  type RefusedMessage,
  type ResponseMessage,
  type WelcomeMessage,
  type WindowLike,
} from './protocol';
import { readHello, withTimeout } from './host-checks';
import { RateLimiter } from './rate-limiter';
import type { EventPayloads, EventTopic, Snapshot } from './types';

/** Who is calling a host handler. */
export interface AppContext {
  /** The app's validated origin. */
  readonly origin: string;
  /** The app id the app announced (informative only: the origin is what is trusted). */
  readonly appId: string | null;
  /** Capabilities granted to this connection. */
  readonly capabilities: ReadonlySet<Capability>;
}

/** Serves one method; throw an error with a `code` (see `ErrorCode`) to refuse. */
export type MethodHandler<M extends MethodName> = (
  params: MethodParams<M>,
  app: AppContext,
) => Promise<MethodResult<M>>;

/** Handlers by method; a missing handler answers `E_UNSUPPORTED`. */
export type HostHandlers = { readonly [M in MethodName]?: MethodHandler<M> };

/** Anything with a `contentWindow`, e.g. an `HTMLIFrameElement`. */
export interface FrameLike {
  /** The framed app's window. */
  readonly contentWindow: unknown;
}

/** Something the host refused or noticed, for logging. */
export interface HostLogEntry {
  /** What happened. */
  readonly reason:
    | 'origin_rejected'
    | 'source_mismatch'
    | 'bad_hello'
    | 'protocol_mismatch'
    | 'connected'
    | 'disconnected'
    | 'bad_message';
  /** Origin of the message concerned. */
  readonly origin: string;
  /** Extra text (never message contents). */
  readonly detail?: string;
}

/** Options of `AgentSdkHost`. */
export interface AgentSdkHostOptions {
  /** Exact app origins (`https://host[:port]`) allowed to connect; everything else gets no answer. */
  readonly allowedOrigins: readonly string[];
  /** Capabilities per origin, or a function deciding them. Apps get the intersection with what they ask. */
  readonly capabilities:
    | Readonly<Record<string, readonly Capability[]>>
    | ((origin: string, appId: string | null) => readonly Capability[]);
  /** Method handlers (the workspace's store actions). */
  readonly handlers: HostHandlers;
  /** Current agent and call, sent in the welcome (filtered by capabilities). */
  readonly getSnapshot: () => Snapshot;
  /** Receives refusals and connection changes. */
  readonly onLog?: (entry: HostLogEntry) => void;
  /** Window hello messages arrive on (defaults to the global `window`). */
  readonly window?: WindowLike;
  /** Requests per second per app (default 20; bursts up to the same number). */
  readonly rateLimitPerSecond?: number;
  /** How long a handler may take before the app gets `E_TIMEOUT` (default 30 s). */
  readonly handlerTimeoutMs?: number;
  /** Protocol this host serves (default `PROTOCOL`; tests use it to simulate other versions). */
  readonly protocol?: ProtocolVersion;
  /** Clock for rate limiting (default `Date.now`). */
  readonly now?: () => number;
  /** Channel factory (default `new MessageChannel()`). */
  readonly createChannel?: () => { port1: PortLike; port2: PortLike };
}

interface Connection {
  readonly frame: FrameLike;
  readonly port: PortLike;
  readonly app: AppContext;
  readonly limiter: RateLimiter;
  readonly onMessage: (event: { data: unknown }) => void;
  seq: number;
  closed: boolean;
}

/**
 * Our frame's side of the agent SDK: validates handshakes from framed apps, hands each a private
 * `MessagePort`, dispatches requests to handlers, and publishes events to every connected app.
 */
export class AgentSdkHost {
  private readonly frames = new Set<FrameLike>();
  private readonly connections = new Map<FrameLike, Connection>();
  private readonly win: WindowLike | null;
  private readonly protocol: ProtocolVersion;
  private listening = false;
  private readonly onWindowMessage = (event: MessageLike): void => this.handleWindowMessage(event);

  constructor(private readonly options: AgentSdkHostOptions) {
    this.win =
      options.window ?? (typeof window === 'undefined' ? null : (window as unknown as WindowLike));
    this.protocol = options.protocol ?? PROTOCOL;
  }

  /** Accepts handshakes from this frame's window; returns a function that detaches the frame. */
  attach(frame: FrameLike): () => void {
    this.frames.add(frame);
    if (!this.listening && this.win !== null) {
      this.win.addEventListener('message', this.onWindowMessage);
      this.listening = true;
    }
    return () => this.detachFrame(frame);
  }

  /** Detaches every frame, says goodbye to every app and stops listening. */
  detach(): void {
    for (const frame of [...this.frames]) this.detachFrame(frame);
    if (this.listening && this.win !== null)
      this.win.removeEventListener('message', this.onWindowMessage);
    this.listening = false;
  }

  /** Apps connected now. */
  get apps(): readonly AppContext[] {
    return [...this.connections.values()].map((c) => c.app);
  }

  /** Sends an event to every connected app holding the topic's capability, numbered per app. */
  publish<T extends EventTopic>(topic: T, payload: EventPayloads[T]): void {
    const needed = topicCapability(topic);
    for (const connection of this.connections.values()) {
      if (!connection.app.capabilities.has(needed)) continue;
      connection.seq += 1;
      const message: EventMessage<T> = {
        type: 'evt',
        topic,
        seq: connection.seq,
        schemaVersion: EVENT_SCHEMA_VERSION,
        payload,
      };
      this.send(connection, message);
    }
  }

  private detachFrame(frame: FrameLike): void {
    this.frames.delete(frame);
    const connection = this.connections.get(frame);
    if (connection !== undefined) this.close(connection, true);
  }

  private handleWindowMessage(event: MessageLike): void {
    const data = event.data as Partial<HelloMessage> | null;
    if (typeof data !== 'object' || data === null || data.type !== 'cc.hello') return;
    const frame = [...this.frames].find(
      (f) => f.contentWindow === event.source && event.source != null,
    );
    if (frame === undefined) return this.log('source_mismatch', event.origin);
    if (!this.options.allowedOrigins.includes(event.origin))
      return this.log('origin_rejected', event.origin);
    const target = frame.contentWindow as WindowLike;
    const hello = readHello(data);
    if (hello === null) return this.log('bad_hello', event.origin);
    if (hello.protocol.major !== this.protocol.major) {
      this.log(
        'protocol_mismatch',
        event.origin,
        `app ${hello.protocol.major}.${hello.protocol.minor}`,
      );
      const error: WireError = {
        code: 'E_UNSUPPORTED',
        message: `Protocol ${hello.protocol.major}.x is not served here.`,
        details: { hostProtocol: { major: this.protocol.major, minor: this.protocol.minor } },
      };
      const refused: RefusedMessage = { type: 'cc.refused', instance: hello.instance, error };
      target.postMessage(refused, event.origin);
      return;
    }
    this.open(frame, target, event.origin, hello);
  }

  private open(frame: FrameLike, target: WindowLike, origin: string, hello: HelloMessage): void {
    const previous = this.connections.get(frame);
    if (previous !== undefined) this.close(previous, true);
    const allowed = new Set(this.allowedCapabilities(origin, hello.appId ?? null));
    const wanted = hello.capabilities ?? CAPABILITIES;
    const capabilities = new Set(wanted.filter((c) => allowed.has(c)));
    const { port1, port2 } =
      this.options.createChannel?.() ??
      (new MessageChannel() as { port1: PortLike; port2: PortLike });
    const app: AppContext = { origin, appId: hello.appId ?? null, capabilities };
    const connection: Connection = {
      frame,
      port: port1,
      app,
      limiter: new RateLimiter(this.options.rateLimitPerSecond ?? 20, this.options.now ?? Date.now),
      onMessage: (event) => void this.handlePortMessage(connection, event.data),
      seq: 0,
      closed: false,
    };
    port1.addEventListener('message', connection.onMessage);
    port1.start();
    this.connections.set(frame, connection);
    const welcome: WelcomeMessage = {
      type: 'cc.welcome',
      protocol: {
        major: this.protocol.major,
        minor: Math.min(this.protocol.minor, hello.protocol.minor),
      },
      instance: hello.instance,
      capabilities: [...capabilities],
      snapshot: this.snapshotFor(capabilities),
    };
    target.postMessage(welcome, origin, [port2]);
    this.log('connected', origin, hello.appId);
  }

  private async handlePortMessage(connection: Connection, data: unknown): Promise<void> {
    if (connection.closed || typeof data !== 'object' || data === null) return;
    const message = data as { type?: unknown; id?: unknown; method?: unknown; params?: unknown };
    if (message.type === 'bye') return this.close(connection, false);
    if (message.type !== 'req' || typeof message.id !== 'string' || message.id.length > 64) {
      return this.log('bad_message', connection.app.origin);
    }
    const id = message.id;
    try {
      const result = await this.dispatch(connection, message.method, message.params);
      this.send(connection, { type: 'res', id, ok: true, result });
    } catch (thrown) {
      this.send(connection, { type: 'res', id, ok: false, error: toWireError(thrown) });
    }
  }

  private async dispatch(
    connection: Connection,
    method: unknown,
    params: unknown,
  ): Promise<unknown> {
    const name = typeof method === 'string' ? method.slice(0, 100) : '';
    const wait = connection.limiter.take();
    if (wait > 0)
      throw new CCAgentError('E_RATE_LIMITED', 'Too many requests.', {
        retryAfterMs: wait,
        method: name,
      });
    if (!isMethodName(method))
      throw new CCAgentError('E_UNSUPPORTED', `Unknown method ${name}.`, { method: name });
    if (!connection.app.capabilities.has(METHODS[method].capability)) {
      throw new CCAgentError('E_NOT_ALLOWED', `This app may not call ${method}.`, { method });
    }
    const field = invalidParam(method, params);
    if (field !== null) throw new CCAgentError('E_INVALID', `Invalid ${field}.`, { field, method });
    const handler = this.options.handlers[method] as MethodHandler<MethodName> | undefined;
    if (handler === undefined)
      throw new CCAgentError('E_UNSUPPORTED', `${method} is not available here.`, { method });
    return withTimeout(
      handler((params ?? {}) as never, connection.app),
      this.options.handlerTimeoutMs ?? 30_000,
      method,
    );
  }

  private send(
    connection: Connection,
    message: ResponseMessage | EventMessage | { type: 'bye' },
  ): void {
    if (connection.closed) return;
    try {
      connection.port.postMessage(message);
    } catch {
      // A result that cannot be structured-cloned: the app still gets an answer.
      if (message.type === 'res') {
        connection.port.postMessage({
          type: 'res',
          id: message.id,
          ok: false,
          error: toWireError(null),
        });
      }
    }
  }

  private close(connection: Connection, sayBye: boolean): void {
    if (connection.closed) return;
    if (sayBye) this.send(connection, { type: 'bye' });
    connection.closed = true;
    connection.port.removeEventListener('message', connection.onMessage);
    connection.port.close();
    if (this.connections.get(connection.frame) === connection)
      this.connections.delete(connection.frame);
    this.log('disconnected', connection.app.origin, connection.app.appId ?? undefined);
  }

  private allowedCapabilities(origin: string, appId: string | null): readonly Capability[] {
    const config = this.options.capabilities;
    if (typeof config === 'function') return config(origin, appId);
    return Object.prototype.hasOwnProperty.call(config, origin) ? (config[origin] ?? []) : [];
  }

  private snapshotFor(capabilities: ReadonlySet<Capability>): Snapshot {
    const snapshot = this.options.getSnapshot();
    return {
      agent: capabilities.has('agent.read') ? snapshot.agent : null,
      call: capabilities.has('calls.read') ? snapshot.call : null,
    };
  }

  private log(reason: HostLogEntry['reason'], origin: string, detail?: string | null): void {
    this.options.onLog?.(detail == null ? { reason, origin } : { reason, origin, detail });
  }
}
