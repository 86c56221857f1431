import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, exhaustMap, of, pipe, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { EMPTY_META, PageMeta } from '../shared/api/api-types';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { TrackingApi, TrackingInput, TrackingRecord } from './tracking-api';
import { appendRecords, replaceRecord } from './tracking-records';

/** Records per page of the timeline. */
export const TRACKING_PAGE_SIZE = 20;

interface TrackingState {
  readonly customerId: string | null;
  readonly records: TrackingRecord[];
  readonly meta: PageMeta;
  readonly loadingMore: boolean;
}

/** One customer's timeline of tracking records: newest first, paged, with quick entry. */
export const TrackingStore = signalStore(
  withState<TrackingState>({
    customerId: null,
    records: [],
    meta: EMPTY_META,
    loadingMore: false,
  }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    hasMore: computed(() => store.meta().currentPage < store.meta().lastPage),
  })),
  withMethods((store, api = inject(TrackingApi)) => ({
    /** Shows the first page of a customer's records. */
    load: loadMethod(
      store,
      (customerId: string) => {
        patchState(store, { customerId, records: [], meta: EMPTY_META });
        return api.list(customerId, 1, TRACKING_PAGE_SIZE);
      },
      (page) => patchState(store, { records: page.data, meta: page.meta }),
    ),
    /** Appends the next page (ignored while one is on its way). */
    loadMore: rxMethod<void>(
      pipe(
        exhaustMap(() => {
          const customerId = store.customerId();
          if (!customerId || !store.hasMore()) return of(null);
          patchState(store, { loadingMore: true, loadError: null });
          return api.list(customerId, store.meta().currentPage + 1, TRACKING_PAGE_SIZE).pipe(
            tap((page) =>
              patchState(store, {
                records: appendRecords(store.records(), page.data),
                meta: page.meta,
                loadingMore: false,
              }),
            ),
            catchError((err: unknown) => {
              patchState(store, { loadingMore: false, loadError: toApiError(err) });
              return of(null);
            }),
          );
        }),
      ),
    ),
    /** Logs a record for the loaded customer; it goes on top of the timeline. */
    async create(body: TrackingInput) {
      const customerId = store.customerId();
      if (!customerId) throw new Error('no customer loaded');
      const outcome = await store.mutate(api.create(customerId, body));
      if (outcome.ok) {
        const meta = store.meta();
        patchState(store, {
          records: [outcome.value, ...store.records()],
          meta: { ...meta, total: meta.total + 1 },
        });
      }
      return outcome;
    },
    /** Marks a record's follow-up as done. */
    async markDone(id: string) {
      const outcome = await store.mutate(api.update(id, { done: true }));
      if (outcome.ok) patchState(store, { records: replaceRecord(store.records(), outcome.value) });
      return outcome;
    },
  })),
);
