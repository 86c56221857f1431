import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { AgentSelf, AgentStateInput } from '../shared/api/acd-models';
import { API_BASE, ApiData } from '../shared/api/api-types';

/** A queue's id and name, to name the queue a call comes from. */
export interface QueueName {
  readonly id: string;
  readonly name: string;
}

/** The signed-in agent's own calls of /agent, each answering the agent's new state. */
@Injectable({ providedIn: 'root' })
export class AgentApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/agent`;

  me(): Observable<AgentSelf> {
    return this.http.get<ApiData<AgentSelf>>(this.base).pipe(map((r) => r.data));
  }

  setState(body: AgentStateInput): Observable<AgentSelf> {
    return this.http.post<ApiData<AgentSelf>>(`${this.base}/state`, body).pipe(map((r) => r.data));
  }

  accept(offerId: string): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/offers/${offerId}/accept`, {})
      .pipe(map((r) => r.data));
  }

  reject(offerId: string): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/offers/${offerId}/reject`, {})
      .pipe(map((r) => r.data));
  }

  hangUp(callId: string): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/calls/${callId}/hangup`, {})
      .pipe(map((r) => r.data));
  }

  queueNames(): Observable<QueueName[]> {
    return this.http
      .get<ApiData<QueueName[]>>(`${API_BASE}/queues`)
      .pipe(map((r) => r.data.map(({ id, name }) => ({ id, name }))));
  }
}
