import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { toParams } from '../shared/api/query-params';
import { CustomerPhone } from './customers-api';

/** What an agent did with a customer. */
export type TrackingType = 'call' | 'follow_up' | 'visit' | 'email' | 'note';
export const TRACKING_TYPES: readonly TrackingType[] = [
  'call',
  'follow_up',
  'visit',
  'email',
  'note',
];

/** One entry of a customer's timeline. */
export interface TrackingRecord {
  readonly id: string;
  readonly customerId: string;
  readonly type: TrackingType;
  readonly outcome: string | null;
  readonly content: string;
  readonly callId: string | null;
  readonly ownerId: string;
  readonly ownerName: string | null;
  readonly nextFollowUpAt: string | null;
  readonly done: boolean;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
}

/** A follow-up due today or overdue (GET /tracking-records/due). */
export interface DueFollowUp extends TrackingRecord {
  readonly customerName: string;
}

/** Body of POST /customers/:id/tracking-records. */
export interface TrackingInput {
  readonly type: TrackingType;
  readonly outcome?: string | null;
  readonly content: string;
  readonly callId?: string | null;
  readonly nextFollowUpAt?: string | null;
  readonly ownerId?: string;
}

/** Body of PATCH /tracking-records/:id. */
export interface TrackingChanges {
  readonly outcome?: string | null;
  readonly content?: string;
  readonly nextFollowUpAt?: string | null;
  readonly done?: boolean;
}

/** A customer whose phone number matches a caller (GET /customers/match). */
export interface CustomerMatch {
  readonly id: string;
  readonly name: string;
  readonly phones: CustomerPhone[];
  readonly ownerName: string | null;
  readonly matchedNumber: string;
}

/** Calls of the tracking records, the due follow-ups and the caller lookup of the screen pop. */
@Injectable({ providedIn: 'root' })
export class TrackingApi {
  private readonly http = inject(HttpClient);

  list(customerId: string, page: number, perPage: number): Observable<Paged<TrackingRecord>> {
    return this.http.get<Paged<TrackingRecord>>(
      `${API_BASE}/customers/${customerId}/tracking-records`,
      { params: toParams({ page, perPage }) },
    );
  }

  create(customerId: string, body: TrackingInput): Observable<TrackingRecord> {
    return this.http
      .post<ApiData<TrackingRecord>>(`${API_BASE}/customers/${customerId}/tracking-records`, body)
      .pipe(map((r) => r.data));
  }

  update(id: string, body: TrackingChanges): Observable<TrackingRecord> {
    return this.http
      .patch<ApiData<TrackingRecord>>(`${API_BASE}/tracking-records/${id}`, body)
      .pipe(map((r) => r.data));
  }

  /** The signed-in user's follow-ups due by the end of today, oldest first. */
  due(): Observable<DueFollowUp[]> {
    return this.http
      .get<ApiData<DueFollowUp[]>>(`${API_BASE}/tracking-records/due`)
      .pipe(map((r) => r.data));
  }

  /** Customers having this phone number (any format). */
  match(number: string): Observable<CustomerMatch[]> {
    return this.http
      .get<ApiData<CustomerMatch[]>>(`${API_BASE}/customers/match`, {
        params: toParams({ number }),
      })
      .pipe(map((r) => r.data));
  }
}
