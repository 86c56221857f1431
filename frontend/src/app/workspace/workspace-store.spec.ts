import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, Subject, throwError, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { AgentSelf, AgentStateInput, Call } from '../shared/api/acd-models';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AgentApi, QueueName } from './agent-api';
import { AGENT_POLL_MS } from './agent-feed';
import { provideMockStore } from '@ngrx/store/testing';
import { initialAuthState } from '../auth/auth.reducer';
import { RealtimeClient, RealtimeMessage } from '../shared/realtime/realtime-client';
import { WorkspaceStore } from './workspace-store';

const call: Call = {
  id: 'c-1',
  direction: 'inbound',
  channel: 'voice',
  status: 'offered',
  ani: '+8613800138000',
  dnis: '4001',
  queueId: 'q-sales',
  agentId: 'u-1',
  createdAt: null,
  queuedAt: null,
  offeredAt: null,
  answeredAt: null,
  endedAt: null,
  endReason: null,
};

const agent = (extra: Partial<AgentSelf> = {}): AgentSelf => ({
  userId: 'u-1',
  displayName: 'Ann Agent',
  state: 'offline',
  reason: null,
  locked: false,
  since: null,
  currentCallId: null,
  offer: null,
  call: null,
  ...extra,
});

const ringing = agent({
  state: 'reserved',
  currentCallId: 'c-1',
  offer: { id: 'o-1', callId: 'c-1', offeredAt: null, expiresAt: null },
  call,
});

const conflict = (message: string) =>
  new HttpErrorResponse({ status: 409, error: { error: { code: 'E_CONFLICT', message } } });

/** An AgentApi whose GET /agent answers the script in turn and whose commands are recorded. */
class FakeAgentApi {
  states: AgentSelf[] = [agent()];
  polls = 0;
  readonly sent: string[] = [];
  /** When set, the next command answers only when this subject emits. */
  hold: Subject<AgentSelf> | null = null;
  me(): Observable<AgentSelf> {
    this.polls++;
    return of(this.states.length > 1 ? this.states.shift()! : this.states[0]!);
  }
  setState(body: AgentStateInput): Observable<AgentSelf> {
    this.sent.push(`state ${body.state}${body.reason ? ' ' + body.reason : ''}`);
    if (this.states[0]?.locked) {
      return throwError(() =>
        conflict('Cannot change to ready: your supervisor has locked your state'),
      );
    }
    const next = agent({ state: body.state, reason: body.reason ?? null });
    return this.hold ?? of(next);
  }
  accept(id: string): Observable<AgentSelf> {
    this.sent.push(`accept ${id}`);
    return of(
      agent({ state: 'busy', currentCallId: 'c-1', call: { ...call, status: 'connected' } }),
    );
  }
  reject(id: string): Observable<AgentSelf> {
    this.sent.push(`reject ${id}`);
    return of(agent({ state: 'ready' }));
  }
  hangUp(id: string): Observable<AgentSelf> {
    this.sent.push(`hangup ${id}`);
    return of(agent({ state: 'wrap_up' }));
  }
  queueNames(): Observable<QueueName[]> {
    return of([{ id: 'q-sales', name: 'Sales' }]);
  }
}

/** Stands in for the realtime socket: the test pushes messages on the agent's channel. */
class FakeRealtime {
  readonly pushes = new Subject<RealtimeMessage>();
  channels: string[] = [];
  channel(name: string): Observable<RealtimeMessage> {
    this.channels.push(name);
    return this.pushes;
  }
}

function setup(states: AgentSelf[], maxFrames = 0) {
  const api = new FakeAgentApi();
  api.states = states;
  const realtime = new FakeRealtime();
  const scheduler = new VirtualTimeScheduler(VirtualAction, maxFrames);
  TestBed.configureTestingModule({
    providers: [
      WorkspaceStore,
      provideMockStore({
        initialState: { auth: { ...initialAuthState, user: { id: 'u-1' }, tenant: { id: 't-1' } } },
      }),
      { provide: AgentApi, useValue: api },
      { provide: RealtimeClient, useValue: realtime },
      { provide: POLL_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(WorkspaceStore);
  TestBed.tick();
  scheduler.flush();
  return { store, api, scheduler, realtime };
}

describe('WorkspaceStore', () => {
  it("listens on the agent's own realtime channel and re-reads the state when something is pushed", () => {
    const { store, api, realtime } = setup([agent(), agent({ state: 'ready' }), ringing]);
    expect(realtime.channels).toEqual(['tenant/t-1/agent/u-1']);
    const before = api.polls;
    realtime.pushes.next({
      type: 'event',
      channel: 'tenant/t-1/agent/u-1',
      seq: 1,
      event: { id: 'e', type: 'call.offered', occurredAt: '', payload: {} },
    });
    expect(api.polls).toBe(before + 1);
    expect(store.mode()).toBe('idle');
    realtime.pushes.next({
      type: 'event',
      channel: 'tenant/t-1/agent/u-1',
      seq: 2,
      event: { id: 'f', type: 'agent.state_changed', occurredAt: '', payload: {} },
    });
    expect(store.mode()).toBe('ringing');
  });

  it('shows the agent signed out until they choose a state', () => {
    const { store } = setup([agent()]);
    expect(store.mode()).toBe('offline');
    expect([...store.choices()].sort()).toEqual(['not_ready', 'ready']);
    expect(store.loading()).toBe(false);
  });

  it('picks up an offer on the next slow poll even without the socket', () => {
    const { store, api, scheduler } = setup([agent({ state: 'ready' }), ringing], AGENT_POLL_MS);
    expect(api.polls).toBe(2);
    expect(store.mode()).toBe('ringing');
    expect(store.queueName()).toBe('Sales');
    scheduler.maxFrames = AGENT_POLL_MS * 3;
    scheduler.flush();
    expect(api.polls).toBe(4);
  });

  it('goes not ready with the chosen reason', async () => {
    const { store, api } = setup([agent({ state: 'ready' })]);
    const outcome = await store.setState('not_ready', 'lunch');
    expect(outcome.ok).toBe(true);
    expect(api.sent).toEqual(['state not_ready lunch']);
    expect(store.agent()).toMatchObject({ state: 'not_ready', reason: 'lunch' });
  });

  it('answers the pending offer and shows the connected call', async () => {
    const { store, api } = setup([ringing]);
    await store.answer();
    expect(api.sent).toEqual(['accept o-1']);
    expect(store.mode()).toBe('connected');
  });

  it('declines the pending offer', async () => {
    const { store, api } = setup([ringing]);
    await store.decline();
    expect(api.sent).toEqual(['reject o-1']);
    expect(store.mode()).toBe('idle');
  });

  it('hangs up into wrap-up, from where the agent chooses ready or not ready', async () => {
    const { store, api } = setup([agent({ state: 'busy', currentCallId: 'c-1', call })]);
    await store.hangUp();
    expect(api.sent).toEqual(['hangup c-1']);
    expect(store.mode()).toBe('wrap_up');
    expect([...store.choices()].sort()).toEqual(['not_ready', 'ready']);
  });

  it('hands back the server message when a change is refused', async () => {
    const { store } = setup([agent({ state: 'not_ready', locked: true })]);
    const outcome = await store.setState('ready');
    expect(!outcome.ok && outcome.error).toMatchObject({
      status: 409,
      message: 'Cannot change to ready: your supervisor has locked your state',
    });
    expect(store.agent()?.state).toBe('not_ready');
  });

  it('sends nothing to answer when no offer is pending', async () => {
    const { store, api } = setup([agent({ state: 'ready' })]);
    const outcome = await store.answer();
    expect(outcome.ok).toBe(false);
    expect(api.sent).toEqual([]);
  });

  it('lets the answer of a command win over a poll that arrives meanwhile', async () => {
    const { store, api, scheduler } = setup([agent({ state: 'ready' })], 0);
    api.hold = new Subject<AgentSelf>();
    const changing = store.setState('offline');
    api.states = [agent({ state: 'not_ready', reason: 'break' })];
    scheduler.maxFrames = AGENT_POLL_MS;
    scheduler.flush();
    expect(store.agent()?.state).toBe('ready');
    api.hold.next(agent({ state: 'offline' }));
    api.hold.complete();
    await changing;
    expect(store.agent()?.state).toBe('offline');
  });
});
