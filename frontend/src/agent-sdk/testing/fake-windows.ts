import type { MessageLike, PortLike, WindowLike } from '../protocol';

/**
 * A window for tests: `postMessage` on it delivers (asynchronously, like a browser) to its own
 * listeners as if sent by `sender`, and drops messages whose target origin is not this window's.
 */
export class FakeWindow implements WindowLike {
  /** Who appears as `event.origin` / `event.source` of messages posted to this window. */
  sender: { origin: string; source: unknown } = { origin: 'null', source: null };
  /** Messages dropped because of a target-origin mismatch. */
  readonly dropped: unknown[] = [];
  /** What `connect()` reads `cc_origin` / `cc_instance` from. */
  location = { search: '' };
  private readonly listeners = new Set<(event: MessageLike) => void>();

  constructor(readonly origin: string) {}

  /** Posts a message to this window. */
  postMessage(message: unknown, targetOrigin: string, transfer: PortLike[] = []): void {
    if (targetOrigin !== this.origin) {
      this.dropped.push(message);
      return;
    }
    const { origin, source } = this.sender;
    setTimeout(() => this.dispatch({ data: message, origin, source, ports: transfer }), 0);
  }

  /** Delivers an event directly (to simulate any sender). */
  dispatch(event: MessageLike): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Registers a listener. */
  addEventListener(_type: 'message', listener: (event: MessageLike) => void): void {
    this.listeners.add(listener);
  }

  /** Removes a listener. */
  removeEventListener(_type: 'message', listener: (event: MessageLike) => void): void {
    this.listeners.delete(listener);
  }

  /** Number of listeners (to check detaching). */
  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** Our frame's window and a framed app's window, wired like `window.parent` and `iframe.contentWindow`. */
export function framePair(
  hostOrigin: string,
  appOrigin: string,
): {
  hostWindow: FakeWindow;
  appWindow: FakeWindow;
  frame: { contentWindow: FakeWindow };
} {
  const hostWindow = new FakeWindow(hostOrigin);
  const appWindow = new FakeWindow(appOrigin);
  hostWindow.sender = { origin: appOrigin, source: appWindow };
  appWindow.sender = { origin: hostOrigin, source: hostWindow };
  return { hostWindow, appWindow, frame: { contentWindow: appWindow } };
}
