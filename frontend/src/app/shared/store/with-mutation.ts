import { patchState, signalStoreFeature, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom, Observable } from 'rxjs';
import { ApiError } from '../api/api-types';
import { Outcome, toOutcome } from '../api/outcome';

/** State every store that saves something shares. */
export interface MutationState {
  readonly saving: boolean;
  readonly saveError: ApiError | null;
}

/**
 * SignalStore feature for writes: `mutate(call$)` runs an API call, keeps `saving`/`saveError`
 * up to date and resolves to an Outcome, so forms can map a 422 onto their fields.
 */
export function withMutation() {
  return signalStoreFeature(
    withState<MutationState>({ saving: false, saveError: null }),
    withMethods((store) => ({
      async mutate<T>(call: Observable<T>): Promise<Outcome<T>> {
        patchState(store, { saving: true, saveError: null });
        const outcome = await firstValueFrom(toOutcome(call));
        patchState(store, { saving: false, saveError: outcome.ok ? null : outcome.error });
        return outcome;
      },
      clearSaveError(): void {
        patchState(store, { saveError: null });
      },
    })),
  );
}
