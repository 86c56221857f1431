import { CCAgentError } from './errors';
import { PROTOCOL } from './protocol';
import { AGENT, APP, HOST, rawRequest, rig, sampleCall, type Rig } from './testing/harness';

describe('agent SDK requests', () => {
  let r: Rig;
  afterEach(() => r.dispose());

  it('a request resolves with the handler result', async () => {
    r = rig({ handlers: { 'agent.get': async () => ({ ...AGENT, state: 'busy' }) } });
    const client = await r.connect();
    await expect(client.getAgent()).resolves.toMatchObject({ state: 'busy' });
    expect(client.agent?.state).toBe('busy');
  });

  it('handlers get the params and the calling app', async () => {
    const hold = vi.fn(async () => undefined);
    r = rig({ handlers: { 'calls.hold': hold } });
    const client = await r.connect({ appId: 'crm' });
    await client.hold('c9');
    expect(hold).toHaveBeenCalledWith(
      { callId: 'c9' },
      expect.objectContaining({ origin: APP, appId: 'crm' }),
    );
  });

  it('call methods default to the current call, and refuse without one', async () => {
    const answer = vi.fn(async () => undefined);
    r = rig({ handlers: { 'calls.answer': answer } });
    const client = await r.connect();
    await expect(client.answer()).rejects.toMatchObject({
      code: 'E_INVALID',
      details: { field: 'callId' },
    });
    r.host.publish('call.offered', { call: sampleCall({ id: 'c5' }) });
    await vi.waitFor(() => expect(client.call?.id).toBe('c5'));
    await client.answer();
    expect(answer).toHaveBeenCalledWith({ callId: 'c5' }, expect.anything());
  });

  it('every typed helper sends its wire method', async () => {
    const calls: string[] = [];
    const record =
      (method: string, result: unknown = undefined) =>
      async () => {
        calls.push(method);
        return result as never;
      };
    r = rig({
      handlers: {
        'calls.answer': record('answer'),
        'calls.hangup': record('hangup'),
        'calls.hold': record('hold'),
        'calls.retrieve': record('retrieve'),
        'calls.mute': record('mute'),
        'calls.unmute': record('unmute'),
        'calls.sendDtmf': record('dtmf'),
        'calls.transfer': record('transfer'),
        'calls.consult': record('consult', sampleCall({ id: 'c2', consultOf: 'c1' })),
        'calls.completeTransfer': record('complete'),
        'calls.conference': record('conference'),
        'calls.dial': record(
          'dial',
          sampleCall({ id: 'c3', direction: 'outbound', state: 'dialing' }),
        ),
        'calls.setDisposition': record('disposition'),
        'calls.pauseRecording': record('pause'),
        'calls.resumeRecording': record('resume'),
        'calls.get': record('get', null),
        'agent.setReady': record('ready', AGENT),
        'agent.setNotReady': record('notReady', AGENT),
        'queues.getStats': record('stats', []),
        'auth.getAppToken': record('token', {
          token: 't',
          expiresAt: '2030-01-01T00:00:00.000Z',
          apiBase: `${HOST}/api/v1`,
          origin: APP,
          permissions: ['customers.view'],
        }),
      },
    });
    const c = await r.connect();
    const queue = { type: 'queue', queueId: 'q2' } as const;
    await c.answer('c1');
    await c.hangup('c1');
    await c.hold('c1');
    await c.retrieve('c1');
    await c.mute('c1');
    await c.unmute('c1');
    await c.sendDtmf('12#', 'c1');
    await c.transfer(queue, 'c1');
    await expect(c.consult({ type: 'number', number: '+3225550111' }, 'c1')).resolves.toMatchObject(
      { id: 'c2' },
    );
    await c.completeTransfer('c1');
    await c.conference('c1');
    await expect(c.dial('+3225550123', { queueId: 'q1' })).resolves.toMatchObject({ id: 'c3' });
    await c.setDisposition('sale', { callId: 'c1', notes: 'ok' });
    await c.pauseRecording('c1');
    await c.resumeRecording('c1');
    await c.getCall('c1');
    await c.setReady();
    await c.setNotReady('lunch');
    await c.getQueueStats(['q1']);
    await expect(c.getAppToken()).resolves.toMatchObject({ origin: APP, token: 't' });
    expect(calls).toEqual([
      'answer',
      'hangup',
      'hold',
      'retrieve',
      'mute',
      'unmute',
      'dtmf',
      'transfer',
      'consult',
      'complete',
      'conference',
      'dial',
      'disposition',
      'pause',
      'resume',
      'get',
      'ready',
      'notReady',
      'stats',
      'token',
    ]);
  });

  it('a handler error with a code reaches the app as a typed error with details', async () => {
    r = rig({
      handlers: {
        'calls.hold': async () => {
          throw Object.assign(new Error('Call is not connected.'), {
            code: 'E_CONFLICT',
            details: { allowedActions: ['answer'] },
          });
        },
      },
    });
    const client = await r.connect();
    const error = await client.hold('c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CCAgentError);
    expect(error).toMatchObject({
      code: 'E_CONFLICT',
      message: 'Call is not connected.',
      details: { allowedActions: ['answer'] },
    });
  });

  it('a handler error without a known code becomes E_INTERNAL without leaking its message', async () => {
    r = rig({
      handlers: {
        'calls.hold': async () => {
          throw new Error('db password wrong');
        },
      },
    });
    const client = await r.connect();
    const error = (await client.hold('c1').catch((e: unknown) => e)) as CCAgentError;
    expect(error.code).toBe('E_INTERNAL');
    expect(error.message).not.toContain('password');
  });

  it('a result that cannot cross the port becomes E_INTERNAL', async () => {
    r = rig({ handlers: { 'agent.get': async () => ({ ...AGENT, leak: () => 1 }) } });
    const client = await r.connect();
    await expect(client.getAgent()).rejects.toMatchObject({ code: 'E_INTERNAL' });
  });

  it('an unknown method is refused with E_UNSUPPORTED', async () => {
    r = rig();
    const client = await r.connect();
    await expect(client.request('calls.teleport', {})).rejects.toMatchObject({
      code: 'E_UNSUPPORTED',
      details: { method: 'calls.teleport' },
    });
  });

  it('a known method the host has no handler for is refused with E_UNSUPPORTED', async () => {
    r = rig({ handlers: {} });
    const client = await r.connect();
    await expect(client.hold('c1')).rejects.toMatchObject({ code: 'E_UNSUPPORTED' });
  });

  it('a capability not granted is refused by the client before sending', async () => {
    const dial = vi.fn(async () => sampleCall());
    r = rig({ capabilities: { [APP]: ['calls.read'] }, handlers: { 'calls.dial': dial } });
    const client = await r.connect();
    await expect(client.dial('+3225550123')).rejects.toMatchObject({ code: 'E_NOT_ALLOWED' });
    expect(dial).not.toHaveBeenCalled();
  });

  it('an app token needs the api.rest capability', async () => {
    const token = vi.fn(async () => {
      throw new Error('not reached');
    });
    r = rig({ capabilities: { [APP]: ['calls.read'] }, handlers: { 'auth.getAppToken': token } });
    const client = await r.connect();
    await expect(client.getAppToken()).rejects.toMatchObject({ code: 'E_NOT_ALLOWED' });
    expect(token).not.toHaveBeenCalled();
  });

  it('a capability not granted is refused by the host too', async () => {
    const dial = vi.fn(async () => sampleCall());
    r = rig({ capabilities: { [APP]: ['calls.read'] }, handlers: { 'calls.dial': dial } });
    const raw = await r.rawHello({
      type: 'cc.hello',
      protocol: PROTOCOL,
      sdkVersion: 'x',
      instance: 'i',
    });
    const response = await rawRequest(raw!.port, '1', 'calls.dial', { to: '+3225550123' });
    expect(response).toMatchObject({ ok: false, error: { code: 'E_NOT_ALLOWED' } });
    expect(dial).not.toHaveBeenCalled();
  });

  it('bad params are refused with E_INVALID naming the field', async () => {
    const handler = vi.fn(async () => undefined);
    r = rig({ handlers: { 'calls.sendDtmf': handler, 'calls.transfer': handler } });
    const client = await r.connect();
    await expect(client.sendDtmf('12; rm -rf', 'c1')).rejects.toMatchObject({
      code: 'E_INVALID',
      details: { field: 'digits' },
    });
    await expect(client.transfer({ type: 'planet' } as never, 'c1')).rejects.toMatchObject({
      code: 'E_INVALID',
      details: { field: 'target' },
    });
    await expect(client.request('calls.hold', 'c1' as never)).rejects.toMatchObject({
      code: 'E_INVALID',
      details: { field: 'params' },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('a handler slower than the host limit answers E_TIMEOUT', async () => {
    r = rig({
      handlerTimeoutMs: 20,
      handlers: { 'calls.hold': () => new Promise(() => undefined) },
    });
    const client = await r.connect();
    await expect(client.hold('c1')).rejects.toMatchObject({ code: 'E_TIMEOUT' });
  });

  it('a request the host never answers times out on the client', async () => {
    r = rig({ handlers: { 'calls.hold': () => new Promise(() => undefined) } });
    const client = await r.connect({ requestTimeoutMs: 20 });
    await expect(client.hold('c1')).rejects.toMatchObject({
      code: 'E_TIMEOUT',
      details: { method: 'calls.hold' },
    });
  });

  it('a malformed request gets no answer and is logged', async () => {
    r = rig();
    const raw = await r.rawHello({
      type: 'cc.hello',
      protocol: PROTOCOL,
      sdkVersion: 'x',
      instance: 'i',
    });
    raw!.port.postMessage({ type: 'req', id: 42, method: 'agent.get' });
    await vi.waitFor(() => expect(r.log.map((e) => e.reason)).toContain('bad_message'));
  });
});
