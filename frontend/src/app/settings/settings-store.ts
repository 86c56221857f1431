import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { Store } from '@ngrx/store';
import { catchError, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { ApiError } from '../shared/api/api-types';
import { withMutation } from '../shared/store/with-mutation';
import { CertificateAuthority, SettingsApi, TenantChanges, TenantSettings } from './settings-api';
import { settingsApiEvents } from '../auth/auth.events';

interface SettingsState {
  readonly tenant: TenantSettings | null;
  readonly tenantLoading: boolean;
  readonly authorities: CertificateAuthority[];
  readonly authoritiesLoading: boolean;
  readonly loadError: ApiError | null;
}

/** State of the tenant settings page: the organisation and its certificate authorities. */
export const SettingsStore = signalStore(
  withState<SettingsState>({
    tenant: null,
    tenantLoading: false,
    authorities: [],
    authoritiesLoading: false,
    loadError: null,
  }),
  withMutation(),
  withMethods((store, api = inject(SettingsApi), session = inject(Store)) => ({
    loadTenant: rxMethod<void>(
      pipe(
        tap(() => patchState(store, { tenantLoading: true, loadError: null })),
        switchMap(() =>
          api.tenant().pipe(
            tap((tenant) => patchState(store, { tenant, tenantLoading: false })),
            catchError((err: unknown) => {
              patchState(store, { tenantLoading: false, loadError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
    ),
    loadAuthorities: rxMethod<void>(
      pipe(
        tap(() => patchState(store, { authoritiesLoading: true })),
        switchMap(() =>
          api.certificateAuthorities().pipe(
            tap((authorities) => patchState(store, { authorities, authoritiesLoading: false })),
            catchError((err: unknown) => {
              patchState(store, { authoritiesLoading: false, loadError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
    ),
    async saveTenant(changes: TenantChanges) {
      const outcome = await store.mutate(api.updateTenant(changes));
      if (outcome.ok) {
        patchState(store, { tenant: outcome.value });
        session.dispatch(settingsApiEvents.tenantUpdated({ tenant: outcome.value }));
      }
      return outcome;
    },
    async addAuthority(name: string, pem: string) {
      const outcome = await store.mutate(api.addCertificateAuthority(name, pem));
      if (outcome.ok) patchState(store, { authorities: [...store.authorities(), outcome.value] });
      return outcome;
    },
    async removeAuthority(authority: CertificateAuthority) {
      const outcome = await store.mutate(api.removeCertificateAuthority(authority.id));
      if (outcome.ok) {
        patchState(store, {
          authorities: store.authorities().filter((row) => row.id !== authority.id),
        });
      }
      return outcome;
    },
  })),
);
