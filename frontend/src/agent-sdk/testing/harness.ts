import type { AgentClient } from '../client';
import { connect, type ConnectOptions } from '../connect';
import { AgentSdkHost, type AgentSdkHostOptions, type HostLogEntry } from '../host';
import type { PortLike, WelcomeMessage } from '../protocol';
import type { AgentInfo, CallInfo } from '../types';
import { framePair } from './fake-windows';

/** Origin of our frame in tests. */
export const HOST = 'https://agent.cc.test';
/** Origin of an allowed app in tests. */
export const APP = 'https://crm.example';

/** A sample agent. */
export const AGENT: AgentInfo = {
  id: 'u1',
  displayName: 'Ann Agent',
  state: 'ready',
  reasonCode: null,
  queues: [{ id: 'q1', name: 'Sales' }],
};

/** A sample call, overridable. */
export function sampleCall(over: Partial<CallInfo> = {}): CallInfo {
  return {
    id: 'c1',
    direction: 'inbound',
    state: 'offered',
    ani: '+3225550100',
    dnis: '+3225550199',
    queue: { id: 'q1', name: 'Sales' },
    ivr: { language: 'en' },
    customer: null,
    muted: false,
    recording: 'on',
    allowedActions: ['answer'],
    consultOf: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    answeredAt: null,
    ...over,
  };
}

/** A host on a fake frame pair plus what it logged and the ports it created. */
export interface Rig {
  readonly host: AgentSdkHost;
  readonly pair: ReturnType<typeof framePair>;
  readonly log: HostLogEntry[];
  /** The host-side port of every connection, in order. */
  readonly hostPorts: PortLike[];
  /** Connects the app window with the SDK client. */
  connect(options?: Partial<ConnectOptions>): Promise<AgentClient>;
  /** Sends a hand-made hello and resolves with the welcome and its port (or null after `waitMs`). */
  rawHello(
    hello: Record<string, unknown>,
    waitMs?: number,
  ): Promise<{ welcome: WelcomeMessage; port: PortLike } | null>;
  /** Closes everything the rig opened. */
  dispose(): void;
}

/** Builds a host attached to a fake iframe, allowing APP with every capability unless overridden. */
export function rig(options: Partial<AgentSdkHostOptions> = {}, appOrigin = APP): Rig {
  const pair = framePair(HOST, appOrigin);
  const log: HostLogEntry[] = [];
  const hostPorts: PortLike[] = [];
  const clients: AgentClient[] = [];
  const rawPorts: PortLike[] = [];
  const host = new AgentSdkHost({
    allowedOrigins: [APP],
    capabilities: {
      [APP]: [
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
      ],
    },
    handlers: {},
    getSnapshot: () => ({ agent: AGENT, call: null }),
    onLog: (entry) => log.push(entry),
    window: pair.hostWindow,
    createChannel: () => {
      const channel = new MessageChannel();
      hostPorts.push(channel.port1);
      return channel;
    },
    ...options,
  });
  host.attach(pair.frame);
  return {
    host,
    pair,
    log,
    hostPorts,
    async connect(extra = {}) {
      const client = await connect({
        hostOrigin: HOST,
        timeoutMs: 200,
        window: pair.appWindow,
        parent: pair.hostWindow,
        ...extra,
      });
      clients.push(client);
      return client;
    },
    rawHello(hello, waitMs = 100) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), waitMs);
        pair.appWindow.addEventListener('message', (event) => {
          const data = event.data as WelcomeMessage;
          const port = event.ports[0];
          if (data.type !== 'cc.welcome' || port === undefined) return;
          clearTimeout(timer);
          rawPorts.push(port);
          resolve({ welcome: data, port });
        });
        pair.hostWindow.postMessage(hello, HOST);
      });
    },
    dispose() {
      clients.forEach((c) => c.disconnect());
      rawPorts.forEach((p) => p.close());
      host.detach();
      hostPorts.forEach((p) => p.close());
    },
  };
}

/** Resolves after pending message deliveries. */
export function settle(ms = 10): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends one raw request on a port and resolves with the response's data. */
export function rawRequest(
  port: PortLike,
  id: string,
  method: string,
  params?: unknown,
): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (event: { data: unknown }): void => {
      const data = event.data as Record<string, unknown>;
      if (data['type'] !== 'res' || data['id'] !== id) return;
      port.removeEventListener('message', listener);
      resolve(data);
    };
    port.addEventListener('message', listener);
    port.start();
    port.postMessage({ type: 'req', id, method, params });
  });
}
