import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, distinctUntilChanged, filter, map, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../../shared/api/api-error';
import { ApiError } from '../../shared/api/api-types';
import { CustomerMatch, TrackingApi } from '../../customers/tracking-api';
import { sameCall, ScreenPopTarget } from './screen-pop-target';

interface ScreenPopState {
  /** The call the matches are about (kept through wrap-up). */
  readonly callId: string | null;
  readonly number: string | null;
  /** Null until the lookup answered. */
  readonly matches: CustomerMatch[] | null;
  readonly error: ApiError | null;
}

/** The customers matching the caller of the agent's call, looked up once per call. */
export const ScreenPopStore = signalStore(
  withState<ScreenPopState>({ callId: null, number: null, matches: null, error: null }),
  withMethods((store, api = inject(TrackingApi)) => ({
    /** Follows the agent's call; a new call with a number triggers one lookup. */
    follow: rxMethod<ScreenPopTarget | null>(
      pipe(
        filter((target): target is ScreenPopTarget => target !== null),
        distinctUntilChanged<ScreenPopTarget>(sameCall),
        tap((target) =>
          patchState(store, {
            callId: target.callId,
            number: target.number,
            matches: null,
            error: null,
          }),
        ),
        switchMap((target) =>
          api.match(target.number).pipe(
            map((matches) => ({ matches, error: null })),
            catchError((err: unknown) => of({ matches: [], error: toApiError(err) })),
            tap((answer) => {
              if (store.callId() === target.callId) patchState(store, answer);
            }),
          ),
        ),
      ),
    ),
  })),
);
