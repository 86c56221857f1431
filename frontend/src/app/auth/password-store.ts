import { inject } from '@angular/core';
import { signalStore, withMethods } from '@ngrx/signals';
import { withMutation } from '../shared/store/with-mutation';
import { AuthApi } from './auth-api';

/** State of the forgot-password and reset-password pages. */
export const PasswordStore = signalStore(
  withMutation(),
  withMethods((store, api = inject(AuthApi)) => ({
    requestReset(tenant: string, email: string) {
      return store.mutate(api.forgotPassword(tenant, email));
    },
    reset(token: string, password: string) {
      return store.mutate(api.resetPassword(token, password));
    },
  })),
);
