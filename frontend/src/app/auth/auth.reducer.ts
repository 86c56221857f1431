import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { ApiError } from '../shared/api/api-types';
import { Locale, Session, Tenant, User } from '../shared/api/models';
import {
  appEvents,
  authApiEvents,
  authInterceptorEvents,
  languageSwitchEvents,
  loginPageEvents,
  profileApiEvents,
  settingsApiEvents,
  signupApiEvents,
} from './auth.events';

/** `restoring`: a remembered token is being checked with GET /auth/me. */
export type SessionStatus = 'anonymous' | 'restoring' | 'authenticated';

/** Session-wide state: who is signed in, in which tenant, with which permissions and language. */
export interface AuthState {
  readonly status: SessionStatus;
  readonly token: string | null;
  readonly user: User | null;
  readonly tenant: Tenant | null;
  readonly permissions: string[];
  readonly locale: Locale;
  /** A language picked before signing in, to be saved to the profile once signed in. */
  readonly pendingLocale: Locale | null;
  readonly loginPending: boolean;
  readonly mfaRequired: boolean;
  readonly loginError: ApiError | null;
}

/** Nobody signed in, English until the browser says otherwise. */
export const initialAuthState: AuthState = {
  status: 'anonymous',
  token: null,
  user: null,
  tenant: null,
  permissions: [],
  locale: 'en',
  pendingLocale: null,
  loginPending: false,
  mfaRequired: false,
  loginError: null,
};

const signedOut = (state: AuthState): AuthState => ({
  ...initialAuthState,
  locale: state.locale,
});

const signedIn = (state: AuthState, { session }: { session: Session }): AuthState => ({
  ...state,
  status: 'authenticated',
  token: session.token,
  user: session.user,
  tenant: session.tenant,
  permissions: session.permissions,
  locale: state.pendingLocale ?? session.user.locale ?? state.locale,
  loginPending: false,
  mfaRequired: false,
  loginError: null,
});

/** The `auth` slice of the global store with its selectors. */
export const authFeature = createFeature({
  name: 'auth',
  reducer: createReducer(
    initialAuthState,
    on(appEvents.started, (state, { token, locale }) => ({
      ...state,
      token,
      locale,
      status: token ? ('restoring' as const) : ('anonymous' as const),
    })),
    on(loginPageEvents.opened, (state) => ({ ...state, loginError: null, mfaRequired: false })),
    on(loginPageEvents.submitted, loginPageEvents.certificateClicked, (state) => ({
      ...state,
      loginPending: true,
      loginError: null,
    })),
    on(loginPageEvents.mfaCancelled, (state) => ({
      ...state,
      mfaRequired: false,
      loginError: null,
    })),
    on(authApiEvents.loginSucceeded, signupApiEvents.signupSucceeded, signedIn),
    on(authApiEvents.mfaRequired, (state) => ({
      ...state,
      loginPending: false,
      mfaRequired: true,
      loginError: null,
    })),
    on(authApiEvents.loginFailed, (state, { error }) => ({
      ...state,
      loginPending: false,
      loginError: error,
    })),
    on(authApiEvents.sessionRestored, (state, { me }) => ({
      ...state,
      status: 'authenticated' as const,
      user: me.user,
      tenant: me.tenant,
      permissions: me.permissions,
      locale: me.user.locale ?? state.locale,
    })),
    on(
      authApiEvents.sessionRestoreFailed,
      authApiEvents.logoutCompleted,
      authInterceptorEvents.sessionExpired,
      signedOut,
    ),
    on(languageSwitchEvents.localeChanged, (state, { locale }) => ({
      ...state,
      locale,
      pendingLocale: state.status === 'authenticated' ? null : locale,
    })),
    on(authApiEvents.localeSaved, profileApiEvents.profileUpdated, (state, { user }) => ({
      ...state,
      user,
      locale: user.locale ?? state.locale,
      pendingLocale: null,
    })),
    on(settingsApiEvents.tenantUpdated, (state, { tenant }) => ({ ...state, tenant })),
    on(profileApiEvents.mfaChanged, (state, { enabled }) =>
      state.user ? { ...state, user: { ...state.user, mfaEnabled: enabled } } : state,
    ),
  ),
  extraSelectors: ({ selectPermissions, selectStatus }) => ({
    selectIsAuthenticated: createSelector(selectStatus, (status) => status === 'authenticated'),
    selectPermissionSet: createSelector(selectPermissions, (permissions) => new Set(permissions)),
  }),
});

/** True when the session holds at least one of `required` (or `required` is empty). */
export function hasAnyPermission(
  granted: ReadonlySet<string>,
  required: readonly string[] | undefined,
): boolean {
  return (
    !required || required.length === 0 || required.some((permission) => granted.has(permission))
  );
}
