import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { Tenant } from '../shared/api/models';
import { toParams } from '../shared/api/query-params';

/** A platform operator (runs the SaaS; not a tenant user). */
export interface Operator {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

/** What POST /platform/auth/login answers. */
export interface OperatorSession {
  readonly token: string;
  readonly operator: Operator;
}

/** A tenant as the platform lists it. */
export interface PlatformTenant extends Tenant {
  readonly userCount: number;
}

/** Calls of /platform/*. */
@Injectable({ providedIn: 'root' })
export class PlatformApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/platform`;

  login(email: string, password: string): Observable<OperatorSession> {
    return this.http
      .post<ApiData<OperatorSession>>(`${this.base}/auth/login`, { email, password })
      .pipe(map((r) => r.data));
  }

  tenants(page: number, perPage: number): Observable<Paged<PlatformTenant>> {
    return this.http.get<Paged<PlatformTenant>>(`${this.base}/tenants`, {
      params: toParams({ page, perPage }),
    });
  }

  setStatus(id: string, action: 'suspend' | 'reactivate'): Observable<PlatformTenant> {
    return this.http
      .post<ApiData<PlatformTenant>>(`${this.base}/tenants/${id}/${action}`, {})
      .pipe(map((r) => r.data));
  }
}
