import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { Observable, of, Subject, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { initialAuthState } from '../auth/auth.reducer';
import { CallsApi } from '../calls/calls-api';
import { CALLS_POLL_MS } from '../calls/calls-feed';
import { CallSummary } from '../shared/api/acd-models';
import { RealtimeClient, RealtimeMessage } from '../shared/realtime/realtime-client';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { PUSH_COALESCE_MS, PushedCallsFeed, SupervisorFeed } from './supervisor-feed';

class FakeRealtime {
  readonly pushes = new Subject<RealtimeMessage>();
  opened = 0;
  channel(): Observable<RealtimeMessage> {
    return new Observable<RealtimeMessage>((subscriber) => {
      this.opened++;
      return this.pushes.subscribe(subscriber);
    });
  }
}

function setup() {
  const realtime = new FakeRealtime();
  const scheduler = new VirtualTimeScheduler(VirtualAction, 0);
  let reads = 0;
  TestBed.configureTestingModule({
    providers: [
      SupervisorFeed,
      PushedCallsFeed,
      provideMockStore({ initialState: { auth: { ...initialAuthState, tenant: { id: 't-1' } } } }),
      { provide: RealtimeClient, useValue: realtime },
      { provide: POLL_SCHEDULER, useValue: scheduler },
      { provide: CallsApi, useValue: { live: (): Observable<CallSummary[]> => (reads++, of([])) } },
    ],
  });
  const event = (): void =>
    realtime.pushes.next({
      type: 'event',
      channel: 'tenant/t-1/wallboard',
      seq: 1,
      event: { id: 'e', type: 'call.ended', occurredAt: '', payload: {} },
    });
  return { realtime, scheduler, event, reads: () => reads };
}

describe('SupervisorFeed', () => {
  it('reads the live calls at once and on pushes only, never on a timer', () => {
    const { scheduler, event, reads } = setup();
    const outcomes: unknown[] = [];
    TestBed.inject(PushedCallsFeed)
      .watch()
      .subscribe((outcome) => outcomes.push(outcome));
    expect(reads()).toBe(1);
    scheduler.maxFrames = CALLS_POLL_MS * 3;
    scheduler.flush();
    expect(reads()).toBe(1);
    event();
    expect(reads()).toBe(2);
    expect(outcomes).toEqual([
      { ok: true, value: [] },
      { ok: true, value: [] },
    ]);
  });

  it('shares one socket between its readers', () => {
    const { realtime, scheduler, event, reads } = setup();
    const feed = TestBed.inject(SupervisorFeed);
    feed.watch(() => of(1)).subscribe();
    TestBed.inject(PushedCallsFeed).watch().subscribe();
    expect(realtime.opened).toBe(1);
    scheduler.maxFrames = PUSH_COALESCE_MS;
    scheduler.flush();
    event();
    expect(reads()).toBe(2);
  });
});
