import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import {
  catchError,
  distinctUntilChanged,
  EMPTY,
  exhaustMap,
  filter,
  map,
  of,
  switchMap,
  tap,
  withLatestFrom,
} from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { Language } from '../shared/i18n/language';
import { AuthApi } from './auth-api';
import { AuthStorage } from './auth-storage';
import {
  appEvents,
  authApiEvents,
  authInterceptorEvents,
  languageSwitchEvents,
  LoginCredentials,
  loginPageEvents,
  profileApiEvents,
  signupApiEvents,
  userMenuEvents,
} from './auth.events';
import { authFeature } from './auth.reducer';
import { safeReturnUrl } from './return-url';

const MFA_REQUIRED = 'E_MFA_REQUIRED';

/** Maps a failed login answer to the event the reducer understands. */
function loginFailure(err: unknown, credentials?: LoginCredentials) {
  const error = toApiError(err);
  if (error.status === 401 && error.code === MFA_REQUIRED) {
    // Asked again although a code was sent: the code was wrong.
    return credentials?.otp
      ? authApiEvents.loginFailed({ error: { ...error, code: 'E_MFA_INVALID' } })
      : authApiEvents.mfaRequired();
  }
  return authApiEvents.loginFailed({ error });
}

/** Signs in with organisation, email, password (and code); maps MFA-required and lockouts to events. */
export const login = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) =>
    actions$.pipe(
      ofType(loginPageEvents.submitted),
      exhaustMap(({ credentials }) =>
        api.login(credentials).pipe(
          map((session) => authApiEvents.loginSucceeded({ session })),
          catchError((err: unknown) => of(loginFailure(err, credentials))),
        ),
      ),
    ),
  { functional: true },
);

/** Signs in with the client certificate the browser presents over mutual TLS. */
export const certificateLogin = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) =>
    actions$.pipe(
      ofType(loginPageEvents.certificateClicked),
      exhaustMap(({ tenant }) =>
        api.loginWithCertificate(tenant).pipe(
          map((session) => authApiEvents.loginSucceeded({ session })),
          catchError((err: unknown) => of(loginFailure(err))),
        ),
      ),
    ),
  { functional: true },
);

/** Keeps the token and organisation slug of a new session in this browser. */
export const rememberSession = createEffect(
  (actions$ = inject(Actions), storage = inject(AuthStorage)) =>
    actions$.pipe(
      ofType(authApiEvents.loginSucceeded, signupApiEvents.signupSucceeded),
      tap(({ session }) => {
        storage.saveToken(session.token);
        storage.saveTenant(session.tenant.slug);
      }),
    ),
  { functional: true, dispatch: false },
);

/** The embedded call bar (/embed/…) signs in and out in place: it never leaves for the console. */
const embedded = (router: Router): boolean =>
  typeof router.url === 'string' && router.url.startsWith('/embed/');

/** Opens the console (or the page the user came from) after login or signup. */
export const enterConsole = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(authApiEvents.loginSucceeded, signupApiEvents.signupSucceeded),
      filter(() => !embedded(router)),
      tap(() => {
        const returnUrl = router.routerState.snapshot.root.queryParams['returnUrl'];
        void router.navigateByUrl(safeReturnUrl(returnUrl));
      }),
    ),
  { functional: true, dispatch: false },
);

/** Checks a remembered token with GET /auth/me when the app starts. */
export const restoreSession = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) =>
    actions$.pipe(
      ofType(appEvents.started),
      filter(({ token }) => token !== null),
      switchMap(() =>
        api.me().pipe(
          map((me) => authApiEvents.sessionRestored({ me })),
          catchError((err: unknown) =>
            of(authApiEvents.sessionRestoreFailed({ error: toApiError(err) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Ends the session on the server; completes locally even if that call fails. */
export const logout = createEffect(
  (actions$ = inject(Actions), api = inject(AuthApi)) =>
    actions$.pipe(
      ofType(userMenuEvents.logoutClicked),
      exhaustMap(() =>
        api.logout().pipe(
          // Signing out locally must work even when the server is unreachable.
          catchError(() => of(null)),
          map(() => authApiEvents.logoutCompleted()),
        ),
      ),
    ),
  { functional: true },
);

/** Drops the remembered token once the session is over. */
export const forgetSession = createEffect(
  (actions$ = inject(Actions), storage = inject(AuthStorage)) =>
    actions$.pipe(
      ofType(
        authApiEvents.logoutCompleted,
        authApiEvents.sessionRestoreFailed,
        authInterceptorEvents.sessionExpired,
      ),
      tap(() => storage.clearToken()),
    ),
  { functional: true, dispatch: false },
);

/** Sends the user to /login after logout, or after expiry with a way back. */
export const leaveConsole = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(authApiEvents.logoutCompleted, authInterceptorEvents.sessionExpired),
      filter(() => !embedded(router)),
      tap((action) => {
        const returnUrl =
          action.type === authInterceptorEvents.sessionExpired.type ? router.url : undefined;
        void router.navigate(['/login'], {
          queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {},
        });
      }),
    ),
  { functional: true, dispatch: false },
);

/** Applies the session language to texts, widgets and <html lang> whenever it changes. */
export const applyLocale = createEffect(
  (actions$ = inject(Actions), store = inject(Store), language = inject(Language)) =>
    actions$.pipe(
      ofType(
        appEvents.started,
        languageSwitchEvents.localeChanged,
        authApiEvents.loginSucceeded,
        signupApiEvents.signupSucceeded,
        authApiEvents.sessionRestored,
        authApiEvents.localeSaved,
        profileApiEvents.profileUpdated,
      ),
      withLatestFrom(store.select(authFeature.selectLocale)),
      map(([, locale]) => locale),
      distinctUntilChanged(),
      tap((locale) => language.use(locale)),
    ),
  { functional: true, dispatch: false },
);

/** Saves a language switched while signed in to the user's profile. */
export const saveLocaleToProfile = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(AuthApi)) =>
    actions$.pipe(
      ofType(languageSwitchEvents.localeChanged),
      withLatestFrom(store.select(authFeature.selectIsAuthenticated)),
      filter(([, authenticated]) => authenticated),
      switchMap(([{ locale }]) =>
        api.updateMe({ locale }).pipe(
          map((user) => authApiEvents.localeSaved({ user })),
          catchError(() => EMPTY),
        ),
      ),
    ),
  { functional: true },
);

/** Saves a language picked before signing in to the profile once signed in. */
export const savePendingLocale = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(AuthApi)) =>
    actions$.pipe(
      ofType(authApiEvents.loginSucceeded, signupApiEvents.signupSucceeded),
      withLatestFrom(store.select(authFeature.selectPendingLocale)),
      filter(([{ session }, pending]) => pending !== null && pending !== session.user.locale),
      switchMap(([, pending]) =>
        api.updateMe({ locale: pending ?? undefined }).pipe(
          map((user) => authApiEvents.localeSaved({ user })),
          catchError(() => EMPTY),
        ),
      ),
    ),
  { functional: true },
);
