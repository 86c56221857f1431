import { HttpErrorResponse } from '@angular/common/http';
import { catchError, from, MonoTypeOperatorFunction, switchMap, throwError } from 'rxjs';
import { ApiError, FieldError } from './api-types';

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string };
  readonly errors?: FieldError[];
  readonly message?: string;
}

/** Turns anything thrown by HttpClient into our ApiError shape. */
export function toApiError(err: unknown): ApiError {
  if (!(err instanceof HttpErrorResponse)) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: 0, code: null, message, fieldErrors: [], retryAfterSeconds: null };
  }
  const body = (typeof err.error === 'object' && err.error !== null ? err.error : {}) as ErrorBody;
  const fieldErrors = Array.isArray(body.errors) ? body.errors : [];
  const retryAfter = Number(err.headers?.get('Retry-After'));
  return {
    status: err.status,
    code: body.error?.code ?? (err.status === 422 ? 'E_VALIDATION' : null),
    message: body.error?.message ?? fieldErrors[0]?.message ?? body.message ?? err.message,
    fieldErrors,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  };
}

/** Translation key of an error code (falls back to the generic one). */
export function errorKey(error: ApiError): string {
  if (error.code) return `errors.${error.code}`;
  if (error.status === 0) return 'errors.network';
  return 'errors.unknown';
}

/**
 * For calls made with `responseType: 'blob'`: an error body arrives as a Blob too, so read it back
 * into JSON before `toApiError` looks for the error code.
 */
export function readBlobErrors<T>(): MonoTypeOperatorFunction<T> {
  return catchError((err: unknown) => {
    if (!(err instanceof HttpErrorResponse) || !(err.error instanceof Blob))
      return throwError(() => err);
    return from(err.error.text()).pipe(
      switchMap((text) => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: keep the text as the body.
        }
        const { headers, status, statusText, url } = err;
        const parsed = new HttpErrorResponse({
          error: body,
          headers,
          status,
          statusText,
          url: url ?? undefined,
        });
        return throwError(() => parsed);
      }),
    );
  });
}
