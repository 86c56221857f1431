import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { initialAuthState } from '../../auth/auth.reducer';
import { AgentSelf } from '../../shared/api/acd-models';
import { RealtimeClient } from '../../shared/realtime/realtime-client';
import { FakeRealtime } from '../../shared/realtime/testing/fake-realtime';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { QueueStats } from '../../supervisor/supervisor-api';
import {
  callEventKey,
  MY_QUEUES_POLL_MS,
  MY_QUEUES_PUSH_COALESCE_MS,
  MyQueuesStore,
} from './my-queues-store';

const STATS = '/api/v1/queues/stats';
const EPOCH = new Date(0).toISOString();

const queue = (queueId: string, memberIds: string[], waiting = 0): QueueStats => ({
  queueId,
  name: queueId,
  serviceLevelSeconds: 20,
  waiting,
  oldestQueuedAt: waiting > 0 ? EPOCH : null,
  offered: 0,
  answered: 0,
  abandoned: 0,
  answeredWithinThreshold: 0,
  serviceLevel: null,
  agentsReady: 1,
  agentsBusy: 0,
  memberIds,
  since: EPOCH,
});

const FIGURES = [
  queue('sales', ['ada', 'bob'], 2),
  queue('vip', ['bob']),
  queue('support', ['ada']),
];

/** A store following a call event key the test changes, for a session holding `permissions`. */
function setup(permissions = ['calls.handle', 'queues.view'], live = false) {
  const scheduler = new VirtualTimeScheduler(VirtualAction, 0);
  const realtime = new FakeRealtime();
  TestBed.configureTestingModule({
    providers: [
      MyQueuesStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      provideMockStore({
        initialState: {
          auth: { ...initialAuthState, user: { id: 'ada' }, tenant: { id: 't-1' }, permissions },
        },
      }),
      { provide: POLL_SCHEDULER, useValue: scheduler },
      { provide: RealtimeClient, useValue: realtime },
    ],
  });
  const store = TestBed.inject(MyQueuesStore);
  const http = TestBed.inject(HttpTestingController);
  const events = signal('ready||');
  TestBed.runInInjectionContext(() => {
    if (live) {
      // As the card wires it: pushes on the queue channels are part of the key.
      store.follow(computed(() => `${events()}#${store.pushes()}`));
      store.followQueues(store.queueKey);
    } else {
      store.follow(events);
    }
  });
  // The scheduler's frame only moves when an action runs, so the elapsed time is counted here.
  let elapsed = 0;
  const advance = (ms: number) => {
    TestBed.tick();
    elapsed += ms;
    scheduler.maxFrames = elapsed;
    scheduler.flush();
  };
  return { store, http, events, advance, realtime };
}

describe('MyQueuesStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('keeps only the queues that list the agent as a member', () => {
    const { store, http, advance } = setup();
    advance(0);
    http.expectOne(STATS).flush({ data: FIGURES });
    expect(store.mine().map((q) => q.queueId)).toEqual(['sales', 'support']);
  });

  it('re-reads at once when a call event changes the agent state', () => {
    const { store, http, events, advance } = setup();
    advance(0);
    http.expectOne(STATS).flush({ data: FIGURES });
    events.set('busy||call-1|connected');
    advance(0);
    http.expectOne(STATS).flush({ data: [queue('sales', ['ada'], 1)] });
    expect(store.mine().map((q) => q.waiting)).toEqual([1]);
  });

  it('re-reads every 15 s when nothing happens, and not sooner', () => {
    const { http, advance } = setup();
    advance(0);
    http.expectOne(STATS).flush({ data: FIGURES });
    advance(MY_QUEUES_POLL_MS - 1);
    http.expectNone(STATS);
    advance(1);
    http.expectOne(STATS).flush({ data: FIGURES });
  });

  it('keeps the last figures when a read fails', () => {
    const { store, http, advance } = setup();
    advance(0);
    http.expectOne(STATS).flush({ data: FIGURES });
    advance(MY_QUEUES_POLL_MS);
    http.expectOne(STATS).flush(null, { status: 503, statusText: 'Unavailable' });
    expect(store.mine()).toHaveLength(2);
  });

  it('follows the channels of the agent’s queues and re-reads on their pushes, bursts coalesced', () => {
    const { store, http, advance, realtime } = setup(undefined, true);
    advance(0);
    http.expectOne(STATS).flush({ data: FIGURES });
    advance(0);
    expect(realtime.asked).toEqual(['tenant/t-1/queue/sales', 'tenant/t-1/queue/support']);

    // The snapshot each channel starts with says nothing new.
    realtime.snapshot('tenant/t-1/queue/sales');
    advance(0);
    http.expectNone(STATS);

    realtime.event('tenant/t-1/queue/sales', 'call.queued');
    advance(0);
    http.expectOne(STATS).flush({ data: [queue('sales', ['ada'], 3), queue('support', ['ada'])] });
    expect(store.mine().map((q) => q.waiting)).toEqual([3, 0]);

    realtime.event('tenant/t-1/queue/support', 'call.queued');
    realtime.event('tenant/t-1/queue/sales', 'call.offered');
    advance(0);
    http.expectNone(STATS);
    advance(MY_QUEUES_PUSH_COALESCE_MS);
    advance(0);
    http.expectOne(STATS).flush({ data: [queue('support', ['ada'])] });
    advance(0);
    expect(realtime.followed('tenant/t-1/queue/sales')).toBe(false);
    expect(realtime.followed('tenant/t-1/queue/support')).toBe(true);
  });

  it('never asks for the figures without queues.view', () => {
    const { store, http, advance } = setup(['calls.handle']);
    advance(MY_QUEUES_POLL_MS * 2);
    http.expectNone(STATS);
    expect(store.allowed()).toBe(false);
    expect(store.mine()).toEqual([]);
  });
});

describe('callEventKey', () => {
  it('changes with the offer and the call, not with unrelated fields', () => {
    const agent = { state: 'ready', offer: null, call: null } as unknown as AgentSelf;
    const offered = { ...agent, offer: { id: 'o-1' } } as unknown as AgentSelf;
    expect(callEventKey(agent)).not.toBe(callEventKey(offered));
    expect(callEventKey({ ...agent, since: 'later' } as AgentSelf)).toBe(callEventKey(agent));
  });
});
