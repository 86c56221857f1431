import { AgentSelf, CallSnapshot } from '../../shared/api/acd-models';
import { QueueStats } from '../../supervisor/supervisor-api';
import { queueFiguresChanged, sdkEvents } from './sdk-events';
import { SdkContext, sdkView } from './sdk-snapshot';

const context: SdkContext = { queueNames: new Map(), agentQueues: [], customer: null };

const call = (extra: Partial<CallSnapshot> = {}): CallSnapshot => ({
  id: 'c-1',
  direction: 'inbound',
  channel: 'voice',
  status: 'connected',
  ani: '+100',
  dnis: '4001',
  queueId: null,
  agentId: 'u-1',
  createdAt: null,
  queuedAt: null,
  offeredAt: null,
  answeredAt: null,
  endedAt: null,
  endReason: null,
  allowedActions: ['hangup'],
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

const ready = agent({ state: 'ready', call: null, currentCallId: null });
const ringing = agent({
  state: 'reserved',
  offer: { id: 'o-1', callId: 'c-1', offeredAt: null, expiresAt: null },
  call: call({ status: 'offered' }),
});

/** The topics published going through the agent states in turn. */
function topics(...states: (AgentSelf | null)[]): string[] {
  const views = states.map((a) => sdkView(a, context));
  return views.slice(1).flatMap((next, i) => sdkEvents(views[i]!, next).map((e) => e.topic));
}

describe('SDK events from the workspace state', () => {
  it('says nothing for the first state (apps got it in their snapshot)', () => {
    expect(topics(null, ringing)).toEqual([]);
  });

  it('publishes a call’s life: offered, answered, held, retrieved, ended', () => {
    expect(
      topics(
        ready,
        ringing,
        agent(),
        agent({ call: call({ onHold: true }) }),
        agent(),
        agent({ state: 'wrap_up', call: call({ status: 'ended', endReason: 'agent_hangup' }) }),
      ),
    ).toEqual([
      'agent.stateChanged',
      'call.offered',
      'agent.stateChanged',
      'call.answered',
      'call.held',
      'call.retrieved',
      'agent.stateChanged',
      'call.ended',
    ]);
  });

  it('tells why the call ended and hands over the whole call', () => {
    const views = [
      agent(),
      agent({ state: 'wrap_up', call: call({ status: 'ended', endReason: 'agent_hangup' }) }),
    ].map((a) => sdkView(a, context));
    const ended = sdkEvents(views[0]!, views[1]!).find((e) => e.topic === 'call.ended');
    expect(ended?.payload).toMatchObject({
      reason: 'agent_hangup',
      call: { id: 'c-1', state: 'wrap_up' },
    });
  });

  it('publishes a missed offer once the call disappears', () => {
    const prev = sdkView(ringing, context);
    const events = sdkEvents(prev, sdkView(ready, context));
    expect(events.map((e) => e.topic)).toEqual(['agent.stateChanged', 'call.ended']);
    expect(events[1]!.payload).toMatchObject({ reason: 'missed', call: { state: 'ended' } });
  });

  it('publishes a transfer the workspace made before the call ends', () => {
    const events = sdkEvents(sdkView(agent(), context), sdkView(ready, context), {
      type: 'queue',
      queueId: 'q-2',
    });
    expect(events.map((e) => e.topic)).toEqual([
      'agent.stateChanged',
      'call.transferred',
      'call.ended',
    ]);
    expect(events[2]!.payload).toMatchObject({ reason: 'transferred' });
  });

  it('ends the call for the agent who transferred it from the call bar, while it goes on with the other agent', () => {
    const prev = sdkView(agent(), context);
    const next = sdkView(agent({ state: 'wrap_up', call: call({ agentId: 'u-2' }) }), context);
    const events = sdkEvents(prev, next);
    expect(events.map((e) => e.topic)).toEqual(['agent.stateChanged', 'call.ended']);
    expect(events[1]!.payload).toMatchObject({ reason: 'transferred', call: { state: 'wrap_up' } });
  });

  it('keeps the call of a consulted agent as theirs', () => {
    const consulted = agent({
      userId: 'u-2',
      call: call({ agentId: 'u-1', consult: { agentId: 'u-2', state: 'talking' } as never }),
    });
    expect(sdkView(consulted, context).call?.state).toBe('connected');
  });

  it('publishes mute, recording, consultation and disposition changes', () => {
    expect(
      topics(
        agent(),
        agent({ call: call({ muted: true }) }),
        agent({ call: call({ muted: true, recording: 'paused' }) }),
        agent({
          call: call({
            muted: true,
            recording: 'paused',
            consult: { state: 'talking', agentId: 'u-2', agentName: 'Bo', initiatorId: 'u-1' },
          }),
        }),
      ),
    ).toEqual(['call.muteChanged', 'call.recordingChanged', 'call.consultStarted']);
    expect(
      topics(
        agent({ state: 'wrap_up', call: call({ status: 'ended' }) }),
        agent({ state: 'wrap_up', call: call({ status: 'ended', disposition: 'sale' }) }),
      ),
    ).toEqual(['call.dispositionSet']);
  });

  it('publishes other changes of the call as call.updated, and nothing when nothing changed', () => {
    expect(topics(agent(), agent({ call: call({ allowedActions: ['hangup', 'hold'] }) }))).toEqual([
      'call.updated',
    ]);
    expect(topics(agent(), agent())).toEqual([]);
  });

  it('publishes a not-ready reason change', () => {
    expect(
      topics(
        agent({ state: 'not_ready', reason: 'break', call: null }),
        agent({ state: 'not_ready', reason: 'lunch', call: null }),
      ),
    ).toEqual(['agent.stateChanged']);
  });
});

const figures = (queueId: string, extra: Partial<QueueStats> = {}): QueueStats => ({
  queueId,
  name: queueId,
  serviceLevelSeconds: 20,
  waiting: 0,
  oldestQueuedAt: null,
  offered: 0,
  answered: 0,
  abandoned: 0,
  answeredWithinThreshold: 0,
  serviceLevel: null,
  agentsReady: 1,
  agentsBusy: 0,
  memberIds: ['u-1'],
  since: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('queue.statsChanged from the My queues readings', () => {
  const sales = figures('sales');
  const waiting = figures('sales', { waiting: 1, oldestQueuedAt: '2026-01-01T08:00:00.000Z' });

  it('tells apps the first reading, then only readings that differ', () => {
    expect(queueFiguresChanged(null, [sales])).toBe(true);
    expect(queueFiguresChanged(null, [])).toBe(true);
    expect(queueFiguresChanged([sales], [figures('sales')])).toBe(false);
    expect(queueFiguresChanged([sales], [waiting])).toBe(true);
    expect(
      queueFiguresChanged(
        [waiting],
        [figures('sales', { agentsReady: 2, waiting: 1, oldestQueuedAt: waiting.oldestQueuedAt })],
      ),
    ).toBe(true);
  });

  it('counts a queue joined or left and a new oldest caller, but not the day’s totals', () => {
    expect(queueFiguresChanged([sales], [sales, figures('vip')])).toBe(true);
    expect(queueFiguresChanged([sales, figures('vip')], [sales])).toBe(true);
    expect(
      queueFiguresChanged([waiting], [{ ...waiting, oldestQueuedAt: '2026-01-01T08:05:00.000Z' }]),
    ).toBe(true);
    expect(
      queueFiguresChanged([sales], [{ ...sales, offered: 9, answered: 9, serviceLevel: 1 }]),
    ).toBe(false);
  });
});
