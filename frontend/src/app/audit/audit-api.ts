import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { Job } from '../shared/api/jobs-api';
import { toParams } from '../shared/api/query-params';

/** Outcome of a logged operation. */
export type AuditResult = 'success' | 'failure';

/** One operation-log entry. */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly result: AuditResult;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** Filters shared by the list and the CSV export; `from`/`to` are ISO timestamps. */
export interface AuditFilters {
  readonly actor: string;
  readonly action: string;
  readonly result: AuditResult | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** Calls of /audit-logs (the export runs as a job; see JobsApi for its file). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/audit-logs`;

  list(filters: AuditFilters, page: number, perPage: number): Observable<Paged<AuditEntry>> {
    return this.http.get<Paged<AuditEntry>>(this.base, {
      params: toParams({ ...filters, page, perPage }),
    });
  }

  /** Starts an export of the filtered log as a background job (POST /audit-logs/exports → 202). */
  startExport(filters: AuditFilters): Observable<Job> {
    const body = Object.fromEntries(
      Object.entries(filters).filter(([, value]) => value !== null && value !== ''),
    );
    return this.http.post<ApiData<Job>>(`${this.base}/exports`, body).pipe(map((r) => r.data));
  }
}
