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
  /** T of the service level: the organisation's KPI setting. */
  readonly serviceLevelSeconds: number;
  readonly waiting: number;
  readonly oldestQueuedAt: string | null;
  /** Calls that entered the queue today and are no longer waiting. */
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly answeredWithinThreshold: number;
  /** answeredWithinThreshold ÷ (answered + the abandons the organisation counts), 0–1; null before the first call. */
  readonly serviceLevel: number | null;
  readonly agentsReady: number;
  readonly agentsBusy: number;
  readonly memberIds: readonly string[];
  readonly since: string;
}

/** Which abandoned calls count in the service level's denominator (the organisation's KPI setting). */
export type ServiceLevelAbandons = 'all' | 'exclude_short' | 'none';

/** The organisation's KPI settings the live numbers use, with the service level's meaning in English. */
export interface LiveKpiSettings {
  readonly serviceLevelSeconds: number;
  readonly shortAbandonSeconds: number;
  readonly serviceLevelAbandons: ServiceLevelAbandons;
  readonly serviceLevelLabel: string;
}

/** Today's KPIs by the data center's definitions (fractions 0–1, seconds; null before the first call). */
export interface LiveKpis {
  readonly serviceLevelSeconds: number;
  readonly serviceLevelLabel: string;
  readonly waiting: number;
  readonly oldestQueuedAt: string | null;
  readonly longestWaitSeconds: number;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly shortAbandoned: number;
  readonly answeredWithinThreshold: number;
  readonly serviceLevel: number | null;
  readonly abandonRate: number | null;
  readonly asa: number | null;
  readonly aht: number | null;
  readonly avgTalk: number | null;
  readonly avgHold: number | null;
  readonly avgWrap: number | null;
  readonly since: string;
}

/** One queue on the supervisor console: its staffing and today's KPIs. */
export type LiveQueue = QueueStats & LiveKpis;

/** GET /queues/stats in full: every queue, all queues together and the settings used. */
export interface QueueBoard {
  readonly queues: LiveQueue[];
  readonly total: LiveKpis;
  readonly settings: LiveKpiSettings;
}

/** The supervisor console's reads: agents with their teams and today's queue numbers. */
@Injectable({ providedIn: 'root' })
export class SupervisorApi {
  private readonly http = inject(HttpClient);

  agents(): Observable<SupervisedAgent[]> {
    return this.http.get<ApiData<SupervisedAgent[]>>(`${API_BASE}/agents`).pipe(map((r) => r.data));
  }

  queueStats(): Observable<QueueStats[]> {
    return this.queueBoard().pipe(map((board) => board.queues));
  }

  /** Every queue's numbers of today, the total and the KPI settings behind them. */
  queueBoard(): Observable<QueueBoard> {
    return this.http
      .get<ApiData<LiveQueue[]> & Pick<QueueBoard, 'total' | 'settings'>>(
        `${API_BASE}/queues/stats`,
      )
      .pipe(map((r) => ({ queues: r.data, total: r.total, settings: r.settings })));
  }
}
