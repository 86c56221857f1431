import { patchState, signalStoreFeature, withState, WritableStateSource } from '@ngrx/signals';
import { rxMethod, RxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, Observable, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../api/api-error';
import { ApiError } from '../api/api-types';

/** State every store that reads from the API shares. */
export interface LoadState {
  readonly loading: boolean;
  readonly loadError: ApiError | null;
}

/** SignalStore feature adding the `loading`/`loadError` state that `loadMethod` keeps up to date. */
export function withLoad() {
  return signalStoreFeature(withState<LoadState>({ loading: false, loadError: null }));
}

/**
 * An rxMethod that loads through `request` (a newer call cancels an older one), hands the answer to
 * `apply`, and meanwhile keeps `loading` and `loadError` of the store up to date.
 * Call it in an injection context, such as a `withMethods` factory.
 */
export function loadMethod<I = void, T = unknown>(
  store: WritableStateSource<LoadState>,
  request: (input: I) => Observable<T>,
  apply: (value: T) => void,
): RxMethod<I> {
  return rxMethod<I>(
    pipe(
      tap(() => patchState(store, { loading: true, loadError: null })),
      switchMap((input) =>
        request(input).pipe(
          tap((value) => {
            apply(value);
            patchState(store, { loading: false });
          }),
          catchError((err: unknown) => {
            patchState(store, { loading: false, loadError: toApiError(err) });
            return of(null);
          }),
        ),
      ),
    ),
  );
}
