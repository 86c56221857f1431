import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { AgentSelf, AgentStateInput, AgentStatus } from '../shared/api/acd-models';
import { API_BASE, ApiData } from '../shared/api/api-types';

/** Supervisors' calls of /agents: live states, forced state changes, lock and unlock. */
@Injectable({ providedIn: 'root' })
export class AgentsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/agents`;

  list(): Observable<AgentStatus[]> {
    return this.http.get<ApiData<AgentStatus[]>>(this.base).pipe(map((r) => r.data));
  }

  forceState(id: string, body: AgentStateInput): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/${id}/state`, body)
      .pipe(map((r) => r.data));
  }

  setLocked(id: string, locked: boolean): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/${id}/${locked ? 'lock' : 'unlock'}`, {})
      .pipe(map((r) => r.data));
  }
}
