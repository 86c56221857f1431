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
  const instance = options.instance ?? params.get('cc_instance') ?? randomId();
  return new Promise<AgentClient>((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      self.removeEventListener('message', onMessage);
    };
    const onMessage = (event: MessageLike): void => {
      if (event.source !== parent || event.origin !== hostOrigin) return;
      const data = event.data as Partial<WelcomeMessage | RefusedMessage> | null;
      if (typeof data !== 'object' || data === null || data.instance !== instance) return;
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
    self.addEventListener('message', onMessage);
    const hello: HelloMessage = {
      type: 'cc.hello',
      protocol: { major: protocol.major, minor: protocol.minor },
      sdkVersion: SDK_VERSION,
      instance,
      ...(options.appId === undefined ? {} : { appId: options.appId }),
      ...(options.capabilities === undefined ? {} : { capabilities: [...options.capabilities] }),
    };
    parent.postMessage(hello, hostOrigin);
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
