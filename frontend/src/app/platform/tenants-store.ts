import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { ApiError, EMPTY_META, PageMeta } from '../shared/api/api-types';
import { withMutation } from '../shared/store/with-mutation';
import { PlatformApi, PlatformTenant } from './platform-api';

interface TenantsState {
  readonly page: { readonly page: number; readonly perPage: number };
  readonly tenants: PlatformTenant[];
  readonly meta: PageMeta;
  readonly loading: boolean;
  readonly loadError: ApiError | null;
}

/** State of the platform tenants table. */
export const TenantsStore = signalStore(
  withState<TenantsState>({
    page: { page: 1, perPage: 20 },
    tenants: [],
    meta: EMPTY_META,
    loading: false,
    loadError: null,
  }),
  withMutation(),
  withMethods((store, api = inject(PlatformApi)) => ({
    load: rxMethod<{ page: number; perPage: number }>(
      pipe(
        tap(() => patchState(store, { loading: true, loadError: null })),
        switchMap(({ page, perPage }) =>
          api.tenants(page, perPage).pipe(
            tap((result) =>
              patchState(store, { tenants: result.data, meta: result.meta, loading: false }),
            ),
            catchError((err: unknown) => {
              patchState(store, { loading: false, loadError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
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
