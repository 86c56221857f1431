import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';

/** A permission the API knows, grouped for display. */
export interface Permission {
  readonly key: string;
  readonly group: string;
  readonly description: string;
}

/** A role with its permissions; built-in roles cannot be changed. */
export interface Role {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly builtIn: boolean;
  readonly permissions: string[];
  readonly userCount: number;
}

/** Body of POST /roles and PATCH /roles/:id. */
export interface RoleInput {
  readonly name: string;
  readonly description: string;
  readonly permissions: string[];
}

/** Calls of /roles and /permissions. */
@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/roles`;

  list(): Observable<Role[]> {
    return this.http.get<ApiData<Role[]>>(this.base).pipe(map((r) => r.data));
  }

  permissions(): Observable<Permission[]> {
    return this.http.get<ApiData<Permission[]>>(`${API_BASE}/permissions`).pipe(map((r) => r.data));
  }

  create(body: RoleInput): Observable<Role> {
    return this.http.post<ApiData<Role>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: RoleInput): Observable<Role> {
    return this.http.patch<ApiData<Role>>(`${this.base}/${id}`, body).pipe(map((r) => r.data));
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }
}
