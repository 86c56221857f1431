import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { DueFollowUp, TrackingApi } from './tracking-api';

/** The signed-in user's follow-ups due today or overdue, oldest first. */
export const FollowUpsStore = signalStore(
  withState<{ items: DueFollowUp[] }>({ items: [] }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(TrackingApi)) => ({
    load: loadMethod(
      store,
      () => api.due(),
      (items) => patchState(store, { items }),
    ),
    /** Marks a follow-up done: it leaves the list. */
    async markDone(id: string) {
      const outcome = await store.mutate(api.update(id, { done: true }));
      if (outcome.ok) patchState(store, { items: store.items().filter((item) => item.id !== id) });
      return outcome;
    },
  })),
);
