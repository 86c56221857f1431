import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { readBlobErrors } from '../../shared/api/api-error';
import { API_BASE, ApiData } from '../../shared/api/api-types';
import { fileNameOf } from '../../shared/api/download';
import { JobFile } from '../../shared/api/jobs-api';

/** Where an import stands; `queued`, `running` and `rolling_back` still move. */
export type ImportStatus =
  'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed' | 'rolling_back' | 'rolled_back';

export type ImportFormat = 'csv' | 'xlsx';
/** Text encoding of a CSV file (an XLSX file has none). */
export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';
export const IMPORT_ENCODINGS: readonly ImportEncoding[] = ['utf-8', 'utf-8-bom', 'gb18030'];

/** Customer data a file column can fill; `custom:<key>` fills a custom field. */
export type BuiltInTarget =
  | 'name'
  | 'kind'
  | 'phone'
  | 'email'
  | 'idNumber'
  | 'owner'
  | 'source'
  | 'status'
  | 'tags'
  | 'notes';
export const BUILT_IN_TARGETS: readonly BuiltInTarget[] = [
  'name',
  'kind',
  'phone',
  'email',
  'idNumber',
  'owner',
  'source',
  'status',
  'tags',
  'notes',
];
/** A column left out of the import. */
export const IGNORE = 'ignore';

/** Which file column fills which customer data. */
export interface ColumnMapping {
  readonly column: number;
  readonly target: string;
}

export type DedupeKey = 'phone' | 'email' | 'idNumber';
export const DEDUPE_KEYS: readonly DedupeKey[] = ['phone', 'email', 'idNumber'];
/** What a row that matches an existing customer does. */
export type DedupePolicy = 'skip' | 'update' | 'create';
export const DEDUPE_POLICIES: readonly DedupePolicy[] = ['skip', 'update', 'create'];

export interface Dedupe {
  readonly keys: DedupeKey[];
  readonly policy: DedupePolicy;
}

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  readonly failed: number;
}

/** One uploaded file and what its import did. */
export interface CustomerImport {
  readonly id: string;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly encoding: ImportEncoding | null;
  readonly status: ImportStatus;
  readonly headers: string[];
  readonly sampleRows: string[][];
  readonly totalRows: number | null;
  readonly mapping: ColumnMapping[];
  readonly dedupe: Dedupe;
  readonly defaultOwnerId: string | null;
  readonly progress: {
    readonly done: number;
    readonly total: number | null;
    readonly percent: number | null;
  };
  readonly counts: ImportCounts;
  readonly jobId: string | null;
  readonly error: string | null;
  readonly canResume: boolean;
  readonly canRollback: boolean;
  readonly reportAvailable: boolean;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
}

/** Body of PATCH /customers/imports/:id (only while the import is `uploaded`). */
export interface ImportSettings {
  readonly mapping?: ColumnMapping[];
  readonly dedupe?: Dedupe;
  readonly defaultOwnerId?: string | null;
  readonly encoding?: ImportEncoding;
}

export type PreviewAction = 'create' | 'update' | 'skip' | 'fail';
export const PREVIEW_ACTIONS: readonly PreviewAction[] = ['create', 'update', 'skip', 'fail'];

/** What the import would do with one data row (`row` is 1-based; the file line is row + 1). */
export interface PreviewRow {
  readonly row: number;
  readonly action: PreviewAction;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: { readonly field: string; readonly message: string }[];
  readonly matchedCustomerId: string | null;
}

/** The dry run of the first 100 rows. */
export interface ImportPreview {
  readonly rows: PreviewRow[];
  readonly summary: Readonly<Record<PreviewAction, number>>;
}

/** The UTF-8 file name (`filename*=UTF-8''…`) of a download, which may hold Chinese characters. */
function utf8NameOf(response: HttpResponse<Blob>): string | null {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(
    response.headers.get('Content-Disposition') ?? '',
  );
  return match?.[1] ? decodeURIComponent(match[1].trim()) : null;
}

/** An import still moves (its job runs or rolls back). */
export function isMoving(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running' || status === 'rolling_back';
}

/** Calls of /customers/imports: upload, mapping, dry run, run, resume, roll back and the report. */
@Injectable({ providedIn: 'root' })
export class CustomerImportsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/customers/imports`;

  /** The 50 newest imports of the tenant. */
  list(): Observable<CustomerImport[]> {
    return this.http.get<ApiData<CustomerImport[]>>(this.base).pipe(map((r) => r.data));
  }

  /** Uploads a file (multipart field `file`); the answer holds its headers and a guessed mapping. */
  upload(file: File): Observable<CustomerImport> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ApiData<CustomerImport>>(this.base, body).pipe(map((r) => r.data));
  }

  get(id: string): Observable<CustomerImport> {
    return this.http.get<ApiData<CustomerImport>>(`${this.base}/${id}`).pipe(map((r) => r.data));
  }

  update(id: string, body: ImportSettings): Observable<CustomerImport> {
    return this.http
      .patch<ApiData<CustomerImport>>(`${this.base}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  preview(id: string): Observable<ImportPreview> {
    return this.http
      .post<ApiData<ImportPreview>>(`${this.base}/${id}/preview`, null)
      .pipe(map((r) => r.data));
  }

  run(id: string): Observable<CustomerImport> {
    return this.command(id, 'run');
  }

  resume(id: string): Observable<CustomerImport> {
    return this.command(id, 'resume');
  }

  rollback(id: string): Observable<CustomerImport> {
    return this.command(id, 'rollback');
  }

  /** The row-by-row report as a file (a blob, since the call needs the Bearer header). */
  report(id: string, fallbackName: string): Observable<JobFile> {
    return this.http
      .get(`${this.base}/${id}/report`, { responseType: 'blob', observe: 'response' })
      .pipe(
        readBlobErrors(),
        map((response) => ({
          blob: response.body ?? new Blob([]),
          fileName: utf8NameOf(response) ?? fileNameOf(response, fallbackName),
        })),
      );
  }

  private command(id: string, verb: 'run' | 'resume' | 'rollback'): Observable<CustomerImport> {
    return this.http
      .post<ApiData<CustomerImport>>(`${this.base}/${id}/${verb}`, null)
      .pipe(map((r) => r.data));
  }
}
