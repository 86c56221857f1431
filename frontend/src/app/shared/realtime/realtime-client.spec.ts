import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { Subscription } from 'rxjs';
import { initialAuthState } from '../../auth/auth.reducer';
import {
  IDLE_CLOSE_MS,
  RealtimeClient,
  RealtimeMessage,
  RECONNECT_DELAYS,
} from './realtime-client';

/** A browser WebSocket the test drives: it records what the client sends. */
class FakeSocket {
  static readonly OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Array<{ type: string; channel: string }> = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
    this.onclose?.();
  }
  /** The server side: the connection opens. */
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  /** The server side: a message arrives. */
  receive(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** The network drops the connection. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }
}

const snapshot = (channel: string, seq = 0) => ({ type: 'snapshot', channel, seq, data: {} });
const event = (channel: string, seq: number) => ({
  type: 'event',
  channel,
  seq,
  event: { id: `e${seq}`, type: 'x.y', occurredAt: '', payload: {} },
});

function setup() {
  FakeSocket.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
  TestBed.configureTestingModule({
    providers: [
      provideMockStore({ initialState: { auth: { ...initialAuthState, token: 'cc1.t.k.s' } } }),
    ],
  });
  const client = TestBed.inject(RealtimeClient);
  const follow = (name: string) => {
    const got: RealtimeMessage[] = [];
    const subscription = client.channel(name).subscribe((m) => got.push(m));
    return { got, subscription };
  };
  return { client, follow };
}

describe('RealtimeClient', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('follows every channel over one socket and hands each message to its channel only', () => {
    const { follow } = setup();
    const agent = follow('tenant/t/agent/u');
    const user = follow('tenant/t/user/u');
    expect(FakeSocket.all).toHaveLength(1);
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toContain('/ws?token=cc1.t.k.s');
    socket.open();
    expect(socket.sent).toEqual([
      { type: 'subscribe', channel: 'tenant/t/agent/u' },
      { type: 'subscribe', channel: 'tenant/t/user/u' },
    ]);
    socket.receive({ type: 'welcome', userId: 'u', tenantId: 't' });
    socket.receive(snapshot('tenant/t/agent/u'));
    socket.receive(event('tenant/t/user/u', 1));
    socket.receive({ type: 'error', channel: null, code: 'E_BAD_REQUEST', message: 'x' });
    expect(agent.got.map((m) => m.type)).toEqual(['snapshot', 'error']);
    expect(user.got.map((m) => m.type)).toEqual(['event', 'error']);

    // A channel followed later on the open socket is subscribed at once.
    follow('tenant/t/broadcast');
    expect(socket.sent.at(-1)).toEqual({ type: 'subscribe', channel: 'tenant/t/broadcast' });
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('asks again for a second follower of a channel, and leaves it only with the last one', () => {
    const { follow } = setup();
    const first = follow('tenant/t/user/u');
    FakeSocket.all[0]!.open();
    const second = follow('tenant/t/user/u');
    const socket = FakeSocket.all[0]!;
    expect(socket.sent.filter((m) => m.type === 'subscribe')).toHaveLength(2);
    socket.receive(snapshot('tenant/t/user/u', 3));
    expect(first.got).toHaveLength(1);
    expect(second.got).toHaveLength(1);

    first.subscription.unsubscribe();
    expect(socket.sent.some((m) => m.type === 'unsubscribe')).toBe(false);
    second.subscription.unsubscribe();
    expect(socket.sent.at(-1)).toEqual({ type: 'unsubscribe', channel: 'tenant/t/user/u' });
    expect(socket.closed).toBe(false);
    vi.advanceTimersByTime(IDLE_CLOSE_MS);
    expect(socket.closed).toBe(true);
  });

  it('keeps the socket when a page change follows a channel again before it idles out', () => {
    const { follow } = setup();
    const before = follow('tenant/t/wallboard');
    FakeSocket.all[0]!.open();
    before.subscription.unsubscribe();
    vi.advanceTimersByTime(IDLE_CLOSE_MS - 1);
    follow('tenant/t/agent/u');
    vi.advanceTimersByTime(IDLE_CLOSE_MS);
    expect(FakeSocket.all).toHaveLength(1);
    expect(FakeSocket.all[0]!.closed).toBe(false);
  });

  it('reconnects with backoff after a drop and subscribes every channel again', () => {
    const { follow } = setup();
    const agent = follow('tenant/t/agent/u');
    follow('tenant/t/user/u');
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop();
    vi.advanceTimersByTime(RECONNECT_DELAYS[0]! - 1);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    const again = FakeSocket.all[1]!;
    again.open();
    expect(again.sent.map((m) => m.channel)).toEqual(['tenant/t/agent/u', 'tenant/t/user/u']);
    again.receive(snapshot('tenant/t/agent/u', 9));
    expect(agent.got.map((m) => m.type)).toEqual(['snapshot']);
  });

  it('does not reconnect once nobody follows anything', () => {
    const { follow } = setup();
    const subscriptions: Subscription[] = [follow('tenant/t/agent/u').subscription];
    FakeSocket.all[0]!.open();
    subscriptions.forEach((s) => s.unsubscribe());
    vi.advanceTimersByTime(IDLE_CLOSE_MS);
    vi.advanceTimersByTime(RECONNECT_DELAYS.at(-1)! * 2);
    expect(FakeSocket.all).toHaveLength(1);
  });
});
