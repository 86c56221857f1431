import { Observable, catchError, map, of, throwIfEmpty } from 'rxjs';
import { ApiError } from './api-types';
import { toApiError } from './api-error';

/** Result of a mutation: either the value or the API error, never a thrown error. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Wraps an API call so that callers can await it without try/catch. */
export function toOutcome<T>(source: Observable<T>): Observable<Outcome<T>> {
  return source.pipe(
    throwIfEmpty(),
    map((value): Outcome<T> => ({ ok: true, value })),
    catchError((err: unknown) => of<Outcome<T>>({ ok: false, error: toApiError(err) })),
  );
}
