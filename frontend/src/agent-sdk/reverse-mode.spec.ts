import { connectToFrame, type FrameConnectOptions } from './connect';
import type { AgentClient } from './client';
import { PROTOCOL, SDK_VERSION } from './protocol';
import { FakeWindow } from './testing/fake-windows';
import { AGENT, APP, HOST, rig, settle, type Rig } from './testing/harness';

/**
 * Reverse mode: our call bar (the host, origin HOST) runs in an iframe of a CRM page (APP) and
 * attaches the CRM's window as its "frame"; the CRM connects with `connectToFrame(iframe)`. The
 * rig's pair models exactly that: the host listens on its own window and accepts hellos whose
 * source is the attached window (here the CRM page).
 */
describe('agent SDK reverse mode (connectToFrame)', () => {
  let r: Rig;
  const clients: AgentClient[] = [];
  afterEach(() => {
    clients.splice(0).forEach((c) => c.disconnect());
    r.dispose();
  });

  /** The call bar's iframe as the CRM page sees it. */
  const iframe = (src = `${HOST}/embed/acme/callbar`) => ({
    contentWindow: r.pair.hostWindow,
    src,
  });

  async function connectFrame(options: FrameConnectOptions = {}, frame = iframe()) {
    const client = await connectToFrame(frame, {
      window: r.pair.appWindow,
      timeoutMs: 300,
      retryMs: 100,
      ...options,
    });
    clients.push(client);
    return client;
  }

  it('the CRM page connects to the framed call bar; the host origin comes from the iframe src', async () => {
    r = rig();
    const seen: unknown[] = [];
    r.pair.hostWindow.addEventListener('message', (e) => seen.push(e.data));
    const client = await connectFrame({ appId: 'crm' });
    expect(client.connected).toBe(true);
    expect(client.agent).toEqual(AGENT);
    expect(seen[0]).toMatchObject({
      type: 'cc.hello',
      protocol: PROTOCOL,
      sdkVersion: SDK_VERSION,
      appId: 'crm',
    });
    expect(r.host.apps.map((a) => a.origin)).toEqual([APP]);
  });

  it('keeps saying hello until the call bar is ready (the agent signs in first), then connects once', async () => {
    r = rig();
    // Not ready yet: nothing listens for hellos on the call bar's window.
    r.host.detach();
    const hellos: string[] = [];
    r.pair.hostWindow.addEventListener('message', (e) =>
      hellos.push((e.data as { instance: string }).instance),
    );
    const pending = connectFrame({ timeoutMs: 2000 });
    await settle(250);
    expect(hellos.length).toBeGreaterThanOrEqual(2);
    expect(new Set(hellos).size).toBe(hellos.length);
    r.host.attach(r.pair.frame);
    const client = await pending;
    const before = hellos.length;
    await settle(250);
    expect(hellos.length).toBe(before);
    expect(client.connected).toBe(true);
    expect(r.host.apps).toHaveLength(1);
    expect(r.log.filter((e) => e.reason === 'connected')).toHaveLength(1);
  });

  it('a welcome to an earlier hello is dropped (its port closed): the host replaces that connection', async () => {
    r = rig();
    r.host.detach();
    const hellos: string[] = [];
    r.pair.hostWindow.addEventListener('message', (e) =>
      hellos.push((e.data as { instance: string }).instance),
    );
    const pending = connectFrame({ timeoutMs: 2000 });
    await settle(150);
    expect(hellos.length).toBeGreaterThanOrEqual(2);
    const stale = new MessageChannel();
    const closed = vi.spyOn(stale.port2, 'close');
    r.pair.appWindow.dispatch({
      data: {
        type: 'cc.welcome',
        protocol: PROTOCOL,
        instance: hellos[0],
        capabilities: ['calls.read'],
        snapshot: { agent: null, call: null },
      },
      origin: HOST,
      source: r.pair.hostWindow,
      ports: [stale.port2],
    });
    expect(closed).toHaveBeenCalled();
    r.host.attach(r.pair.frame);
    const client = await pending;
    expect(client.capabilities.size).toBeGreaterThan(1);
    stale.port1.close();
  });

  it('a CRM origin the tenant did not list gets no answer: E_TIMEOUT, logged by the call bar', async () => {
    r = rig({}, 'https://evil.example');
    const answers = vi.spyOn(r.pair.appWindow, 'postMessage');
    const error = await connectFrame({ timeoutMs: 250 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_TIMEOUT' });
    expect(answers).not.toHaveBeenCalled();
    expect(r.log.length).toBeGreaterThanOrEqual(2);
    expect(new Set(r.log.map((e) => e.reason))).toEqual(new Set(['origin_rejected']));
  });

  it('ignores a welcome from another window or origin than the iframe', async () => {
    r = rig({ allowedOrigins: [] });
    const pending = connectFrame({ timeoutMs: 200 });
    const { port1, port2 } = new MessageChannel();
    const fake = {
      type: 'cc.welcome',
      protocol: PROTOCOL,
      capabilities: ['calls.control'],
      snapshot: { agent: null, call: null },
      instance: 'any',
    };
    r.pair.appWindow.dispatch({
      data: fake,
      origin: HOST,
      source: new FakeWindow(HOST),
      ports: [port2],
    });
    r.pair.appWindow.dispatch({
      data: fake,
      origin: 'https://evil.example',
      source: r.pair.hostWindow,
      ports: [port2],
    });
    await expect(pending).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    port1.close();
    port2.close();
  });

  it('refuses a missing iframe window, a bad origin or an untrusted one before saying anything', async () => {
    r = rig();
    const post = vi.spyOn(r.pair.hostWindow, 'postMessage');
    await expect(
      connectToFrame({ contentWindow: null, src: `${HOST}/embed/acme/callbar` }),
    ).rejects.toMatchObject({ code: 'E_NOT_CONNECTED' });
    await expect(connectFrame({}, iframe('about:blank'))).rejects.toMatchObject({
      code: 'E_ORIGIN',
    });
    await expect(connectFrame({ hostOrigin: `${HOST}/embed` })).rejects.toMatchObject({
      code: 'E_ORIGIN',
    });
    await expect(
      connectFrame({ allowedHostOrigins: ['https://other.example'] }),
    ).rejects.toMatchObject({ code: 'E_ORIGIN' });
    expect(post).not.toHaveBeenCalled();
  });

  it('an explicit hostOrigin wins over the iframe src and is the only target of the hello', async () => {
    r = rig();
    const post = vi.spyOn(r.pair.hostWindow, 'postMessage');
    await connectFrame(
      { hostOrigin: HOST },
      iframe('https://elsewhere.example/embed/acme/callbar'),
    );
    expect(post.mock.calls.every((call) => call[1] === HOST)).toBe(true);
  });
});
