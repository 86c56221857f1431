import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { Locale } from '../shared/api/models';
import { withMutation } from '../shared/store/with-mutation';
import { AuthApi, MfaSetup } from './auth-api';
import { profileApiEvents } from './auth.events';

/** State of the profile page: own details and the 2FA set-up in progress. */
export const ProfileStore = signalStore(
  withState<{ mfaSetup: MfaSetup | null }>({ mfaSetup: null }),
  withMutation(),
  withMethods((store, api = inject(AuthApi), session = inject(Store)) => ({
    async saveDetails(changes: { displayName: string; locale: Locale }) {
      const outcome = await store.mutate(api.updateMe(changes));
      if (outcome.ok) session.dispatch(profileApiEvents.profileUpdated({ user: outcome.value }));
      return outcome;
    },
    async startMfaSetup() {
      const outcome = await store.mutate(api.setupMfa());
      if (outcome.ok) patchState(store, { mfaSetup: outcome.value });
      return outcome;
    },
    cancelMfaSetup(): void {
      patchState(store, { mfaSetup: null, saveError: null });
    },
    async enableMfa(code: string) {
      const outcome = await store.mutate(api.enableMfa(code));
      if (outcome.ok) {
        patchState(store, { mfaSetup: null });
        session.dispatch(profileApiEvents.mfaChanged({ enabled: true }));
      }
      return outcome;
    },
    async disableMfa(code: string) {
      const outcome = await store.mutate(api.disableMfa(code));
      if (outcome.ok) session.dispatch(profileApiEvents.mfaChanged({ enabled: false }));
      return outcome;
    },
  })),
);
