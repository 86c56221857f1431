import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { forkJoin } from 'rxjs';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { CustomerDuplicate, CustomerMerge, CustomerMergeApi } from './customer-merge-api';
import { rankDuplicates } from './customer-merge';

interface CustomerMergeState {
  readonly customerId: string | null;
  readonly duplicates: CustomerDuplicate[];
  readonly merges: CustomerMerge[];
}

/** Possible duplicates of one customer, the customers merged into it, and the merge itself. */
export const CustomerMergeStore = signalStore(
  withState<CustomerMergeState>({ customerId: null, duplicates: [], merges: [] }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(CustomerMergeApi)) => ({
    /** Reads a customer's possible duplicates and what was merged into it. */
    load: loadMethod(
      store,
      (customerId: string) => {
        patchState(store, { customerId, duplicates: [], merges: [] });
        return forkJoin({ duplicates: api.duplicates(customerId), merges: api.merges(customerId) });
      },
      ({ duplicates, merges }) =>
        patchState(store, { duplicates: rankDuplicates(duplicates), merges }),
    ),
    /**
     * Merges a duplicate into the loaded customer. On success both lists are read again (the
     * customer now has more numbers, so other duplicates may show) and the outcome carries the
     * kept customer as it now is.
     */
    async merge(duplicate: CustomerDuplicate) {
      const customerId = store.customerId();
      if (!customerId) throw new Error('no customer loaded');
      const outcome = await store.mutate(api.merge(customerId, duplicate.id));
      if (outcome.ok) {
        patchState(store, { duplicates: store.duplicates().filter((d) => d.id !== duplicate.id) });
        this.load(customerId);
      }
      return outcome;
    },
  })),
);
