import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, Subject, throwError, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { AgentSelf, AgentStateInput, AgentStatus } from '../shared/api/acd-models';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AgentsApi } from './agents-api';
import { AGENTS_POLL_MS } from './agents-feed';
import { provideMockStore } from '@ngrx/store/testing';
import { initialAuthState } from '../auth/auth.reducer';
import { RealtimeClient, RealtimeMessage } from '../shared/realtime/realtime-client';
import { AgentsStore } from './agents-store';

const agent = (userId: string, extra: Partial<AgentStatus> = {}): AgentStatus => ({
  userId,
  displayName: userId,
  state: 'offline',
  reason: null,
  locked: false,
  since: null,
  currentCallId: null,
  ...extra,
});

const self = (status: AgentStatus): AgentSelf => ({ ...status, offer: null, call: null });

/** An AgentsApi answering each poll with the next list of the script. */
class FakeAgentsApi {
  lists: (AgentStatus[] | 'error')[] = [[agent('ada'), agent('bob', { state: 'ready' })]];
  polls = 0;
  readonly commands: string[] = [];
  list(): Observable<AgentStatus[]> {
    this.polls++;
    const next = this.lists.length > 1 ? this.lists.shift()! : this.lists[0]!;
    return next === 'error' ? throwError(() => new HttpErrorResponse({ status: 503 })) : of(next);
  }
  forceState(id: string, body: AgentStateInput): Observable<AgentSelf> {
    this.commands.push(`${id} ${body.state} ${body.reason ?? ''}`.trim());
    if (id === 'busy-one') {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              error: {
                code: 'E_CONFLICT',
                message: 'Cannot change to ready: not allowed from busy',
              },
            },
          }),
      );
    }
    return of(self(agent(id, { state: body.state, reason: body.reason ?? null })));
  }
  setLocked(id: string, locked: boolean): Observable<AgentSelf> {
    this.commands.push(`${id} ${locked ? 'lock' : 'unlock'}`);
    return of(self(agent(id, { locked })));
  }
}

/** Stands in for the realtime socket: the test pushes messages on the wallboard channel. */
class FakeRealtime {
  readonly pushes = new Subject<RealtimeMessage>();
  channels: string[] = [];
  channel(name: string): Observable<RealtimeMessage> {
    this.channels.push(name);
    return this.pushes;
  }
}

function setup(maxFrames = 0) {
  const api = new FakeAgentsApi();
  const realtime = new FakeRealtime();
  const scheduler = new VirtualTimeScheduler(VirtualAction, maxFrames);
  TestBed.configureTestingModule({
    providers: [
      AgentsStore,
      provideMockStore({ initialState: { auth: { ...initialAuthState, tenant: { id: 't-1' } } } }),
      { provide: AgentsApi, useValue: api },
      { provide: RealtimeClient, useValue: realtime },
      { provide: POLL_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(AgentsStore);
  TestBed.tick();
  return { store, api, scheduler, realtime };
}

describe('AgentsStore', () => {
  it('re-reads the agents at once when a change is pushed on the wallboard channel', () => {
    const { api, realtime } = setup();
    expect(realtime.channels).toEqual(['tenant/t-1/wallboard']);
    const before = api.polls;
    realtime.pushes.next({
      type: 'event',
      channel: 'tenant/t-1/wallboard',
      seq: 1,
      event: { id: 'e', type: 'agent.state_changed', occurredAt: '', payload: {} },
    });
    expect(api.polls).toBe(before + 1);
  });

  it('shows the agents as soon as the page opens', () => {
    const { store, scheduler } = setup();
    scheduler.flush();
    expect(store.agents().map((a) => a.userId)).toEqual(['ada', 'bob']);
    expect(store.loading()).toBe(false);
    expect(store.counts()).toEqual({ offline: 1, ready: 1 });
  });

  it('asks again on the slow poll, in case the socket is down', () => {
    const { store, api, scheduler } = setup(AGENTS_POLL_MS * 2);
    api.lists = [
      [agent('ada')],
      [agent('ada', { state: 'ready' })],
      [agent('ada', { state: 'busy' })],
    ];
    scheduler.flush();
    expect(api.polls).toBe(3);
    expect(store.agents()[0]?.state).toBe('busy');
  });

  it('keeps the last table and shows the error when a poll fails, then recovers', () => {
    const { store, api, scheduler } = setup(AGENTS_POLL_MS);
    api.lists = [[agent('ada')], 'error'];
    scheduler.flush();
    expect(store.agents().map((a) => a.userId)).toEqual(['ada']);
    expect(store.loadError()?.status).toBe(503);

    api.lists = [[agent('ada', { state: 'ready' })]];
    scheduler.maxFrames = AGENTS_POLL_MS * 2;
    scheduler.flush();
    expect(store.loadError()).toBeNull();
    expect(store.agents()[0]?.state).toBe('ready');
  });

  it('forces an agent not ready with the chosen reason and shows the answer at once', async () => {
    const { store, api, scheduler } = setup();
    scheduler.flush();
    const outcome = await store.forceState(store.agents()[1]!, 'not_ready', 'lunch');
    expect(outcome.ok).toBe(true);
    expect(api.commands).toEqual(['bob not_ready lunch']);
    expect(store.agents()[1]).toMatchObject({ state: 'not_ready', reason: 'lunch' });
  });

  it('sends no reason when forcing ready', async () => {
    const { store, api, scheduler } = setup();
    scheduler.flush();
    await store.forceState(store.agents()[0]!, 'ready');
    expect(api.commands).toEqual(['ada ready']);
  });

  it('reports a refused change with the server message and keeps the row', async () => {
    const { store, api, scheduler } = setup();
    api.lists = [[agent('busy-one', { state: 'busy' })]];
    scheduler.flush();
    const outcome = await store.forceState(store.agents()[0]!, 'ready');
    expect(!outcome.ok && outcome.error.message).toBe(
      'Cannot change to ready: not allowed from busy',
    );
    expect(store.agents()[0]?.state).toBe('busy');
  });

  it('locks and unlocks an agent', async () => {
    const { store, api, scheduler } = setup();
    scheduler.flush();
    await store.setLocked(store.agents()[0]!, true);
    expect(store.agents()[0]?.locked).toBe(true);
    await store.setLocked(store.agents()[0]!, false);
    expect(store.agents()[0]?.locked).toBe(false);
    expect(api.commands).toEqual(['ada lock', 'ada unlock']);
  });
});
