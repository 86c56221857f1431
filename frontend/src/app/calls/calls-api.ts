import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { AgentSelf, CallDetail, CallSummary } from '../shared/api/acd-models';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { JoinGrant } from '../shared/voice/voice-models';

/** Largest page of live calls the page asks for. */
export const LIVE_CALLS_PAGE = 100;

/** Answer of POST /calls/:id/monitor: listen-only credentials for the call room. */
export interface MonitorGrant {
  readonly mode: 'monitor';
  readonly join: JoinGrant;
}

/** Answer of POST /calls/:id/whisper: the only identity that may hear the supervisor. */
export interface WhisperGrant {
  readonly mode: 'whisper';
  readonly onlyTo: string;
}

/** Supervisors' calls of /calls: the live list and the supervision commands on one call. */
@Injectable({ providedIn: 'root' })
export class CallsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/calls`;

  live(): Observable<CallSummary[]> {
    return this.http
      .get<Paged<CallSummary>>(this.base, {
        params: { status: 'live', perPage: LIVE_CALLS_PAGE },
      })
      .pipe(map((r) => r.data));
  }

  monitor(id: string): Observable<MonitorGrant> {
    return this.post<MonitorGrant>(id, 'monitor');
  }

  whisper(id: string): Observable<WhisperGrant> {
    return this.post<WhisperGrant>(id, 'whisper');
  }

  barge(id: string): Observable<{ mode: 'barge' }> {
    return this.post<{ mode: 'barge' }>(id, 'barge');
  }

  /** The supervisor takes over the call; answers the supervisor's own agent state. */
  intercept(id: string): Observable<AgentSelf> {
    return this.post<AgentSelf>(id, 'intercept');
  }

  leave(id: string): Observable<{ mode: null }> {
    return this.post<{ mode: null }>(id, 'leave');
  }

  /** Force hang-up of the whole call. */
  release(id: string): Observable<CallDetail> {
    return this.post<CallDetail>(id, 'release');
  }

  private post<T>(id: string, action: string): Observable<T> {
    return this.http.post<ApiData<T>>(`${this.base}/${id}/${action}`, {}).pipe(map((r) => r.data));
  }
}
