import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, throwError } from 'rxjs';
import { Paged } from '../../shared/api/api-types';
import {
  CustomerMatch,
  DueFollowUp,
  TrackingChanges,
  TrackingInput,
  TrackingRecord,
} from '../tracking-api';

/** A tracking record as the API answers it. */
export const trackingRecord = (
  id: string,
  extra: Partial<TrackingRecord> = {},
): TrackingRecord => ({
  id,
  customerId: 'c7',
  type: 'call',
  outcome: null,
  content: 'Asked about the invoice',
  callId: null,
  ownerId: 'u-ada',
  ownerName: 'Ada',
  nextFollowUpAt: null,
  done: false,
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'u-ada',
  createdByName: 'Ada',
  ...extra,
});

/** A TrackingApi that answers from memory (45 records, newest first) and remembers calls. */
export class FakeTrackingApi {
  readonly pages: { customerId: string; page: number }[] = [];
  readonly created: TrackingInput[] = [];
  readonly updated: { id: string; body: TrackingChanges }[] = [];
  readonly lookups: string[] = [];
  total = 45;
  matches: CustomerMatch[] = [];
  failMatch = false;

  list(customerId: string, page: number, perPage: number): Observable<Paged<TrackingRecord>> {
    this.pages.push({ customerId, page });
    const first = (page - 1) * perPage;
    const count = Math.max(0, Math.min(perPage, this.total - first));
    return of({
      data: Array.from({ length: count }, (_, i) => trackingRecord(`r${first + i}`)),
      meta: {
        total: this.total,
        perPage,
        currentPage: page,
        lastPage: Math.ceil(this.total / perPage),
      },
    });
  }
  create(customerId: string, body: TrackingInput): Observable<TrackingRecord> {
    this.created.push(body);
    if (!body.content) {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: { errors: [{ field: 'content', rule: 'required', message: 'Required' }] },
          }),
      );
    }
    return of(
      trackingRecord('new', {
        customerId,
        ...body,
        outcome: body.outcome ?? null,
        nextFollowUpAt: body.nextFollowUpAt ?? null,
      }),
    );
  }
  update(id: string, body: TrackingChanges): Observable<TrackingRecord> {
    this.updated.push({ id, body });
    return of(
      trackingRecord(id, { nextFollowUpAt: '2026-03-02T09:00:00.000Z', done: body.done ?? false }),
    );
  }
  due(): Observable<DueFollowUp[]> {
    return of([
      {
        ...trackingRecord('d1', { nextFollowUpAt: '2026-03-01T09:00:00.000Z' }),
        customerName: '王小明',
      },
      {
        ...trackingRecord('d2', { nextFollowUpAt: '2026-03-02T09:00:00.000Z' }),
        customerName: 'Acme',
      },
    ]);
  }
  match(number: string): Observable<CustomerMatch[]> {
    this.lookups.push(number);
    if (this.failMatch) return throwError(() => new HttpErrorResponse({ status: 500 }));
    return of(this.matches);
  }
}
