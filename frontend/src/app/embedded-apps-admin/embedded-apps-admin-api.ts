import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { EmbeddedApp } from '../workspace/embedded-apps/embedded-apps-api';

export type { EmbeddedApp };

/** Body of POST /embedded-apps; PATCH /embedded-apps/:id takes the same fields. */
export interface EmbeddedAppInput {
  readonly name: string;
  readonly urlTemplate: string;
  readonly queueIds: readonly string[];
  readonly capabilities: readonly string[];
  readonly position: number;
  readonly enabled: boolean;
}

/** A queue the app may be limited to. */
export interface QueueOption {
  readonly id: string;
  readonly name: string;
}

/** Calls of /embedded-apps (admin side) and the queue list its form offers. */
@Injectable({ providedIn: 'root' })
export class EmbeddedAppsAdminApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/embedded-apps`;

  list(): Observable<EmbeddedApp[]> {
    return this.http.get<ApiData<EmbeddedApp[]>>(this.base).pipe(map((r) => r.data));
  }

  create(body: EmbeddedAppInput): Observable<EmbeddedApp> {
    return this.http.post<ApiData<EmbeddedApp>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: Partial<EmbeddedAppInput>): Observable<EmbeddedApp> {
    return this.http
      .patch<ApiData<EmbeddedApp>>(`${this.base}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  /** The tenant's queues, names only (GET /queues). */
  queues(): Observable<QueueOption[]> {
    return this.http
      .get<ApiData<QueueOption[]>>(`${API_BASE}/queues`)
      .pipe(map((r) => r.data.map(({ id, name }) => ({ id, name }))));
  }
}
