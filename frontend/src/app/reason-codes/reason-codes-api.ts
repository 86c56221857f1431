import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';

/** A not-ready reason agents may pick, in the order the pickers show them. */
export interface ReasonCode {
  readonly id: string;
  /** Stable machine name stored with the agent state (`a-z0-9_`). */
  readonly code: string;
  readonly label: string;
  readonly active: boolean;
  readonly position: number;
}

/** Body of POST /reason-codes. */
export interface ReasonCodeInput {
  readonly code: string;
  readonly label: string;
  readonly active: boolean;
  readonly position: number;
}

/** Body of PATCH /reason-codes/:id: the code itself never changes. */
export type ReasonCodeChanges = Omit<ReasonCodeInput, 'code'>;

/** Calls of /reason-codes. */
@Injectable({ providedIn: 'root' })
export class ReasonCodesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/reason-codes`;

  list(): Observable<ReasonCode[]> {
    return this.http.get<ApiData<ReasonCode[]>>(this.base).pipe(map((r) => r.data));
  }

  create(body: ReasonCodeInput): Observable<ReasonCode> {
    return this.http.post<ApiData<ReasonCode>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: ReasonCodeChanges): Observable<ReasonCode> {
    return this.http
      .patch<ApiData<ReasonCode>>(`${this.base}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }
}
