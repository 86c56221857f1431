import { FakeWindow, framePair } from './testing/fake-windows';
import { APP, HOST, rig, sampleCall, settle, type Rig } from './testing/harness';
import { connect } from './connect';

describe('agent SDK host limits and lifecycle', () => {
  let r: Rig;
  afterEach(() => r.dispose());

  it('refuses requests above the per-app rate with E_RATE_LIMITED until tokens refill', async () => {
    let now = 1_000;
    r = rig({
      rateLimitPerSecond: 5,
      now: () => now,
      handlers: { 'calls.hold': async () => undefined },
    });
    const client = await r.connect();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.hold('c1')));
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(5);
    const refused = results.find((x) => x.status === 'rejected');
    expect(refused?.reason).toMatchObject({
      code: 'E_RATE_LIMITED',
      details: { retryAfterMs: 200 },
    });
    now += 200;
    await expect(client.hold('c1')).resolves.toBeUndefined();
  });

  it('defaults to 20 requests per second', async () => {
    r = rig({ now: () => 0, handlers: { 'calls.hold': async () => undefined } });
    const client = await r.connect();
    const results = await Promise.allSettled(Array.from({ length: 21 }, () => client.hold('c1')));
    expect(results.filter((x) => x.status === 'rejected')).toHaveLength(1);
  });

  it('detaching says goodbye: pending and later requests fail with E_NOT_CONNECTED', async () => {
    r = rig({ handlers: { 'calls.hold': () => new Promise(() => undefined) } });
    const client = await r.connect();
    const closed = vi.fn();
    client.on('connection.closed', closed);
    const pending = client.hold('c1');
    await settle();
    r.host.detach();
    await expect(pending).rejects.toMatchObject({ code: 'E_NOT_CONNECTED' });
    expect(closed).toHaveBeenCalledWith({ reason: 'host_left' }, expect.anything());
    expect(client.connected).toBe(false);
    await expect(client.hold('c1')).rejects.toMatchObject({ code: 'E_NOT_CONNECTED' });
    expect(r.host.apps).toEqual([]);
    expect(r.pair.hostWindow.listenerCount).toBe(0);
  });

  it('after detaching, a new hello gets no answer', async () => {
    r = rig();
    r.host.detach();
    await expect(r.connect({ timeoutMs: 40 })).rejects.toMatchObject({ code: 'E_TIMEOUT' });
  });

  it('events reach every connected app, and detaching one frame leaves the others connected', async () => {
    r = rig();
    const other = framePair(HOST, APP);
    // Both frames post into the same host window; route the second pair's hello there.
    const hostWindow = r.pair.hostWindow;
    const secondParent = new FakeWindow(HOST);
    secondParent.postMessage = (message, targetOrigin, transfer) => {
      if (targetOrigin !== HOST) return;
      setTimeout(
        () =>
          hostWindow.dispatch({
            data: message,
            origin: APP,
            source: other.appWindow,
            ports: transfer ?? [],
          }),
        0,
      );
    };
    other.appWindow.sender = { origin: HOST, source: secondParent };
    const detachSecond = r.host.attach(other.frame);
    const first = await r.connect();
    const second = await connect({
      hostOrigin: HOST,
      timeoutMs: 200,
      window: other.appWindow,
      parent: secondParent,
    });
    expect(r.host.apps).toHaveLength(2);
    const seen: string[] = [];
    first.on('call.offered', () => seen.push('first'));
    second.on('call.offered', () => seen.push('second'));
    r.host.publish('call.offered', { call: sampleCall() });
    await vi.waitFor(() => expect(seen.sort()).toEqual(['first', 'second']));
    detachSecond();
    await vi.waitFor(() => expect(second.connected).toBe(false));
    expect(first.connected).toBe(true);
    expect(r.host.apps).toHaveLength(1);
  });

  it('a client that disconnects leaves the host', async () => {
    r = rig();
    const client = await r.connect();
    client.disconnect();
    await vi.waitFor(() => expect(r.host.apps).toEqual([]));
    expect(r.log.map((e) => e.reason)).toEqual(['connected', 'disconnected']);
  });
});
