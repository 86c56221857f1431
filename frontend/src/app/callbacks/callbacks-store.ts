import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, distinctUntilChanged, of, pipe, switchMap, tap, throttleTime, timer } from 'rxjs';
import { UserFeed } from '../shared/realtime/user-feed';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { QueuesApi } from '../queues/queues-api';
import { dayKey } from '../calendar/lunar-day';
import { byDueAt, matchesQuery } from './callback-rules';
import {
  Callback,
  CallbackQuery,
  CallbacksApi,
  RescheduleCallbackInput,
  ScheduleCallbackInput,
} from './callbacks-api';

/** How often the list is read again when nothing else made it do so. */
export const CALLBACKS_POLL_MS = 30_000;

/** Pushes closer together than this lead to one re-read. */
export const CALLBACKS_PUSH_COALESCE_MS = 500;

/** What a new callback starts with (the call's number, customer and queue). */
export interface CallbackPrefill {
  readonly number?: string | null;
  readonly customerId?: string | null;
  readonly customerName?: string | null;
  readonly queueId?: string | null;
}

/** The callback form: booking a new one (with its prefill) or moving an existing one. */
export type CallbackEditing =
  | { readonly kind: 'new'; readonly prefill: CallbackPrefill }
  | { readonly kind: 'edit'; readonly callback: Callback };

/** A queue the form offers. */
export interface QueueOption {
  readonly id: string;
  readonly name: string;
}

interface CallbacksState {
  /** The user's callbacks matching `query`, by due time. */
  readonly callbacks: Callback[];
  readonly query: CallbackQuery;
  readonly editing: CallbackEditing | null;
  readonly queues: QueueOption[] | null;
}

/**
 * The signed-in user's own callbacks (upcoming ones in the workspace, a date range in the
 * calendar) and the booking form. Provided per page: the workspace and the calendar each have one.
 */
export const CallbacksStore = signalStore(
  withState<CallbacksState>({
    callbacks: [],
    query: { status: 'open' },
    editing: null,
    queues: null,
  }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    /** The loaded callbacks that were not cancelled, by local day (`yyyy-MM-dd`). */
    byDay: computed(() => {
      const days = new Map<string, Callback[]>();
      for (const callback of store.callbacks()) {
        if (callback.status === 'cancelled') continue;
        const key = dayKey(new Date(callback.dueAt));
        days.set(key, [...(days.get(key) ?? []), callback]);
      }
      return days;
    }),
    /** The callback being moved, when the form edits one. */
    editingCallback: computed(() => {
      const editing = store.editing();
      return editing?.kind === 'edit' ? editing.callback : null;
    }),
  })),
  withMethods(
    (
      store,
      api = inject(CallbacksApi),
      queuesApi = inject(QueuesApi),
      scheduler = inject(POLL_SCHEDULER),
      feed = inject(UserFeed),
    ) => {
      /** Puts a changed callback where the loaded query wants it (or takes it out). */
      const apply = (callback: Callback): void => {
        const others = store.callbacks().filter((c) => c.id !== callback.id);
        const callbacks = matchesQuery(callback, store.query())
          ? byDueAt([...others, callback])
          : others;
        patchState(store, { callbacks });
      };
      /** The queues the form offers, read once. */
      const loadQueues = (): void => {
        if (store.queues() !== null) return;
        queuesApi
          .list()
          .pipe(catchError(() => of([])))
          .subscribe((queues) =>
            patchState(store, { queues: queues.map(({ id, name }) => ({ id, name })) }),
          );
      };
      const read = (query: CallbackQuery) =>
        api.list(query).pipe(
          tap((callbacks) =>
            patchState(store, { callbacks: byDueAt(callbacks), loading: false, loadError: null }),
          ),
          // A failed re-read keeps the last list; the first failure shows.
          catchError(() => {
            patchState(store, { loading: false });
            return of(null);
          }),
        );
      return {
        /** Loads the callbacks matching `query` (replacing the shown ones). */
        load: rxMethod<CallbackQuery>(
          pipe(
            tap((query) => patchState(store, { query, loading: true })),
            switchMap((query) => read(query)),
          ),
        ),
        /** Reads the upcoming callbacks now, whenever `key` (a call event key) changes, and every 30 s. */
        follow: rxMethod<string>(
          pipe(
            distinctUntilChanged(),
            switchMap(() =>
              timer(0, CALLBACKS_POLL_MS, scheduler).pipe(switchMap(() => read(store.query()))),
            ),
          ),
        ),
        /**
         * Re-reads the list when one of the user's callbacks changes elsewhere (booked for them by a
         * supervisor, queued, answered, failed) or after a reconnect. Call it in an injection context.
         */
        followLive(): void {
          feed
            .changes('callback.')
            .pipe(
              throttleTime(CALLBACKS_PUSH_COALESCE_MS, scheduler, { leading: true, trailing: true }),
              switchMap(() => read(store.query())),
              takeUntilDestroyed(),
            )
            .subscribe();
        },
        /** Opens the form to book a callback. */
        openNew(prefill: CallbackPrefill = {}): void {
          patchState(store, { editing: { kind: 'new', prefill }, saveError: null });
          loadQueues();
        },
        /** Opens the form to move a callback. */
        openReschedule(callback: Callback): void {
          patchState(store, { editing: { kind: 'edit', callback }, saveError: null });
          loadQueues();
        },
        closeForm(): void {
          patchState(store, { editing: null });
        },
        async schedule(body: ScheduleCallbackInput) {
          const outcome = await store.mutate(api.schedule(body));
          if (outcome.ok) {
            apply(outcome.value);
            patchState(store, { editing: null });
          }
          return outcome;
        },
        async reschedule(id: string, body: RescheduleCallbackInput) {
          const outcome = await store.mutate(api.reschedule(id, body));
          if (outcome.ok) {
            apply(outcome.value);
            patchState(store, { editing: null });
          }
          return outcome;
        },
        async cancel(callback: Callback) {
          const outcome = await store.mutate(api.cancel(callback.id));
          if (outcome.ok) apply(outcome.value);
          return outcome;
        },
      };
    },
  ),
);
