import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { Observable, of, Subject, throwError, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { AgentsApi } from '../agents/agents-api';
import { initialAuthState } from '../auth/auth.reducer';
import { LiveCallsStore } from '../calls/live-calls-store';
import { AgentSelf, AgentStateInput, CallSummary } from '../shared/api/acd-models';
import { RealtimeClient, RealtimeMessage } from '../shared/realtime/realtime-client';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { Clock } from '../shared/time/clock';
import {
  LiveKpiSettings,
  LiveQueue,
  QueueBoard,
  SupervisedAgent,
  SupervisorApi,
} from './supervisor-api';
import { PUSH_COALESCE_MS, SupervisorFeed } from './supervisor-feed';
import { SupervisorStore } from './supervisor-store';

const EPOCH = new Date(0).toISOString();

const agent = (userId: string, extra: Partial<SupervisedAgent> = {}): SupervisedAgent => ({
  userId,
  displayName: userId,
  state: 'offline',
  reason: null,
  locked: false,
  since: EPOCH,
  currentCallId: null,
  teams: [],
  ...extra,
});

const SETTINGS: LiveKpiSettings = {
  serviceLevelSeconds: 20,
  shortAbandonSeconds: 5,
  serviceLevelAbandons: 'exclude_short',
  serviceLevelLabel: 'SL 20 s · short abandons (< 5 s) excluded',
};

const queue = (queueId: string, extra: Partial<LiveQueue> = {}): LiveQueue => ({
  queueId,
  name: queueId,
  serviceLevelSeconds: 20,
  serviceLevelLabel: SETTINGS.serviceLevelLabel,
  waiting: 0,
  oldestQueuedAt: null,
  longestWaitSeconds: 0,
  offered: 0,
  answered: 0,
  abandoned: 0,
  shortAbandoned: 0,
  answeredWithinThreshold: 0,
  serviceLevel: null,
  abandonRate: null,
  asa: null,
  aht: null,
  avgTalk: null,
  avgHold: null,
  avgWrap: null,
  agentsReady: 0,
  agentsBusy: 0,
  memberIds: [],
  since: EPOCH,
  ...extra,
});

const call = (id: string, agentId: string): CallSummary => ({
  id,
  direction: 'inbound',
  channel: 'simulated',
  status: 'connected',
  ani: '13800138000',
  dnis: null,
  queueId: 'sales',
  queueName: 'Sales',
  agentId,
  agentName: agentId,
  createdAt: EPOCH,
  queuedAt: EPOCH,
  offeredAt: EPOCH,
  answeredAt: new Date(2000).toISOString(),
  endedAt: null,
  endReason: null,
  supervisors: [],
});

const blue = { id: 'blue', name: 'Blue' };
const red = { id: 'red', name: 'Red' };

/** Answers the reads with the next scripted list. */
class FakeSupervisorApi {
  agentLists: (SupervisedAgent[] | 'error')[] = [
    [
      agent('ada', { state: 'busy', currentCallId: 'c-1', teams: [blue] }),
      agent('bob', { state: 'ready', teams: [red] }),
      agent('cy', { state: 'not_ready', reason: 'lunch', teams: [blue, red] }),
    ],
  ];
  queueLists: LiveQueue[][] = [
    [
      queue('sales', { name: 'Sales', memberIds: ['ada', 'bob'] }),
      queue('vip', { name: 'VIP', memberIds: ['ada'] }),
    ],
  ];
  agentReads = 0;
  queueReads = 0;
  agents(): Observable<SupervisedAgent[]> {
    this.agentReads++;
    const next = this.agentLists.length > 1 ? this.agentLists.shift()! : this.agentLists[0]!;
    return next === 'error' ? throwError(() => new HttpErrorResponse({ status: 503 })) : of(next);
  }
  queueBoard(): Observable<QueueBoard> {
    this.queueReads++;
    const queues = this.queueLists.length > 1 ? this.queueLists.shift()! : this.queueLists[0]!;
    const total = queue('total', {
      offered: queues.reduce((sum, q) => sum + q.offered, 0),
      waiting: queues.reduce((sum, q) => sum + q.waiting, 0),
    });
    return of({ queues, total, settings: SETTINGS });
  }
}

class FakeAgentsApi {
  readonly commands: string[] = [];
  forceState(id: string, body: AgentStateInput): Observable<AgentSelf> {
    this.commands.push(`${id} ${body.state} ${body.reason ?? ''}`.trim());
    return of({
      ...agent(id, { state: body.state, reason: body.reason ?? null }),
      offer: null,
      call: null,
    });
  }
  setLocked(id: string, locked: boolean): Observable<AgentSelf> {
    this.commands.push(`${id} ${locked ? 'lock' : 'unlock'}`);
    return of({ ...agent(id, { locked }), offer: null, call: null });
  }
}

/** The live-calls store's surface the console uses: its calls. */
class FakeLiveCalls {
  readonly calls = signal<CallSummary[]>([call('c-1', 'ada')]);
}

class FakeRealtime {
  readonly pushes = new Subject<RealtimeMessage>();
  channels: string[] = [];
  channel(name: string): Observable<RealtimeMessage> {
    this.channels.push(name);
    return this.pushes;
  }
}

const push = (realtime: FakeRealtime, type: string) =>
  realtime.pushes.next({
    type: 'event',
    channel: 'tenant/t-1/wallboard',
    seq: 1,
    event: { id: 'e', type, occurredAt: '', payload: {} },
  });

function setup() {
  const api = new FakeSupervisorApi();
  const agentsApi = new FakeAgentsApi();
  const live = new FakeLiveCalls();
  const realtime = new FakeRealtime();
  const scheduler = new VirtualTimeScheduler(VirtualAction, 0);
  TestBed.configureTestingModule({
    providers: [
      SupervisorStore,
      SupervisorFeed,
      Clock,
      provideMockStore({ initialState: { auth: { ...initialAuthState, tenant: { id: 't-1' } } } }),
      { provide: SupervisorApi, useValue: api },
      { provide: AgentsApi, useValue: agentsApi },
      { provide: LiveCallsStore, useValue: live },
      { provide: RealtimeClient, useValue: realtime },
      { provide: POLL_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(SupervisorStore);
  TestBed.tick();
  /** Moves the virtual clock forward. */
  const advance = (ms: number) => {
    scheduler.maxFrames = scheduler.frame + ms;
    scheduler.flush();
  };
  return { store, api, agentsApi, realtime, advance, scheduler };
}

describe('SupervisorStore', () => {
  it('reads agents and queue numbers at once over one wallboard socket', () => {
    const { store, api, realtime } = setup();
    expect(realtime.channels).toEqual(['tenant/t-1/wallboard']);
    expect([api.agentReads, api.queueReads]).toEqual([1, 1]);
    expect(store.rows().map((row) => row.agent.userId)).toEqual(['ada', 'bob', 'cy']);
    expect(store.counts()).toMatchObject({ busy: 1, ready: 1, not_ready: 1, offline: 0 });
    expect(store.loading()).toBe(false);
  });

  it('joins each agent with their live call and the queues they serve', () => {
    const { store } = setup();
    const [ada, bob, cy] = store.rows();
    expect(ada?.call?.ani).toBe('13800138000');
    expect(ada?.queues.map((q) => q.name)).toEqual(['Sales', 'VIP']);
    expect(bob?.call).toBeNull();
    expect(bob?.queues.map((q) => q.name)).toEqual(['Sales']);
    expect(cy?.queues).toEqual([]);
  });

  it('updates the grid when the wallboard channel pushes a change, reading a burst once', () => {
    const { store, api, realtime, advance } = setup();
    advance(PUSH_COALESCE_MS);
    api.agentLists = [
      [agent('ada', { state: 'wrap_up', teams: [blue] }), agent('bob', { state: 'busy' })],
    ];
    push(realtime, 'agent.state_changed');
    expect(api.agentReads).toBe(2);
    expect(store.rows().map((row) => row.agent.state)).toEqual(['wrap_up', 'busy']);
    push(realtime, 'call.ended');
    push(realtime, 'agent.state_changed');
    expect(api.agentReads).toBe(2);
    advance(PUSH_COALESCE_MS);
    expect([api.agentReads, api.queueReads]).toEqual([3, 3]);
  });

  it('re-reads today’s queue numbers within the coalescing bound (well under a second) after a call event', () => {
    const { store, api, realtime, scheduler } = setup();
    /** Runs the virtual clock to an absolute frame (ms). */
    const runUntil = (frame: number) => {
      scheduler.maxFrames = frame;
      scheduler.flush();
    };
    expect(store.kpiSettings()?.serviceLevelLabel).toBe(
      'SL 20 s · short abandons (< 5 s) excluded',
    );
    expect(PUSH_COALESCE_MS).toBeLessThanOrEqual(250);
    runUntil(PUSH_COALESCE_MS);
    api.queueLists = [
      [queue('sales', { name: 'Sales', offered: 1, answered: 1, serviceLevel: 1 })],
    ];
    // A quiet feed: the call event is read at once.
    push(realtime, 'call.answered');
    expect(api.queueReads).toBe(2);
    expect(store.queues()[0]).toMatchObject({ offered: 1, serviceLevel: 1 });
    expect(store.total()?.offered).toBe(1);
    // 10 ms after that read another call event comes: it is read when the period ends, 240 ms later.
    api.queueLists = [
      [queue('sales', { name: 'Sales', offered: 2, answered: 1, abandoned: 1, serviceLevel: 0.5 })],
    ];
    const at = PUSH_COALESCE_MS + 10;
    scheduler.schedule(() => push(realtime, 'call.abandoned'), 10);
    runUntil(at);
    expect(store.queues()[0]?.offered).toBe(1);
    runUntil(2 * PUSH_COALESCE_MS - 1);
    expect(api.queueReads).toBe(2);
    runUntil(2 * PUSH_COALESCE_MS);
    expect(api.queueReads).toBe(3);
    expect(scheduler.frame - at).toBeLessThanOrEqual(PUSH_COALESCE_MS);
    expect(store.queues()[0]).toMatchObject({ offered: 2, serviceLevel: 0.5 });
    expect(store.total()?.offered).toBe(2);
  });

  it('keeps the last grid and shows the error when a read fails', () => {
    const { store, api, realtime, advance } = setup();
    advance(PUSH_COALESCE_MS);
    api.agentLists = ['error'];
    push(realtime, 'agent.state_changed');
    expect(store.loadError()?.status).toBe(503);
    expect(store.rows()).toHaveLength(3);
  });

  it('filters the grid by team and by state', () => {
    const { store } = setup();
    expect(store.teams()).toEqual([blue, red]);
    store.filterTeam('blue');
    expect(store.rows().map((row) => row.agent.userId)).toEqual(['ada', 'cy']);
    store.filterState('not_ready');
    expect(store.rows().map((row) => row.agent.userId)).toEqual(['cy']);
    store.filterTeam(null);
    store.filterState('ready');
    expect(store.rows().map((row) => row.agent.userId)).toEqual(['bob']);
    store.filterState(null);
    expect(store.rows()).toHaveLength(3);
  });

  it('ticks time in state, call duration and the longest wait every second', () => {
    const { store, api, realtime, advance } = setup();
    expect(store.timers()['ada']).toEqual({ inState: '00:00', onCall: '00:00' });
    advance(5000);
    expect(store.timers()['ada']).toEqual({ inState: '00:05', onCall: '00:03' });
    api.queueLists = [
      [queue('sales', { waiting: 2, oldestQueuedAt: new Date(1000).toISOString() })],
    ];
    push(realtime, 'call.queued');
    advance(2000);
    expect(store.longestWaits()).toEqual({ sales: '00:06' });
  });

  it('forces a state with its reason and locks, keeping the agent’s teams', async () => {
    const { store, agentsApi } = setup();
    const cy = store.rows()[2]!.agent;
    await store.forceState(cy, 'ready');
    await store.forceState(store.rows()[1]!.agent, 'not_ready', 'meeting');
    await store.setLocked(cy, true);
    expect(agentsApi.commands).toEqual(['cy ready', 'bob not_ready meeting', 'cy lock']);
    expect(store.rows()[2]?.agent).toMatchObject({
      state: 'offline',
      locked: true,
      teams: [blue, red],
    });
    expect(store.rows()[1]?.agent).toMatchObject({ state: 'not_ready', reason: 'meeting' });
  });
});
