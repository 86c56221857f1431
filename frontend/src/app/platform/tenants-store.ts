import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { EMPTY_META, PageMeta } from '../shared/api/api-types';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { PlatformApi, PlatformTenant } from './platform-api';

interface TenantsState {
  readonly page: { readonly page: number; readonly perPage: number };
  readonly tenants: PlatformTenant[];
  readonly meta: PageMeta;
}

/** State of the platform tenants table. */
export const TenantsStore = signalStore(
  withState<TenantsState>({
    page: { page: 1, perPage: 20 },
    tenants: [],
    meta: EMPTY_META,
  }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(PlatformApi)) => ({
    load: loadMethod(
      store,
      ({ page, perPage }: TenantsState['page']) => api.tenants(page, perPage),
      (result) => patchState(store, { tenants: result.data, meta: result.meta }),
    ),
    changePage(page: number, perPage: number): void {
      const current = store.page();
      if (current.page === page && current.perPage === perPage) return;
      patchState(store, { page: { page: perPage === current.perPage ? page : 1, perPage } });
    },
    async setStatus(tenant: PlatformTenant, action: 'suspend' | 'reactivate') {
      const outcome = await store.mutate(api.setStatus(tenant.id, action));
      if (outcome.ok) {
        const status = action === 'suspend' ? ('suspended' as const) : ('active' as const);
        // Keep the row's userCount even if the answer leaves it out.
        patchState(store, {
          tenants: store
            .tenants()
            .map((row) => (row.id === tenant.id ? { ...row, ...outcome.value, status } : row)),
        });
      }
      return outcome;
    },
  })),
  withHooks({
    onInit(store) {
      store.load(store.page);
    },
  }),
);
