import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { toParams } from '../shared/api/query-params';

/** One of the signed-in user's reminders. */
export interface Reminder {
  readonly id: string;
  readonly title: string;
  readonly note: string | null;
  readonly dueAt: string;
  readonly customerId: string | null;
  readonly customerName: string | null;
  readonly done: boolean;
  readonly doneAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Body of POST /reminders and PATCH /reminders/:id. */
export interface ReminderInput {
  readonly title?: string;
  readonly note?: string | null;
  readonly dueAt?: string;
  readonly customerId?: string | null;
  readonly done?: boolean;
}

/** A customer the reminder form offers to link. */
export interface CustomerOption {
  readonly id: string;
  readonly name: string;
}

/** Calls of /reminders, plus the customer search of the reminder form. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/reminders`;

  list(from: Date, to: Date): Observable<Reminder[]> {
    return this.http
      .get<ApiData<Reminder[]>>(this.base, {
        params: toParams({ from: from.toISOString(), to: to.toISOString() }),
      })
      .pipe(map((r) => r.data));
  }

  due(): Observable<Reminder[]> {
    return this.http.get<ApiData<Reminder[]>>(`${this.base}/due`).pipe(map((r) => r.data));
  }

  create(body: ReminderInput): Observable<Reminder> {
    return this.http.post<ApiData<Reminder>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: ReminderInput): Observable<Reminder> {
    return this.http.patch<ApiData<Reminder>>(`${this.base}/${id}`, body).pipe(map((r) => r.data));
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  searchCustomers(search: string): Observable<CustomerOption[]> {
    return this.http
      .get<Paged<CustomerOption>>(`${API_BASE}/customers`, {
        params: toParams({ search, perPage: 10, page: 1 }),
      })
      .pipe(map((page) => page.data.map(({ id, name }) => ({ id, name }))));
  }
}
