import type { AppContext, MethodHandler } from '../../../agent-sdk/host';
import type { MethodName, MethodParams, MethodResult } from '../../../agent-sdk/protocol';
import { AgentSelf, CallSnapshot, ChosenState } from '../../shared/api/acd-models';
import { ApiError } from '../../shared/api/api-types';
import { Outcome } from '../../shared/api/outcome';
import { SdkWorkspace, sdkHandlers } from './sdk-handlers';
import { sdkView } from './sdk-snapshot';

const call = (extra: Partial<CallSnapshot> = {}): CallSnapshot => ({
  id: 'c-1',
  direction: 'inbound',
  channel: 'voice',
  status: 'connected',
  ani: '+8613800138000',
  dnis: '4001',
  queueId: 'q-1',
  agentId: 'u-1',
  createdAt: '2026-11-29T10:00:00Z',
  queuedAt: null,
  offeredAt: null,
  answeredAt: '2026-11-29T10:00:05Z',
  endedAt: null,
  endReason: null,
  allowedActions: ['hangup', 'hold', 'mute', 'transfer', 'dtmf', 'record_pause'],
  ...extra,
});

const agent = (extra: Partial<AgentSelf> = {}): AgentSelf => ({
  userId: 'u-1',
  displayName: 'Ann Agent',
  state: 'busy',
  reason: null,
  locked: false,
  since: null,
  currentCallId: 'c-1',
  offer: null,
  call: call(),
  ...extra,
});

const apiError = (status: number, field?: string): ApiError => ({
  status,
  code: null,
  message: 'secret server text',
  fieldErrors: field ? [{ field, rule: 'x', message: 'x' }] : [],
  retryAfterSeconds: null,
});

const APP: AppContext = { origin: 'https://crm.example', appId: null, capabilities: new Set() };

/** A workspace whose commands are recorded and answer `answer` (ok with the agent by default). */
function fakeWorkspace(state: AgentSelf | null) {
  const sent: string[] = [];
  let failure: ApiError | null = null;
  const done = (what: string): Promise<Outcome<AgentSelf>> => {
    sent.push(what);
    return Promise.resolve(
      failure ? { ok: false, error: failure } : { ok: true, value: state ?? agent() },
    );
  };
  const transfers: string[] = [];
  const ws: SdkWorkspace = {
    agent: () => state,
    choices: () => new Set<ChosenState>(['ready', 'not_ready']),
    canDial: () => state?.state === 'ready',
    answer: () => done('answer'),
    hangUp: () => done('hangup'),
    callCommand: (name) => done(name),
    transfer: (target) => done(`transfer ${JSON.stringify(target)}`),
    consult: (userId) => done(`consult ${userId}`),
    consultCommand: (name) => done(`consult/${name}`),
    dial: (number, queueId) => done(`dial ${number}${queueId ? ` for ${queueId}` : ''}`),
    sendDtmf: (digit) => done(`dtmf ${digit}`),
    recording: (action) => done(`recording ${action}`),
    disposition: (code, notes) => done(`disposition ${code} ${notes ?? ''}`.trim()),
    setState: (s, reason) => done(`state ${s} ${reason ?? ''}`.trim()),
    view: () =>
      sdkView(state, { queueNames: new Map([['q-1', 'Sales']]), agentQueues: [], customer: null }),
    queueStats: () => Promise.resolve([]),
    transferred: (callId, target) => transfers.push(`${callId} ${JSON.stringify(target)}`),
  };
  return {
    ws,
    sent,
    transfers,
    fail: (error: ApiError) => (failure = error),
  };
}

function call$<M extends MethodName>(
  ws: SdkWorkspace,
  method: M,
  params: MethodParams<M>,
): Promise<MethodResult<M>> {
  const handler = sdkHandlers(ws, () => Promise.resolve())[method] as MethodHandler<M>;
  return handler(params, APP);
}

describe('SDK handlers', () => {
  it('maps call methods onto the workspace commands', async () => {
    const { ws, sent } = fakeWorkspace(agent());
    await call$(ws, 'calls.hold', { callId: 'c-1' });
    await call$(ws, 'calls.mute', { callId: 'c-1' });
    await call$(ws, 'calls.hangup', { callId: 'c-1' });
    await call$(ws, 'calls.pauseRecording', { callId: 'c-1' });
    await call$(ws, 'calls.sendDtmf', { callId: 'c-1', digits: '1w#' });
    expect(sent).toEqual(['hold', 'mute', 'hangup', 'recording pause', 'dtmf 1', 'dtmf #']);
  });

  it('answers the offer of the call', async () => {
    const ringing = agent({
      state: 'reserved',
      offer: { id: 'o-1', callId: 'c-1', offeredAt: null, expiresAt: null },
      call: call({ status: 'offered', allowedActions: [] }),
    });
    const { ws, sent } = fakeWorkspace(ringing);
    await call$(ws, 'calls.answer', { callId: 'c-1' });
    expect(sent).toEqual(['answer']);
  });

  it('transfers to our target shapes and remembers where the call went', async () => {
    const { ws, sent, transfers } = fakeWorkspace(agent());
    await call$(ws, 'calls.transfer', { callId: 'c-1', target: { type: 'queue', queueId: 'q-2' } });
    await call$(ws, 'calls.transfer', { callId: 'c-1', target: { type: 'agent', agentId: 'u-2' } });
    expect(sent).toEqual([
      'transfer {"target":"queue","queueId":"q-2"}',
      'transfer {"target":"agent","userId":"u-2"}',
    ]);
    expect(transfers).toHaveLength(2);
  });

  it('refuses an action the call does not allow now with E_CONFLICT and what is allowed', async () => {
    const { ws, sent } = fakeWorkspace(agent());
    await expect(call$(ws, 'calls.retrieve', { callId: 'c-1' })).rejects.toMatchObject({
      code: 'E_CONFLICT',
      details: { allowedActions: ['hangup', 'hold', 'mute', 'transfer', 'dtmf', 'record_pause'] },
    });
    expect(sent).toEqual([]);
  });

  it('answers E_NOT_FOUND without a call or for another call', async () => {
    const idle = fakeWorkspace(agent({ state: 'ready', call: null, currentCallId: null }));
    await expect(call$(idle.ws, 'calls.hangup', { callId: 'c-1' })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    await expect(call$(idle.ws, 'calls.answer', { callId: 'c-1' })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    const busy = fakeWorkspace(agent());
    await expect(call$(busy.ws, 'calls.hold', { callId: 'c-9' })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    expect(await call$(idle.ws, 'calls.get', {})).toBeNull();
  });

  it('maps API refusals to SDK codes without passing the server’s message on', async () => {
    const cases: [number, string][] = [
      [409, 'E_CONFLICT'],
      [422, 'E_INVALID'],
      [403, 'E_NOT_ALLOWED'],
      [500, 'E_INTERNAL'],
    ];
    for (const [status, code] of cases) {
      const { ws, fail } = fakeWorkspace(agent());
      fail(apiError(status, 'digits'));
      const error = await call$(ws, 'calls.hold', { callId: 'c-1' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code });
      expect((error as Error).message).not.toContain('secret');
    }
    const { ws, fail } = fakeWorkspace(agent());
    fail(apiError(422, 'code'));
    await expect(
      call$(ws, 'calls.transfer', { callId: 'c-1', target: { type: 'number', number: '1' } }),
    ).rejects.toMatchObject({ code: 'E_INVALID', details: { field: 'code' } });
  });

  it('sets the agent ready or not ready with a reason and answers the agent', async () => {
    const { ws, sent } = fakeWorkspace(agent({ state: 'not_ready', call: null }));
    const info = await call$(ws, 'agent.setNotReady', { reasonCode: 'break' });
    await call$(ws, 'agent.setReady', {});
    expect(sent).toEqual(['state not_ready break', 'state ready']);
    expect(info).toMatchObject({ id: 'u-1', displayName: 'Ann Agent' });
  });

  it('dials on behalf of the queue the app names', async () => {
    const ready = agent();
    const { ws, sent } = fakeWorkspace({ ...ready, state: 'ready', call: null });
    await call$(ws, 'calls.dial', { to: '+8613800138000', queueId: 'q-1' }).catch(() => null);
    expect(sent).toEqual(['dial +8613800138000 for q-1']);
  });

  it('serves an app token for the calling app’s origin, or says the host has none', async () => {
    const { ws } = fakeWorkspace(agent());
    await expect(call$(ws, 'auth.getAppToken', {})).rejects.toMatchObject({ code: 'E_UNSUPPORTED' });
    const origins: string[] = [];
    const withTokens: SdkWorkspace = {
      ...ws,
      appToken: (origin) => {
        origins.push(origin);
        return Promise.resolve({ token: 't', expiresAt: 'x', apiBase: '/api/v1', origin, permissions: [] });
      },
    };
    await expect(call$(withTokens, 'auth.getAppToken', {})).resolves.toMatchObject({ origin: APP.origin });
    expect(origins).toEqual([APP.origin]);
  });

  it('refuses to dial when the agent may not', async () => {
    const { ws } = fakeWorkspace(agent());
    await expect(call$(ws, 'calls.dial', { to: '+100' })).rejects.toMatchObject({
      code: 'E_CONFLICT',
    });
  });

  it('reads the call and the agent in the SDK’s shapes, nothing more', async () => {
    const { ws } = fakeWorkspace(agent());
    const info = await call$(ws, 'calls.get', { callId: 'c-1' });
    expect(info).toEqual({
      id: 'c-1',
      direction: 'inbound',
      state: 'connected',
      ani: '+8613800138000',
      dnis: '4001',
      queue: { id: 'q-1', name: 'Sales' },
      ivr: {},
      customer: null,
      muted: false,
      recording: 'off',
      allowedActions: ['hangup', 'hold', 'mute', 'transfer', 'dtmf', 'record_pause'],
      consultOf: null,
      createdAt: '2026-11-29T10:00:00Z',
      answeredAt: '2026-11-29T10:00:05Z',
    });
    expect(await call$(ws, 'agent.get', {})).toEqual({
      id: 'u-1',
      displayName: 'Ann Agent',
      state: 'busy',
      reasonCode: null,
      queues: [],
    });
  });
});
