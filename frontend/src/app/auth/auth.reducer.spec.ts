import { toApiError } from '../shared/api/api-error';
import {
  appEvents,
  authApiEvents,
  authInterceptorEvents,
  languageSwitchEvents,
  loginPageEvents,
  profileApiEvents,
} from './auth.events';
import { authFeature, AuthState, hasAnyPermission, initialAuthState } from './auth.reducer';
import { ACME, ADA, apiError, SESSION } from './testing/auth-fixtures';

const reduce = authFeature.reducer;
const credentials = { tenant: 'acme', email: 'ada@acme.test', password: 'secret' };

function signedIn(): AuthState {
  return reduce(initialAuthState, authApiEvents.loginSucceeded({ session: SESSION }));
}

describe('auth reducer', () => {
  it('starts restoring when the browser remembered a token', () => {
    const state = reduce(initialAuthState, appEvents.started({ token: 'tok-1', locale: 'zh-CN' }));
    expect(state.status).toBe('restoring');
    expect(state.token).toBe('tok-1');
    expect(state.locale).toBe('zh-CN');
  });

  it('starts anonymous without a remembered token', () => {
    expect(reduce(initialAuthState, appEvents.started({ token: null, locale: 'en' })).status).toBe(
      'anonymous',
    );
  });

  it('marks the login pending and clears the previous error on submit', () => {
    const failed = reduce(
      initialAuthState,
      authApiEvents.loginFailed({ error: toApiError(apiError(401, 'E_INVALID_CREDENTIALS')) }),
    );
    const state = reduce(failed, loginPageEvents.submitted({ credentials }));
    expect(state.loginPending).toBe(true);
    expect(state.loginError).toBeNull();
  });

  it('stores token, user, tenant and permissions when the login succeeds', () => {
    const state = signedIn();
    expect(state.status).toBe('authenticated');
    expect(state.token).toBe('tok-1');
    expect(state.user).toEqual(ADA);
    expect(state.tenant).toEqual(ACME);
    expect(state.permissions).toEqual(['users.view', 'users.manage']);
    expect(state.loginPending).toBe(false);
  });

  it('takes the language from the profile when the user did not pick one before login', () => {
    const session = { ...SESSION, user: { ...ADA, locale: 'zh-CN' as const } };
    expect(reduce(initialAuthState, authApiEvents.loginSucceeded({ session })).locale).toBe(
      'zh-CN',
    );
  });

  it('keeps a language picked on the login page over the profile language', () => {
    const picked = reduce(
      initialAuthState,
      languageSwitchEvents.localeChanged({ locale: 'zh-CN' }),
    );
    const state = reduce(picked, authApiEvents.loginSucceeded({ session: SESSION }));
    expect(state.locale).toBe('zh-CN');
    expect(state.pendingLocale).toBe('zh-CN');
  });

  it('keeps the user signed out and remembers the error when the login fails', () => {
    const pending = reduce(initialAuthState, loginPageEvents.submitted({ credentials }));
    const error = toApiError(apiError(401, 'E_ACCOUNT_LOCKED'));
    const state = reduce(pending, authApiEvents.loginFailed({ error }));
    expect(state.status).toBe('anonymous');
    expect(state.token).toBeNull();
    expect(state.loginPending).toBe(false);
    expect(state.loginError?.code).toBe('E_ACCOUNT_LOCKED');
  });

  it('asks for the code without showing an error when MFA is required', () => {
    const pending = reduce(initialAuthState, loginPageEvents.submitted({ credentials }));
    const state = reduce(pending, authApiEvents.mfaRequired());
    expect(state.mfaRequired).toBe(true);
    expect(state.loginPending).toBe(false);
    expect(state.loginError).toBeNull();
    expect(state.status).toBe('anonymous');
  });

  it('keeps asking for the code after a wrong code', () => {
    const asked = reduce(initialAuthState, authApiEvents.mfaRequired());
    const state = reduce(
      asked,
      authApiEvents.loginFailed({ error: toApiError(apiError(401, 'E_MFA_INVALID')) }),
    );
    expect(state.mfaRequired).toBe(true);
    expect(state.loginError?.code).toBe('E_MFA_INVALID');
  });

  it('goes back to the password form when the code step is cancelled', () => {
    const asked = reduce(initialAuthState, authApiEvents.mfaRequired());
    expect(reduce(asked, loginPageEvents.mfaCancelled()).mfaRequired).toBe(false);
  });

  it('signs in once /auth/me confirms a remembered token', () => {
    const restoring = reduce(initialAuthState, appEvents.started({ token: 'tok-1', locale: 'en' }));
    const state = reduce(
      restoring,
      authApiEvents.sessionRestored({
        me: { user: ADA, tenant: ACME, permissions: ['audit.view'] },
      }),
    );
    expect(state.status).toBe('authenticated');
    expect(state.permissions).toEqual(['audit.view']);
  });

  it('forgets the session but keeps the language on logout and on expiry', () => {
    const zh = reduce(signedIn(), languageSwitchEvents.localeChanged({ locale: 'zh-CN' }));
    for (const event of [authApiEvents.logoutCompleted(), authInterceptorEvents.sessionExpired()]) {
      const state = reduce(zh, event);
      expect(state.status).toBe('anonymous');
      expect(state.token).toBeNull();
      expect(state.user).toBeNull();
      expect(state.permissions).toEqual([]);
      expect(state.locale).toBe('zh-CN');
    }
  });

  it('records that 2FA was turned on', () => {
    expect(
      reduce(signedIn(), profileApiEvents.mfaChanged({ enabled: true })).user?.mfaEnabled,
    ).toBe(true);
  });

  it('grants a route when the session holds any one of its permissions', () => {
    const granted = new Set(['users.view']);
    expect(hasAnyPermission(granted, ['users.view', 'users.manage'])).toBe(true);
    expect(hasAnyPermission(granted, ['roles.manage'])).toBe(false);
    expect(hasAnyPermission(granted, undefined)).toBe(true);
  });
});
