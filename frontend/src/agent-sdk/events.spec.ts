import { PROTOCOL } from './protocol';
import { AGENT, APP, rig, sampleCall, settle, type Rig } from './testing/harness';

describe('agent SDK events', () => {
  let r: Rig;
  afterEach(() => r.dispose());

  it('events arrive in publish order with increasing seq and a schema version', async () => {
    r = rig();
    const client = await r.connect();
    const seen: string[] = [];
    const metas: number[] = [];
    const record =
      (topic: string) => (_: unknown, meta: { seq: number; schemaVersion: string }) => {
        seen.push(topic);
        metas.push(meta.seq);
        expect(meta.schemaVersion).toBe('1.0');
      };
    client.on('call.offered', record('offered'));
    client.on('call.answered', record('answered'));
    client.on('call.held', record('held'));
    r.host.publish('call.offered', { call: sampleCall() });
    r.host.publish('call.answered', { call: sampleCall({ state: 'connected' }) });
    r.host.publish('call.held', { call: sampleCall({ state: 'held' }) });
    await vi.waitFor(() => expect(seen).toEqual(['offered', 'answered', 'held']));
    expect(metas).toEqual([1, 2, 3]);
  });

  it('keeps the agent and the current call up to date', async () => {
    r = rig();
    const client = await r.connect();
    r.host.publish('agent.stateChanged', { agent: { ...AGENT, state: 'busy' }, previous: 'ready' });
    r.host.publish('call.answered', {
      call: sampleCall({
        state: 'connected',
        customer: { id: 'k1', displayName: 'Bo', externalRef: null },
      }),
    });
    r.host.publish('call.consultStarted', {
      call: sampleCall({ id: 'c2', consultOf: 'c1', state: 'connected' }),
    });
    await settle();
    expect(client.agent?.state).toBe('busy');
    expect(client.call).toMatchObject({ id: 'c1', state: 'connected', customer: { id: 'k1' } });
    r.host.publish('call.ended', {
      call: sampleCall({ state: 'wrap_up' }),
      reason: 'remote_hangup',
    });
    await settle();
    expect(client.call?.state).toBe('wrap_up');
    r.host.publish('call.dispositionSet', { callId: 'c1', code: 'sale' });
    await settle();
    expect(client.call).toBeNull();
  });

  it('an app receives only the topics its capabilities cover, with its own seq', async () => {
    r = rig({ capabilities: { [APP]: ['calls.read'] } });
    const client = await r.connect();
    const seqs: number[] = [];
    const agentEvents = vi.fn();
    client.on('agent.stateChanged', agentEvents);
    client.on('call.offered', (_, meta) => seqs.push(meta.seq));
    r.host.publish('agent.stateChanged', { agent: AGENT, previous: 'offline' });
    r.host.publish('call.offered', { call: sampleCall() });
    await vi.waitFor(() => expect(seqs).toEqual([1]));
    expect(agentEvents).not.toHaveBeenCalled();
  });

  it('unsubscribing stops delivery to that listener only', async () => {
    r = rig();
    const client = await r.connect();
    const first = vi.fn();
    const second = vi.fn();
    const stop = client.on('call.offered', first);
    client.on('call.offered', second);
    r.host.publish('call.offered', { call: sampleCall() });
    await vi.waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    stop();
    r.host.publish('call.offered', { call: sampleCall({ id: 'c2' }) });
    await vi.waitFor(() => expect(second).toHaveBeenCalledTimes(2));
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('drops stale or repeated seq numbers and reports gaps', async () => {
    r = rig();
    const client = await r.connect();
    const offered = vi.fn();
    const missed = vi.fn();
    client.on('call.offered', offered);
    client.on('events.missed', missed);
    const port = r.hostPorts[0]!;
    const evt = (seq: number) => ({
      type: 'evt',
      topic: 'call.offered',
      seq,
      schemaVersion: '1.0',
      payload: { call: sampleCall() },
    });
    port.postMessage(evt(1));
    port.postMessage(evt(1));
    port.postMessage(evt(4));
    port.postMessage(evt(3));
    await settle();
    expect(offered.mock.calls.map((c) => c[1].seq)).toEqual([1, 4]);
    expect(missed).toHaveBeenCalledWith(
      { expected: 2, received: 4 },
      expect.objectContaining({ seq: 0 }),
    );
  });

  it('a throwing listener does not stop the others', async () => {
    r = rig();
    const errors: unknown[] = [];
    const client = await r.connect({ onListenerError: (e) => errors.push(e) });
    const after = vi.fn();
    client.on('call.offered', () => {
      throw new Error('app bug');
    });
    client.on('call.offered', after);
    r.host.publish('call.offered', { call: sampleCall() });
    await vi.waitFor(() => expect(after).toHaveBeenCalled());
    expect(errors).toHaveLength(1);
  });

  it('a reloaded frame saying hello again replaces its connection', async () => {
    r = rig();
    const a = await r.connect();
    const raw = await r.rawHello({
      type: 'cc.hello',
      protocol: PROTOCOL,
      sdkVersion: 'x',
      instance: 'second',
    });
    expect(a.connected).toBe(false);
    const rawSeen: unknown[] = [];
    raw!.port.addEventListener('message', (e) => rawSeen.push(e.data));
    raw!.port.start();
    r.host.publish('call.offered', { call: sampleCall() });
    await vi.waitFor(() => expect(rawSeen).toHaveLength(1));
    expect(rawSeen[0]).toMatchObject({ type: 'evt', topic: 'call.offered', seq: 1 });
  });
});
