import { inject } from '@angular/core';
import { patchState, signalStoreFeature, type, withMethods, withState } from '@ngrx/signals';
import { Observable, switchMap } from 'rxjs';
import { Job, JobFile, JobsApi } from '../api/jobs-api';
import { Outcome } from '../api/outcome';
import { POLL_SCHEDULER } from './schedulers';

/** Progress of a running export job. */
export interface JobExportState {
  /** Percent done of a running export (null: unknown yet, or none running). */
  readonly exportPercent: number | null;
}

/**
 * SignalStore feature for exports run as background jobs (needs `withMutation()` before it):
 * `exportFile(start$, fallbackName)` starts the job, follows its progress in `exportPercent`
 * (`saving` is true meanwhile) and resolves to its file, or to the API error.
 */
export function withJobExport() {
  return signalStoreFeature(
    { methods: type<{ mutate<T>(call: Observable<T>): Promise<Outcome<T>> }>() },
    withState<JobExportState>({ exportPercent: null }),
    withMethods((store, jobs = inject(JobsApi), scheduler = inject(POLL_SCHEDULER)) => ({
      async exportFile(start: Observable<Job>, fallbackName: string): Promise<Outcome<JobFile>> {
        patchState(store, { exportPercent: null });
        const outcome = await store.mutate(
          start.pipe(
            switchMap((job) =>
              jobs.fileOf(job, fallbackName, scheduler, (current) =>
                patchState(store, { exportPercent: current.progress.percent }),
              ),
            ),
          ),
        );
        patchState(store, { exportPercent: null });
        return outcome;
      },
    })),
  );
}
