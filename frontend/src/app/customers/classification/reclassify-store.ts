import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, exhaustMap, of, pipe, switchMap, takeWhile, tap, timer } from 'rxjs';
import { toApiError } from '../../shared/api/api-error';
import { ApiError } from '../../shared/api/api-types';
import { JOB_POLL_MS } from '../../shared/api/jobs-api';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { withMutation } from '../../shared/store/with-mutation';
import {
  ClassificationApi,
  ReclassifyChanges,
  ReclassifyJob,
  ReclassifyTarget,
} from './classification-api';

interface ReclassifyState {
  /** The job as last read (null before one starts). */
  readonly job: ReclassifyJob | null;
  /** A failure of following the job (the start's own failure is `saveError`). */
  readonly followError: ApiError | null;
}

const finished = (job: ReclassifyJob) => job.status === 'succeeded' || job.status === 'failed';

/** State of the re-classify dialog: starts the job and follows its progress until it ends. */
export const ReclassifyStore = signalStore(
  withState<ReclassifyState>({ job: null, followError: null }),
  withMutation(),
  withMethods((store, api = inject(ClassificationApi), scheduler = inject(POLL_SCHEDULER)) => {
    const follow = rxMethod<ReclassifyJob>(
      pipe(
        switchMap((job) =>
          timer(JOB_POLL_MS, JOB_POLL_MS, scheduler).pipe(
            exhaustMap(() => api.job(job.id)),
            tap((current) => patchState(store, { job: current })),
            takeWhile((current) => !finished(current)),
            catchError((err: unknown) => {
              patchState(store, { followError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
    );
    return {
      /** Queues the job; 422s come back for the form, progress then arrives in `job`. */
      async start(target: ReclassifyTarget, changes: ReclassifyChanges) {
        patchState(store, { job: null, followError: null });
        const outcome = await store.mutate(api.reclassify(target, changes));
        if (outcome.ok) {
          patchState(store, { job: outcome.value });
          if (!finished(outcome.value)) follow(outcome.value);
        }
        return outcome;
      },
      /** Forgets the last job (the dialog opens afresh). */
      reset(): void {
        patchState(store, { job: null, followError: null, saveError: null });
      },
    };
  }),
);

/** True while a job is queued or running. */
export function isRunning(job: ReclassifyJob | null): boolean {
  return job !== null && !finished(job);
}
