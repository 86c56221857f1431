import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { Customer, CustomersApi } from './customers-api';

/** State of one customer's page. */
export const CustomerDetailStore = signalStore(
  withState<{ customer: Customer | null }>({ customer: null }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(CustomersApi)) => ({
    load: loadMethod(
      store,
      (id: string) => api.get(id),
      (customer) => patchState(store, { customer }),
    ),
    /** Shows what the drawer saved. */
    show(customer: Customer): void {
      patchState(store, { customer });
    },
    async remove() {
      const customer = store.customer();
      if (!customer) throw new Error('no customer loaded');
      return store.mutate(api.remove(customer.id));
    },
  })),
);
