import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { Observable, of, Subject, throwError, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { UserFeed } from '../shared/realtime/user-feed';
import { HttpErrorResponse } from '@angular/common/http';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { QueuesApi } from '../queues/queues-api';
import { callback } from './callback-fixture';
import {
  Callback,
  CallbackQuery,
  CallbacksApi,
  RescheduleCallbackInput,
  ScheduleCallbackInput,
} from './callbacks-api';
import { CALLBACKS_POLL_MS, CallbacksStore } from './callbacks-store';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A CallbacksApi answering from memory and recording what it was asked. */
class FakeCallbacksApi {
  queries: CallbackQuery[] = [];
  listed: Callback[] = [callback('later', inHours(3)), callback('soon', inHours(1))];
  refuse: HttpErrorResponse | null = null;
  list(query: CallbackQuery): Observable<Callback[]> {
    this.queries.push(query);
    return of(this.listed);
  }
  schedule(body: ScheduleCallbackInput): Observable<Callback> {
    if (this.refuse) return throwError(() => this.refuse);
    return of(callback('new', body.dueAt, { number: body.number, mode: body.mode }));
  }
  reschedule(id: string, body: RescheduleCallbackInput): Observable<Callback> {
    return of(callback(id, body.dueAt!));
  }
  cancel(id: string): Observable<Callback> {
    return of(callback(id, inHours(1), { status: 'cancelled' }));
  }
}

function setup() {
  const api = new FakeCallbacksApi();
  const scheduler = new VirtualTimeScheduler(VirtualAction, 0);
  const queues = { list: () => of([{ id: 'q1', name: 'Care' }]) };
  const pushes = new Subject<string>();
  const prefixes: string[][] = [];
  const feed = {
    changes: (...wanted: string[]) => {
      prefixes.push(wanted);
      return pushes;
    },
  };
  TestBed.configureTestingModule({
    providers: [
      CallbacksStore,
      { provide: CallbacksApi, useValue: api },
      { provide: QueuesApi, useValue: queues },
      { provide: POLL_SCHEDULER, useValue: scheduler },
      { provide: UserFeed, useValue: feed },
    ],
  });
  /** Lets `ms` of virtual time pass (and the signal effects run). */
  const advance = (ms: number) => {
    TestBed.tick();
    scheduler.maxFrames += ms;
    scheduler.flush();
  };
  return { store: TestBed.inject(CallbacksStore), api, advance, pushes, prefixes };
}

describe('CallbacksStore', () => {
  it('follows the upcoming callbacks: at once, on each call event, and every 30 s', () => {
    const { store, api, advance } = setup();
    const key = signal('ready');
    store.follow(key);
    advance(0);
    expect(api.queries).toEqual([{ status: 'open' }]);
    expect(store.callbacks().map((c) => c.id)).toEqual(['soon', 'later']);
    key.set('reserved|offer-1');
    advance(0);
    expect(api.queries).toHaveLength(2);
    advance(CALLBACKS_POLL_MS - 1);
    expect(api.queries).toHaveLength(2);
    advance(1);
    expect(api.queries).toHaveLength(3);
  });

  it('re-reads when the user’s callbacks change elsewhere, once per burst', () => {
    const { store, api, advance, pushes, prefixes } = setup();
    store.load({ status: 'open' });
    TestBed.runInInjectionContext(() => store.followLive());
    expect(prefixes).toEqual([['callback.']]);
    const before = api.queries.length;
    pushes.next('callback.scheduled');
    pushes.next('callback.queued');
    advance(0);
    expect(api.queries.length).toBe(before + 1);
    advance(500);
    expect(api.queries.length).toBe(before + 2);
    expect(api.queries.at(-1)).toEqual({ status: 'open' });
  });

  it('books a callback into the list by due time and closes the form', async () => {
    const { store } = setup();
    store.load({ status: 'open' });
    store.openNew({ number: '+8613800138000', queueId: 'q1' });
    expect(store.editing()).toEqual({
      kind: 'new',
      prefill: { number: '+8613800138000', queueId: 'q1' },
    });
    expect(store.queues()).toEqual([{ id: 'q1', name: 'Care' }]);
    const outcome = await store.schedule({
      number: '+8613800138000',
      dueAt: inHours(2),
      queueId: 'q1',
      mode: 'queue',
    });
    expect(outcome.ok).toBe(true);
    expect(store.callbacks().map((c) => c.id)).toEqual(['soon', 'new', 'later']);
    expect(store.editing()).toBeNull();
  });

  it('keeps the form open with the 422 when booking is refused', async () => {
    const { store, api } = setup();
    api.refuse = new HttpErrorResponse({
      status: 422,
      error: {
        errors: [{ field: 'number', rule: 'phoneNumber', message: 'This is not a phone number' }],
      },
    });
    store.openNew({});
    const outcome = await store.schedule({
      number: 'x',
      dueAt: inHours(2),
      queueId: 'q1',
      mode: 'personal',
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.fieldErrors.map((e) => e.field)).toEqual(['number']);
    expect(store.editing()?.kind).toBe('new');
    expect(store.saveError()?.status).toBe(422);
  });

  it('moves a rescheduled callback and drops a cancelled one from the upcoming list', async () => {
    const { store } = setup();
    store.load({ status: 'open' });
    store.openReschedule(store.callbacks()[0]!);
    expect(store.editingCallback()?.id).toBe('soon');
    await store.reschedule('soon', { dueAt: inHours(5) });
    expect(store.callbacks().map((c) => c.id)).toEqual(['later', 'soon']);
    await store.cancel(store.callbacks()[0]!);
    expect(store.callbacks().map((c) => c.id)).toEqual(['soon']);
  });

  it('groups a calendar range by local day, leaving out cancelled ones', () => {
    const { store, api } = setup();
    const day = new Date(2026, 5, 10, 9, 30);
    api.listed = [
      callback('a', day.toISOString()),
      callback('b', new Date(2026, 5, 10, 15, 0).toISOString(), { status: 'completed' }),
      callback('c', new Date(2026, 5, 10, 16, 0).toISOString(), { status: 'cancelled' }),
    ];
    store.load({ from: new Date(2026, 5, 1), to: new Date(2026, 6, 1) });
    expect(
      store
        .byDay()
        .get('2026-06-10')
        ?.map((c) => c.id),
    ).toEqual(['a', 'b']);
  });
});
