import { computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { browserStorage } from '../shared/storage/browser-storage';
import { withMutation } from '../shared/store/with-mutation';
import { Operator, PlatformApi } from './platform-api';

const TOKEN_KEY = 'cc.platform.token';
const OPERATOR_KEY = 'cc.platform.operator';

function rememberedOperator(): Operator | null {
  try {
    return JSON.parse(browserStorage().getItem(OPERATOR_KEY) ?? 'null') as Operator | null;
  } catch {
    return null;
  }
}

/** The platform operator's session, kept apart from any tenant session (own token, own storage keys). */
export const PlatformSession = signalStore(
  { providedIn: 'root' },
  withState({
    token: browserStorage().getItem(TOKEN_KEY),
    operator: rememberedOperator(),
  }),
  withMutation(),
  withComputed((store) => ({
    signedIn: computed(() => store.token() !== null),
  })),
  withMethods((store, api = inject(PlatformApi), router = inject(Router)) => ({
    async login(email: string, password: string) {
      const outcome = await store.mutate(api.login(email, password));
      if (outcome.ok) {
        const { token, operator } = outcome.value;
        browserStorage().setItem(TOKEN_KEY, token);
        browserStorage().setItem(OPERATOR_KEY, JSON.stringify(operator));
        patchState(store, { token, operator });
        void router.navigate(['/platform/tenants']);
      }
      return outcome;
    },
    signOut(): void {
      browserStorage().removeItem(TOKEN_KEY);
      browserStorage().removeItem(OPERATOR_KEY);
      patchState(store, { token: null, operator: null });
      void router.navigate(['/platform/login']);
    },
  })),
);
