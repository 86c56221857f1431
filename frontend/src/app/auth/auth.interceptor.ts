import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { catchError, throwError } from 'rxjs';
import { API_BASE } from '../shared/api/api-types';
import { authInterceptorEvents } from './auth.events';
import { authFeature } from './auth.reducer';

/** Calls where 401 is an answer about the credentials typed, not an expired session. */
const CREDENTIAL_CALLS = [
  '/auth/login',
  '/auth/certificate',
  '/auth/password/',
  '/auth/mfa/',
  '/auth/logout',
  '/signup',
];

/** True for tenant API calls (platform calls have their own interceptor and token). */
export function isTenantApiCall(url: string): boolean {
  return url.startsWith(`${API_BASE}/`) && !url.startsWith(`${API_BASE}/platform/`);
}

/**
 * Adds the tenant session's Bearer token and the UI language to tenant API calls; a 401 on any
 * other call means the session is gone, so the session is cleared and the user sent to /login.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isTenantApiCall(request.url)) return next(request);
  const store = inject(Store);
  const token = store.selectSignal(authFeature.selectToken)();
  const locale = store.selectSignal(authFeature.selectLocale)();
  const headers: Record<string, string> = { 'Accept-Language': locale };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const isCredentialCall = CREDENTIAL_CALLS.some((path) =>
    request.url.startsWith(`${API_BASE}${path}`),
  );
  return next(request.clone({ setHeaders: headers })).pipe(
    catchError((err: unknown) => {
      const wasSignedIn = store.selectSignal(authFeature.selectIsAuthenticated)();
      if (
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        token &&
        !isCredentialCall &&
        wasSignedIn
      ) {
        store.dispatch(authInterceptorEvents.sessionExpired());
      }
      return throwError(() => err);
    }),
  );
};
