import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  exhaustMap,
  filter,
  map,
  Observable,
  SchedulerLike,
  switchMap,
  take,
  tap,
  throwError,
  throwIfEmpty,
  timer,
} from 'rxjs';
import { readBlobErrors } from './api-error';
import { API_BASE, ApiData } from './api-types';
import { fileNameOf } from './download';

/** A background job of the signed-in user (exports and imports run as jobs). */
export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed';
  readonly progress: {
    readonly done: number;
    readonly total: number | null;
    readonly percent: number | null;
  };
  readonly error: string | null;
  readonly downloadable: boolean;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** The file a finished job produced. */
export interface JobFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** How often a running job is asked for its progress, and for how long at most. */
export const JOB_POLL_MS = 1000;
const JOB_MAX_POLLS = 600;

/** Calls of /jobs: progress of a background job and its result file. */
@Injectable({ providedIn: 'root' })
export class JobsApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<Job> {
    return this.http.get<ApiData<Job>>(`${API_BASE}/jobs/${id}`).pipe(map((r) => r.data));
  }

  download(id: string, fallbackName: string): Observable<JobFile> {
    return this.http
      .get(`${API_BASE}/jobs/${id}/download`, { responseType: 'blob', observe: 'response' })
      .pipe(
        readBlobErrors(),
        map((response) => ({
          blob: response.body ?? new Blob([]),
          fileName: fileNameOf(response, fallbackName),
        })),
      );
  }

  /**
   * Polls a job until it has finished, reporting each state on the way, then downloads its file.
   * A failed job becomes an API error with code E_JOB_FAILED, one that never ends E_JOB_TIMEOUT.
   */
  fileOf(
    job: Job,
    fallbackName: string,
    scheduler: SchedulerLike,
    progress: (job: Job) => void,
  ): Observable<JobFile> {
    return timer(0, JOB_POLL_MS, scheduler).pipe(
      take(JOB_MAX_POLLS),
      exhaustMap(() => this.get(job.id)),
      tap(progress),
      filter((current) => current.status === 'succeeded' || current.status === 'failed'),
      take(1),
      throwIfEmpty(() => jobError(504, 'E_JOB_TIMEOUT', '')),
      switchMap((done) =>
        done.status === 'failed'
          ? throwError(() => jobError(500, 'E_JOB_FAILED', done.error ?? ''))
          : this.download(done.id, fallbackName),
      ),
    );
  }
}

/** A job problem in the API's error shape, so pages show it like any other API error. */
function jobError(status: number, code: string, message: string): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { error: { code, message } } });
}
