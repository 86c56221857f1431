import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { toParams } from '../shared/api/query-params';

/** Where a callback stands. */
export type CallbackStatus = 'scheduled' | 'queued' | 'completed' | 'cancelled' | 'failed';

/** Offered to its agent only (then to the queue after a grace period), or to anyone in the queue. */
export type CallbackMode = 'personal' | 'queue';

/** A scheduled callback as GET /callbacks answers it. */
export interface Callback {
  readonly id: string;
  readonly number: string;
  readonly customerId: string | null;
  readonly customerName: string | null;
  readonly queueId: string;
  readonly queueName: string | null;
  readonly mode: CallbackMode;
  readonly agentId: string;
  readonly agentName: string | null;
  readonly note: string | null;
  readonly dueAt: string;
  readonly status: CallbackStatus;
  readonly simulated: boolean;
  readonly callId: string | null;
  readonly failureReason: string | null;
  readonly createdBy: string | null;
  readonly queuedAt: string | null;
  readonly finishedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Body of POST /callbacks. */
export interface ScheduleCallbackInput {
  readonly number: string;
  readonly dueAt: string;
  readonly queueId: string;
  readonly mode: CallbackMode;
  readonly note?: string | null;
  readonly customerId?: string | null;
}

/** Body of PATCH /callbacks/:id. */
export interface RescheduleCallbackInput {
  readonly dueAt?: string;
  readonly mode?: CallbackMode;
  readonly queueId?: string;
  readonly note?: string | null;
}

/** Filters of GET /callbacks (always the user's own here). */
export interface CallbackQuery {
  readonly status?: 'open' | CallbackStatus;
  readonly from?: Date;
  readonly to?: Date;
}

/** Calls of /callbacks. */
@Injectable({ providedIn: 'root' })
export class CallbacksApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/callbacks`;

  list(query: CallbackQuery): Observable<Callback[]> {
    return this.http
      .get<ApiData<Callback[]>>(this.base, {
        params: toParams({
          scope: 'mine',
          status: query.status,
          from: query.from?.toISOString(),
          to: query.to?.toISOString(),
        }),
      })
      .pipe(map((r) => r.data));
  }

  schedule(body: ScheduleCallbackInput): Observable<Callback> {
    return this.http.post<ApiData<Callback>>(this.base, body).pipe(map((r) => r.data));
  }

  reschedule(id: string, body: RescheduleCallbackInput): Observable<Callback> {
    return this.http.patch<ApiData<Callback>>(`${this.base}/${id}`, body).pipe(map((r) => r.data));
  }

  cancel(id: string): Observable<Callback> {
    return this.http
      .post<ApiData<Callback>>(`${this.base}/${id}/cancel`, {})
      .pipe(map((r) => r.data));
  }
}
