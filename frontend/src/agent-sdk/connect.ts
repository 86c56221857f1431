import { AgentClient } from './client';
import type { AgentClientOptions } from './client-core';
import { CCAgentError } from './errors';
import {
  PROTOCOL,
  SDK_VERSION,
  isExactOrigin,
  type Capability,
  type HelloMessage,
  type MessageLike,
  type ProtocolVersion,
  type RefusedMessage,
  type WelcomeMessage,
  type WindowLike,
} from './protocol';

/** Options of `connect()`. */
export interface ConnectOptions extends AgentClientOptions {
  /** Our frame's origin; defaults to the `cc_origin` parameter of the page URL. */
  readonly hostOrigin?: string;
  /** When set, `hostOrigin` must be one of these exact origins (otherwise `E_ORIGIN`). */
  readonly allowedHostOrigins?: readonly string[];
  /** How long to wait for the welcome (default 5 s), then `E_TIMEOUT`. */
  readonly timeoutMs?: number;
  /** Identifies the app in the host's logs. */
  readonly appId?: string;
  /** Capabilities the app wants (default: all it is allowed). */
  readonly capabilities?: readonly Capability[];
  /** This page's window (default the global `window`). */
  readonly window?: WindowLike;
  /** The window of our frame (default `window.parent`). */
  readonly parent?: WindowLike;
  /** Protocol to announce (default `PROTOCOL`; for compatibility tests). */
  readonly protocol?: ProtocolVersion;
  /** Handshake id; defaults to the `cc_instance` URL parameter or a random id. */
  readonly instance?: string;
}

/**
 * Connects a framed third-party page to our agent workspace: sends `cc.hello` to the parent window,
 * waits for `cc.welcome` from exactly `hostOrigin`, and resolves with a client bound to the port.
 */
export function connect(options: ConnectOptions = {}): Promise<AgentClient> {
  const self = options.window ?? globalWindow();
  const parent =
    options.parent ?? (self === null ? null : ((self as { parent?: WindowLike }).parent ?? null));
  const params = pageParams(self);
  const hostOrigin = options.hostOrigin ?? params.get('cc_origin') ?? '';
  const instance = options.instance ?? params.get('cc_instance') ?? undefined;
  return handshake(self, parent, hostOrigin, options, { instance, retryMs: null });
}

/** The iframe our call bar runs in, as `connectToFrame()` needs it (an `HTMLIFrameElement` fits). */
export interface EmbeddedFrame {
  /** The call bar's window; null while the iframe is not in the document. */
  readonly contentWindow: WindowLike | null;
  /** The iframe's address; its origin is the default `hostOrigin`. */
  readonly src?: string;
}

/** Options of `connectToFrame()`. */
export interface FrameConnectOptions extends Omit<ConnectOptions, 'parent' | 'instance'> {
  /** Our call bar's origin; defaults to the origin of the iframe's `src`. */
  readonly hostOrigin?: string;
  /**
   * How long to wait for the call bar (default 120 s, since the agent may first have to sign in
   * inside the frame), then `E_TIMEOUT`.
   */
  readonly timeoutMs?: number;
  /** How often the hello is repeated until the call bar answers (default 1 s). */
  readonly retryMs?: number;
}

/**
 * Reverse mode: connects a page that frames our agent call bar (`/embed/<tenant>/callbar`, e.g.
 * inside a CRM) to it, and resolves with the same client `connect()` gives a framed app. The call
 * bar answers only once its agent is signed in and only if this page's origin is one of the
 * tenant's call bar embedding origins (otherwise it stays silent and this rejects with `E_TIMEOUT`),
 * so the hello is repeated every `retryMs` until then; only the welcome to the latest hello is
 * accepted, so the connection is never replaced behind the client's back. Example:
 * `CCAgent.connectToFrame(document.querySelector('#callbar'), { appId: 'crm' })` where the iframe's
 * `src` is `https://<platform>/embed/<tenant>/callbar` (sample: `/sdk-sample/crm.html`).
 */
export function connectToFrame(
  frame: EmbeddedFrame,
  options: FrameConnectOptions = {},
): Promise<AgentClient> {
  const self = options.window ?? globalWindow();
  const hostOrigin = options.hostOrigin ?? originOf(frame.src);
  if (frame.contentWindow === null) {
    return Promise.reject(
      new CCAgentError('E_NOT_CONNECTED', 'The call bar frame is not in the document.'),
    );
  }
  return handshake(
    self,
    frame.contentWindow,
    hostOrigin,
    { ...options, timeoutMs: options.timeoutMs ?? 120_000 },
    { instance: undefined, retryMs: Math.max(100, options.retryMs ?? 1000) },
  );
}

interface Attempts {
  /** Fixed handshake id (only without retries), else a fresh random id per hello. */
  readonly instance: string | undefined;
  /** Repeat the hello this often until answered; null: send it once. */
  readonly retryMs: number | null;
}

/** Says hello to `parent` (repeatedly with `retryMs`) and resolves on the welcome to the latest hello. */
function handshake(
  self: WindowLike | null,
  parent: WindowLike | null,
  hostOrigin: string,
  options: ConnectOptions,
  attempts: Attempts,
): Promise<AgentClient> {
  if (!isExactOrigin(hostOrigin)) {
    return Promise.reject(
      new CCAgentError('E_ORIGIN', 'The host origin is missing or not an exact origin.'),
    );
  }
  if (
    options.allowedHostOrigins !== undefined &&
    !options.allowedHostOrigins.includes(hostOrigin)
  ) {
    return Promise.reject(new CCAgentError('E_ORIGIN', `${hostOrigin} is not a trusted host.`));
  }
  if (self === null || parent === null || parent === self) {
    return Promise.reject(
      new CCAgentError('E_NOT_CONNECTED', 'This page is not framed by the workspace.'),
    );
  }
  const protocol = options.protocol ?? PROTOCOL;
  const sent = new Set<string>();
  let latest = '';
  let repeat: ReturnType<typeof setInterval> | undefined;
  return new Promise<AgentClient>((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      clearInterval(repeat);
      self.removeEventListener('message', onMessage);
    };
    const onMessage = (event: MessageLike): void => {
      if (event.source !== parent || event.origin !== hostOrigin) return;
      const data = event.data as Partial<WelcomeMessage | RefusedMessage> | null;
      if (typeof data !== 'object' || data === null || !sent.has(data.instance ?? '')) return;
      if (data.type === 'cc.refused') {
        finish();
        reject(CCAgentError.fromWire((data as RefusedMessage).error));
      } else if (data.type === 'cc.welcome') {
        const welcome = data as WelcomeMessage;
        const port = event.ports[0];
        if (
          port === undefined ||
          welcome.protocol?.major !== protocol.major ||
          !Array.isArray(welcome.capabilities)
        )
          return;
        // A welcome to an earlier hello: the host replaces that connection on the later hello.
        if (welcome.instance !== latest) {
          port.close();
          return;
        }
        finish();
        resolve(new AgentClient(port, welcome, options));
      }
    };
    const timer = setTimeout(() => {
      finish();
      reject(
        new CCAgentError(
          'E_TIMEOUT',
          'The workspace did not answer (origin not allowed, or not ready).',
        ),
      );
    }, options.timeoutMs ?? 5000);
    const sayHello = (): void => {
      latest = attempts.instance ?? randomId();
      sent.add(latest);
      const hello: HelloMessage = {
        type: 'cc.hello',
        protocol: { major: protocol.major, minor: protocol.minor },
        sdkVersion: SDK_VERSION,
        instance: latest,
        ...(options.appId === undefined ? {} : { appId: options.appId }),
        ...(options.capabilities === undefined ? {} : { capabilities: [...options.capabilities] }),
      };
      parent.postMessage(hello, hostOrigin);
    };
    self.addEventListener('message', onMessage);
    sayHello();
    if (attempts.retryMs !== null) repeat = setInterval(sayHello, attempts.retryMs);
  });
}

function globalWindow(): WindowLike | null {
  return typeof window === 'undefined' ? null : (window as unknown as WindowLike);
}

function pageParams(self: WindowLike | null): URLSearchParams {
  const search = (self as { location?: { search?: unknown } } | null)?.location?.search;
  return new URLSearchParams(typeof search === 'string' ? search : '');
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : '';
  } catch {
    return '';
  }
}
