import {
  HttpClient,
  HttpDownloadProgressEvent,
  HttpErrorResponse,
  HttpEvent,
  HttpEventType,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { concatMap, from, map, Observable, of, throwError } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { Job } from '../shared/api/jobs-api';
import { toParams } from '../shared/api/query-params';
import {
  ContactRow,
  ContactsQuery,
  ExportInput,
  KpiAnswer,
  KpiQuery,
  KpiStreamEvent,
  ReportInput,
  SavedReport,
} from './datacenter-models';
import { NdjsonReader } from './ndjson';

/** Query params of a KPI query (lists as `a,b`). */
function kpiParams(query: KpiQuery) {
  return toParams({
    from: query.from,
    to: query.to,
    by: query.by,
    queueIds: query.queueIds.join(','),
    agentIds: query.agentIds.join(','),
  });
}

/** Calls of /datacenter: KPIs (whole or streamed), the calls behind a count, saved reports, exports. */
@Injectable({ providedIn: 'root' })
export class DatacenterApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/datacenter`;

  kpis(query: KpiQuery): Observable<KpiAnswer> {
    return this.http.get<KpiAnswer>(`${this.base}/kpis`, { params: kpiParams(query) });
  }

  /**
   * The KPIs as NDJSON lines while the server computes them chunk by chunk: each complete line is
   * emitted as soon as it arrives; an `error` line becomes an error in the API's shape.
   */
  kpiStream(query: KpiQuery): Observable<KpiStreamEvent> {
    const reader = new NdjsonReader<KpiStreamEvent>();
    let seen = 0;
    const take = (text: string) => {
      const lines = reader.push(text.slice(seen));
      seen = text.length;
      return lines;
    };
    return this.http
      .get(`${this.base}/kpis/stream`, {
        params: kpiParams(query),
        responseType: 'text',
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        concatMap((event: HttpEvent<string>) => {
          if (event.type === HttpEventType.DownloadProgress) {
            return from(take((event as HttpDownloadProgressEvent).partialText ?? ''));
          }
          if (event.type === HttpEventType.Response) {
            return from([...take(event.body ?? ''), ...reader.finish()]);
          }
          return of();
        }),
        concatMap((line) =>
          line.type === 'error'
            ? throwError(
                () =>
                  new HttpErrorResponse({
                    status: 422,
                    error: {
                      error: line.error,
                      errors: line.error.field
                        ? [
                            {
                              field: line.error.field,
                              rule: line.error.code,
                              message: line.error.message,
                            },
                          ]
                        : undefined,
                    },
                  }),
              )
            : of(line),
        ),
      );
  }

  contacts(query: ContactsQuery): Observable<Paged<ContactRow>> {
    const { number, ...rest } = query;
    const params = toParams({
      ...rest,
      queueIds: query.queueIds.join(','),
      agentIds: query.agentIds.join(','),
    });
    // An empty number is a filter of its own (calls without one), so it is sent as `number=`.
    return this.http.get<Paged<ContactRow>>(`${this.base}/contacts`, {
      params: number === null ? params : params.set('number', number),
    });
  }

  reports(): Observable<SavedReport[]> {
    return this.http.get<ApiData<SavedReport[]>>(`${this.base}/reports`).pipe(map((r) => r.data));
  }

  report(id: string): Observable<SavedReport> {
    return this.http
      .get<ApiData<SavedReport>>(`${this.base}/reports/${id}`)
      .pipe(map((r) => r.data));
  }

  createReport(input: ReportInput): Observable<SavedReport> {
    return this.http
      .post<ApiData<SavedReport>>(`${this.base}/reports`, input)
      .pipe(map((r) => r.data));
  }

  updateReport(id: string, input: ReportInput): Observable<SavedReport> {
    return this.http
      .put<ApiData<SavedReport>>(`${this.base}/reports/${id}`, input)
      .pipe(map((r) => r.data));
  }

  deleteReport(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/reports/${id}`);
  }

  startExport(input: ExportInput): Observable<Job> {
    return this.http.post<ApiData<Job>>(`${this.base}/exports`, input).pipe(map((r) => r.data));
  }
}
