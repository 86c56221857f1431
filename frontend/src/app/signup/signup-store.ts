import { inject } from '@angular/core';
import { signalStore, withMethods } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { signupApiEvents } from '../auth/auth.events';
import { withMutation } from '../shared/store/with-mutation';
import { SignupApi, SignupRequest } from './signup-api';

/** State of the sign-up page; a created organisation becomes the session. */
export const SignupStore = signalStore(
  withMutation(),
  withMethods((store, api = inject(SignupApi), session = inject(Store)) => ({
    async signup(request: SignupRequest) {
      const outcome = await store.mutate(api.signup(request));
      if (outcome.ok) session.dispatch(signupApiEvents.signupSucceeded({ session: outcome.value }));
      return outcome;
    },
  })),
);
