import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { API_BASE } from '../shared/api/api-types';
import { PlatformSession } from './platform-session';

const PLATFORM = `${API_BASE}/platform/`;
const LOGIN = `${API_BASE}/platform/auth/login`;

/** Adds the operator's Bearer token to platform calls; a 401 ends the operator session. */
export const platformInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith(PLATFORM)) return next(request);
  const session = inject(PlatformSession);
  const token = session.token();
  const authorised = token
    ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : request;
  return next(authorised).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && err.status === 401 && token && request.url !== LOGIN)
        session.signOut();
      return throwError(() => err);
    }),
  );
};
