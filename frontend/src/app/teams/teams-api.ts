import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { User } from '../shared/api/models';
import { toParams } from '../shared/api/query-params';

/** A user as a team shows it (supervisor or member). */
export interface TeamPerson {
  readonly id: string;
  readonly displayName: string;
  readonly email?: string;
}

/** A team as listed. */
export interface Team {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly supervisors: TeamPerson[];
  readonly memberCount: number;
}

/** A team with its members (GET /teams/:id). */
export interface TeamDetail extends Team {
  readonly members: TeamPerson[];
}

/** Body of POST /teams and PATCH /teams/:id. */
export interface TeamInput {
  readonly name: string;
  readonly description: string;
  readonly supervisorIds: string[];
}

/** Calls of /teams, plus the user search its pickers use. */
@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/teams`;

  list(): Observable<Team[]> {
    return this.http.get<ApiData<Team[]>>(this.base).pipe(map((r) => r.data));
  }

  get(id: string): Observable<TeamDetail> {
    return this.http.get<ApiData<TeamDetail>>(`${this.base}/${id}`).pipe(map((r) => r.data));
  }

  create(body: TeamInput): Observable<Team> {
    return this.http.post<ApiData<Team>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: TeamInput): Observable<Team> {
    return this.http.patch<ApiData<Team>>(`${this.base}/${id}`, body).pipe(map((r) => r.data));
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  /** Replaces the member list; answers the team (members included) when the API sends one. */
  setMembers(id: string, userIds: string[]): Observable<TeamDetail | null> {
    return this.http
      .put<ApiData<TeamDetail> | null>(`${this.base}/${id}/members`, { userIds })
      .pipe(map((r) => r?.data ?? null));
  }

  searchUsers(search: string): Observable<TeamPerson[]> {
    return this.http
      .get<Paged<User>>(`${API_BASE}/users`, {
        params: toParams({ search, status: 'active', perPage: 50, page: 1 }),
      })
      .pipe(
        map((page) => page.data.map(({ id, displayName, email }) => ({ id, displayName, email }))),
      );
  }
}
