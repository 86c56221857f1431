import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { Locale, RoleRef, TeamRef, User, UserStatus } from '../shared/api/models';
import { toParams } from '../shared/api/query-params';

/** Filters and page of the users table. */
export interface UsersQuery {
  readonly search: string;
  readonly status: UserStatus | null;
  readonly page: number;
  readonly perPage: number;
}

/** Body of POST /users (an invitation mail is sent). */
export interface InviteUser {
  readonly email: string;
  readonly displayName: string;
  readonly roleIds: string[];
  readonly teamIds: string[];
}

/** Body of PATCH /users/:id. */
export interface UpdateUser {
  readonly displayName?: string;
  readonly locale?: Locale;
  readonly roleIds?: string[];
  readonly teamIds?: string[];
}

/** One-click account actions, each answering the updated user. */
export type UserAction = 'deactivate' | 'reactivate' | 'reset-mfa' | 'unlock';

/** Calls of /users plus the role and team lists its forms offer. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/users`;

  list(query: UsersQuery): Observable<Paged<User>> {
    return this.http.get<Paged<User>>(this.base, { params: toParams({ ...query }) });
  }

  invite(body: InviteUser): Observable<User> {
    return this.http.post<ApiData<User>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: UpdateUser): Observable<User> {
    return this.http.patch<ApiData<User>>(`${this.base}/${id}`, body).pipe(map((r) => r.data));
  }

  run(id: string, action: UserAction): Observable<User> {
    return this.http
      .post<ApiData<User>>(`${this.base}/${id}/${action}`, {})
      .pipe(map((r) => r.data));
  }

  roles(): Observable<RoleRef[]> {
    return this.http.get<ApiData<RoleRef[]>>(`${API_BASE}/roles`).pipe(map((r) => r.data));
  }

  teams(): Observable<TeamRef[]> {
    return this.http.get<ApiData<TeamRef[]>>(`${API_BASE}/teams`).pipe(map((r) => r.data));
  }
}
