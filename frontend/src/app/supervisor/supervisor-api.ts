import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { AgentStatus } from '../shared/api/acd-models';
import { API_BASE, ApiData } from '../shared/api/api-types';

/** A team an agent belongs to. */
export interface AgentTeam {
  readonly id: string;
  readonly name: string;
}

/** An agent's live state with their teams (GET /agents). */
export interface SupervisedAgent extends AgentStatus {
  readonly teams: readonly AgentTeam[];
}

/** Today's numbers of one queue (GET /queues/stats); today starts at the organisation's midnight. */
export interface QueueStats {
  readonly queueId: string;
  readonly name: string;
  readonly serviceLevelSeconds: number;
  readonly waiting: number;
  readonly oldestQueuedAt: string | null;
  /** Calls that entered the queue today and are no longer waiting. */
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly answeredWithinThreshold: number;
  /** answeredWithinThreshold / offered, 0–1; null before the first offered call. */
  readonly serviceLevel: number | null;
  readonly agentsReady: number;
  readonly agentsBusy: number;
  readonly memberIds: readonly string[];
  readonly since: string;
}

/** The supervisor console's reads: agents with their teams and today's queue numbers. */
@Injectable({ providedIn: 'root' })
export class SupervisorApi {
  private readonly http = inject(HttpClient);

  agents(): Observable<SupervisedAgent[]> {
    return this.http.get<ApiData<SupervisedAgent[]>>(`${API_BASE}/agents`).pipe(map((r) => r.data));
  }

  queueStats(): Observable<QueueStats[]> {
    return this.http
      .get<ApiData<QueueStats[]>>(`${API_BASE}/queues/stats`)
      .pipe(map((r) => r.data));
  }
}
