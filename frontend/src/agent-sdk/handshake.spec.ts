import { CCAgentError } from './errors';
import type { FrameLike } from './host';
import { PROTOCOL, SDK_VERSION, type PortLike, type WindowLike } from './protocol';
import { FakeWindow } from './testing/fake-windows';
import { AGENT, APP, HOST, rig, settle, type Rig } from './testing/harness';

describe('agent SDK handshake', () => {
  let r: Rig;
  afterEach(() => r.dispose());

  it('an allowed app connects with the agreed protocol, its capabilities and a snapshot', async () => {
    r = rig({ capabilities: { [APP]: ['agent.read', 'calls.read'] } });
    const client = await r.connect();
    expect(client.protocol).toEqual({ major: PROTOCOL.major, minor: PROTOCOL.minor });
    expect([...client.capabilities].sort()).toEqual(['agent.read', 'calls.read']);
    expect(client.agent).toEqual(AGENT);
    expect(client.call).toBeNull();
    expect(r.host.apps.map((a) => a.origin)).toEqual([APP]);
    expect(r.log.map((e) => e.reason)).toEqual(['connected']);
  });

  it('the hello carries protocol, SDK version, app id and wanted capabilities', async () => {
    r = rig();
    const seen: unknown[] = [];
    r.pair.hostWindow.addEventListener('message', (e) => seen.push(e.data));
    await r.connect({ appId: 'crm', capabilities: ['calls.read'] });
    expect(seen[0]).toMatchObject({
      type: 'cc.hello',
      protocol: PROTOCOL,
      sdkVersion: SDK_VERSION,
      appId: 'crm',
      capabilities: ['calls.read'],
    });
  });

  it('grants only what is both wanted and allowed', async () => {
    r = rig({ capabilities: { [APP]: ['agent.read', 'calls.read'] } });
    const client = await r.connect({ capabilities: ['calls.read', 'calls.dial'] });
    expect([...client.capabilities]).toEqual(['calls.read']);
  });

  it('the snapshot hides what the app may not read', async () => {
    r = rig({ capabilities: { [APP]: ['calls.control'] } });
    const client = await r.connect();
    expect(client.agent).toBeNull();
  });

  it('the agreed minor is the lower of both minors', async () => {
    r = rig({ protocol: { major: PROTOCOL.major, minor: 3 } });
    const older = await r.connect({ protocol: { major: PROTOCOL.major, minor: 1 } });
    expect(older.protocol).toEqual({ major: PROTOCOL.major, minor: 1 });
    r.dispose();
    r = rig({ protocol: { major: PROTOCOL.major, minor: 0 } });
    const newer = await r.connect({ protocol: { major: PROTOCOL.major, minor: 4 } });
    expect(newer.protocol).toEqual({ major: PROTOCOL.major, minor: 0 });
  });

  it('a different major is refused with E_UNSUPPORTED and the host version', async () => {
    r = rig();
    const error = await r
      .connect({ protocol: { major: PROTOCOL.major + 1, minor: 0 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CCAgentError);
    expect(error).toMatchObject({ code: 'E_UNSUPPORTED', details: { hostProtocol: PROTOCOL } });
    expect(r.host.apps).toEqual([]);
    expect(r.log.map((e) => e.reason)).toEqual(['protocol_mismatch']);
  });

  it('a non-allowed origin gets no answer at all, is logged, and the client times out', async () => {
    r = rig({}, 'https://evil.example');
    const answers = vi.spyOn(r.pair.appWindow, 'postMessage');
    const error = await r.connect({ timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_TIMEOUT' });
    expect(answers).not.toHaveBeenCalled();
    expect(r.log).toEqual([{ reason: 'origin_rejected', origin: 'https://evil.example' }]);
  });

  it('a hello from a window other than the framed one gets no answer', async () => {
    r = rig();
    const stranger = new FakeWindow(APP);
    stranger.sender = { origin: HOST, source: r.pair.hostWindow };
    const answers = vi.spyOn(stranger, 'postMessage');
    r.pair.hostWindow.dispatch({
      data: { type: 'cc.hello', protocol: PROTOCOL, sdkVersion: SDK_VERSION, instance: 'x' },
      origin: APP,
      source: stranger,
      ports: [],
    });
    await settle();
    expect(answers).not.toHaveBeenCalled();
    expect(r.host.apps).toEqual([]);
    expect(r.log).toEqual([{ reason: 'source_mismatch', origin: APP }]);
  });

  it('a malformed hello from an allowed frame is dropped', async () => {
    r = rig();
    expect(
      await r.rawHello({ type: 'cc.hello', protocol: { major: 1 }, instance: 'x' }, 30),
    ).toBeNull();
    expect(r.log.map((e) => e.reason)).toEqual(['bad_hello']);
  });

  it('the client ignores a welcome from another origin or for another instance', async () => {
    r = rig({ allowedOrigins: [] });
    const pending = r.connect({ timeoutMs: 60, instance: 'mine' });
    const { port1, port2 } = new MessageChannel();
    const fake = {
      type: 'cc.welcome',
      protocol: PROTOCOL,
      capabilities: ['calls.control'],
      snapshot: { agent: null, call: null },
    };
    r.pair.appWindow.dispatch({
      data: { ...fake, instance: 'mine' },
      origin: 'https://evil.example',
      source: r.pair.hostWindow,
      ports: [port2],
    });
    r.pair.appWindow.dispatch({
      data: { ...fake, instance: 'other' },
      origin: HOST,
      source: r.pair.hostWindow,
      ports: [port2],
    });
    r.pair.appWindow.dispatch({
      data: { ...fake, instance: 'mine' },
      origin: HOST,
      source: new FakeWindow(HOST),
      ports: [port2],
    });
    await expect(pending).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    port1.close();
    port2.close();
  });

  it('connect refuses a missing, malformed or untrusted host origin with E_ORIGIN', async () => {
    r = rig();
    await expect(r.connect({ hostOrigin: undefined })).rejects.toMatchObject({ code: 'E_ORIGIN' });
    await expect(r.connect({ hostOrigin: 'https://agent.cc.test/path' })).rejects.toMatchObject({
      code: 'E_ORIGIN',
    });
    await expect(r.connect({ hostOrigin: 'https://*.cc.test' })).rejects.toMatchObject({
      code: 'E_ORIGIN',
    });
    await expect(r.connect({ allowedHostOrigins: ['https://other.test'] })).rejects.toMatchObject({
      code: 'E_ORIGIN',
    });
  });

  it('reads cc_origin and cc_instance from the page URL', async () => {
    r = rig();
    const seen: unknown[] = [];
    r.pair.hostWindow.addEventListener('message', (e) => seen.push(e.data));
    r.pair.appWindow.location = {
      search: `?cc_origin=${encodeURIComponent(HOST)}&cc_instance=slot-7`,
    };
    const client = await r.connect({ hostOrigin: undefined });
    expect(client.connected).toBe(true);
    expect(seen[0]).toMatchObject({ instance: 'slot-7' });
  });

  it('never posts to the wildcard origin', async () => {
    r = rig();
    const hello = vi.spyOn(r.pair.hostWindow, 'postMessage');
    const welcome = vi.spyOn(r.pair.appWindow, 'postMessage');
    await r.connect();
    expect(hello.mock.calls[0]?.[1]).toBe(HOST);
    expect(welcome.mock.calls[0]?.[1]).toBe(APP);
  });
});

describe('agent SDK platform types', () => {
  it('real windows, ports and iframes fit the interfaces the SDK uses', () => {
    const channel = new MessageChannel();
    const port: PortLike = channel.port1;
    const win: WindowLike = window;
    const frame: FrameLike = document.createElement('iframe');
    expect([port, win, frame].every(Boolean)).toBe(true);
    channel.port1.close();
    channel.port2.close();
  });
});
