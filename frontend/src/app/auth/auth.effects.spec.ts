import { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { Action, Store } from '@ngrx/store';
import { firstValueFrom, Observable, of, throwError, toArray } from 'rxjs';
import { AuthApi } from './auth-api';
import { AuthStorage } from './auth-storage';
import {
  certificateLogin,
  enterConsole,
  forgetSession,
  login,
  logout,
  rememberSession,
  restoreSession,
  savePendingLocale,
} from './auth.effects';
import {
  appEvents,
  authApiEvents,
  authInterceptorEvents,
  loginPageEvents,
  userMenuEvents,
} from './auth.events';
import { ACME, ADA, apiError, SESSION } from './testing/auth-fixtures';

const credentials = { tenant: 'acme', email: 'ada@acme.test', password: 'secret' };

/** A fake AuthApi answering each call with what the test says. */
function fakeApi(overrides: Partial<Record<keyof AuthApi, () => Observable<unknown>>>): AuthApi {
  const calls: Record<string, unknown[][]> = {};
  const api = new Proxy(
    {},
    {
      get: (_target, name: string) =>
        name === 'calls'
          ? calls
          : (...args: unknown[]) => {
              (calls[name] ??= []).push(args);
              const answer = overrides[name as keyof AuthApi];
              if (!answer) throw new Error(`unexpected call AuthApi.${name}`);
              return answer();
            },
    },
  );
  return api as AuthApi;
}

function callsOf(api: AuthApi, name: keyof AuthApi): unknown[][] {
  return (api as unknown as { calls: Record<string, unknown[][]> }).calls[name] ?? [];
}

function actions(...list: Action[]): Actions {
  return new Actions(of(...list));
}

function emitted(source: Observable<Action>): Promise<Action[]> {
  return firstValueFrom(source.pipe(toArray()));
}

function memoryStorage(): AuthStorage & { values: Record<string, string | null> } {
  const values: Record<string, string | null> = { token: null, tenant: null };
  return {
    values,
    token: () => values['token'] ?? null,
    saveToken: (token: string) => (values['token'] = token),
    clearToken: () => (values['token'] = null),
    lastTenant: () => values['tenant'] ?? '',
    saveTenant: (slug: string) => (values['tenant'] = slug),
  } as AuthStorage & { values: Record<string, string | null> };
}

describe('auth effects', () => {
  it('answers Login Succeeded with the session the API returned', async () => {
    const api = fakeApi({ login: () => of(SESSION) });
    const result = await emitted(login(actions(loginPageEvents.submitted({ credentials })), api));
    expect(result).toEqual([authApiEvents.loginSucceeded({ session: SESSION })]);
    expect(callsOf(api, 'login')).toEqual([[credentials]]);
  });

  it('answers MFA Required when the API asks for a second factor', async () => {
    const api = fakeApi({ login: () => throwError(() => apiError(401, 'E_MFA_REQUIRED')) });
    const result = await emitted(login(actions(loginPageEvents.submitted({ credentials })), api));
    expect(result).toEqual([authApiEvents.mfaRequired()]);
  });

  it('reports a wrong code when the API asks again although a code was sent', async () => {
    const api = fakeApi({ login: () => throwError(() => apiError(401, 'E_MFA_REQUIRED')) });
    const withCode = loginPageEvents.submitted({ credentials: { ...credentials, otp: '000000' } });
    const [event] = await emitted(login(actions(withCode), api));
    expect(event?.type).toBe(authApiEvents.loginFailed.type);
    expect((event as ReturnType<typeof authApiEvents.loginFailed>).error.code).toBe(
      'E_MFA_INVALID',
    );
  });

  it.each([
    'E_INVALID_CREDENTIALS',
    'E_ACCOUNT_LOCKED',
    'E_TOO_MANY_ATTEMPTS',
    'E_TENANT_SUSPENDED',
  ])('answers Login Failed with the code %s', async (code) => {
    const api = fakeApi({
      login: () => throwError(() => apiError(401, code, { 'Retry-After': '30' })),
    });
    const [event] = await emitted(login(actions(loginPageEvents.submitted({ credentials })), api));
    const failed = event as ReturnType<typeof authApiEvents.loginFailed>;
    expect(failed.type).toBe(authApiEvents.loginFailed.type);
    expect(failed.error).toMatchObject({ status: 401, code, retryAfterSeconds: 30 });
  });

  it('signs in with a certificate for the organisation typed', async () => {
    const api = fakeApi({ loginWithCertificate: () => of(SESSION) });
    const result = await emitted(
      certificateLogin(actions(loginPageEvents.certificateClicked({ tenant: 'acme' })), api),
    );
    expect(result).toEqual([authApiEvents.loginSucceeded({ session: SESSION })]);
    expect(callsOf(api, 'loginWithCertificate')).toEqual([['acme']]);
  });

  it('checks a remembered token with /auth/me', async () => {
    const me = { user: ADA, tenant: ACME, permissions: ['users.view'] };
    const api = fakeApi({ me: () => of(me) });
    const result = await emitted(
      restoreSession(actions(appEvents.started({ token: 'tok-1', locale: 'en' })), api),
    );
    expect(result).toEqual([authApiEvents.sessionRestored({ me })]);
  });

  it('does not call /auth/me when no token was remembered', async () => {
    const api = fakeApi({});
    expect(
      await emitted(restoreSession(actions(appEvents.started({ token: null, locale: 'en' })), api)),
    ).toEqual([]);
  });

  it('signs out locally even when the logout call fails', async () => {
    const api = fakeApi({ logout: () => throwError(() => apiError(500, 'E_SERVER')) });
    expect(await emitted(logout(actions(userMenuEvents.logoutClicked()), api))).toEqual([
      authApiEvents.logoutCompleted(),
    ]);
  });

  it('remembers the token and organisation of a new session and forgets the token on expiry', async () => {
    const storage = memoryStorage();
    await emitted(
      rememberSession(actions(authApiEvents.loginSucceeded({ session: SESSION })), storage),
    );
    expect(storage.values).toEqual({ token: 'tok-1', tenant: 'acme' });
    await emitted(forgetSession(actions(authInterceptorEvents.sessionExpired()), storage));
    expect(storage.values).toEqual({ token: null, tenant: 'acme' });
  });

  it('opens the page the user came from after login, but never another site', async () => {
    for (const [returnUrl, expected] of [
      ['/users?page=2', '/users?page=2'],
      ['//evil.test', '/'],
      ['https://evil.test', '/'],
      [undefined, '/'],
    ] as const) {
      const navigateByUrl = vi.fn();
      const router = {
        routerState: { snapshot: { root: { queryParams: { returnUrl } } } },
        navigateByUrl,
      } as unknown as Router;
      await emitted(
        enterConsole(actions(authApiEvents.loginSucceeded({ session: SESSION })), router),
      );
      expect(navigateByUrl).toHaveBeenCalledWith(expected);
    }
  });

  it('saves a language picked before login to the profile', async () => {
    const saved = { ...ADA, locale: 'zh-CN' as const };
    const api = fakeApi({ updateMe: () => of(saved) });
    const store = { select: () => of('zh-CN') } as unknown as Store;
    const result = await emitted(
      savePendingLocale(actions(authApiEvents.loginSucceeded({ session: SESSION })), store, api),
    );
    expect(result).toEqual([authApiEvents.localeSaved({ user: saved })]);
    expect(callsOf(api, 'updateMe')).toEqual([[{ locale: 'zh-CN' }]]);
  });

  it('leaves the profile alone when no language was picked before login', async () => {
    const api = fakeApi({});
    const store = { select: () => of(null) } as unknown as Store;
    expect(
      await emitted(
        savePendingLocale(actions(authApiEvents.loginSucceeded({ session: SESSION })), store, api),
      ),
    ).toEqual([]);
  });
});
