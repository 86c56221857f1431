import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';

/** A mail caught by the development mailer. */
export interface DevMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly createdAt: string;
}

/** GET /dev/mailbox (development builds of the backend only). */
@Injectable({ providedIn: 'root' })
export class DevMailboxApi {
  private readonly http = inject(HttpClient);

  list(): Observable<DevMail[]> {
    return this.http.get<ApiData<DevMail[]>>(`${API_BASE}/dev/mailbox`).pipe(map((r) => r.data));
  }
}
