import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../../shared/api/api-types';
import { toParams } from '../../shared/api/query-params';
import { TrackingType } from '../tracking-api';

/** What a care rule reacts to: a yearly date, time since the last contact, or a service given. */
export type CareRuleKind = 'anniversary' | 'periodic' | 'post_service';
export const CARE_RULE_KINDS: readonly CareRuleKind[] = ['anniversary', 'periodic', 'post_service'];

/** Who gets a rule's tasks. */
export type CareAssignee = 'owner' | 'team';

/** Where a care task stands. */
export type CareTaskStatus = 'open' | 'done' | 'skipped';

/** Which tasks a list shows by due date. */
export type CareWhen = 'due' | 'overdue' | 'upcoming' | 'all';
export const CARE_WHENS: readonly CareWhen[] = ['due', 'overdue', 'upcoming', 'all'];

/** Which of the visible tasks a list shows, by whom they are for. */
export type CareAssigned = 'any' | 'mine' | 'me' | 'unclaimed';

/** A care rule (GET /care-rules). */
export interface CareRule {
  readonly id: string;
  readonly name: string;
  readonly kind: CareRuleKind;
  readonly fieldKey: string | null;
  readonly daysBefore: number | null;
  readonly intervalDays: number | null;
  readonly trackingType: TrackingType | null;
  readonly daysAfter: number | null;
  readonly titleTemplate: string;
  readonly assignee: CareAssignee;
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly tag: string | null;
  readonly customerStatus: 'active' | 'inactive' | null;
  readonly active: boolean;
  readonly openTasks: number;
  readonly lastRunAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Body of POST /care-rules (PATCH takes the same without `kind`). */
export interface CareRuleInput {
  readonly name: string;
  readonly kind: CareRuleKind;
  readonly fieldKey: string | null;
  readonly daysBefore: number | null;
  readonly intervalDays: number | null;
  readonly trackingType: TrackingType | null;
  readonly daysAfter: number | null;
  readonly titleTemplate: string;
  readonly assignee: CareAssignee;
  readonly teamId: string | null;
  readonly tag: string | null;
  readonly customerStatus: 'active' | 'inactive' | null;
  readonly active: boolean;
}

/** A care task (GET /care-tasks). */
export interface CareTask {
  readonly id: string;
  readonly ruleId: string | null;
  readonly ruleName: string | null;
  readonly kind: CareRuleKind;
  readonly customerId: string;
  readonly customerName: string;
  readonly title: string;
  readonly dueDate: string;
  readonly occurrence: string;
  readonly status: CareTaskStatus;
  readonly overdue: boolean;
  readonly assigneeUserId: string | null;
  readonly assigneeUserName: string | null;
  readonly assigneeTeamId: string | null;
  readonly assigneeTeamName: string | null;
  readonly claimedAt: string | null;
  readonly sourceTrackingRecordId: string | null;
  readonly trackingRecordId: string | null;
  readonly outcome: string | null;
  readonly note: string | null;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
  readonly completedByName: string | null;
  readonly createdAt: string;
}

/** The signed-in user's open tasks counted by due date (GET /care-tasks/summary). */
export interface CareSummary {
  readonly today: string;
  readonly overdue: number;
  readonly dueToday: number;
  readonly due: number;
  readonly upcoming: number;
  readonly unclaimed: number;
}

/** Filters of GET /care-tasks. */
export interface CareTaskQuery {
  readonly when: CareWhen;
  readonly assigned: CareAssigned;
  readonly status?: CareTaskStatus | null;
  readonly customerId?: string | null;
  readonly page: number;
  readonly perPage: number;
}

/** Body of POST /care-tasks/:id/done. */
export interface CompleteCareTask {
  readonly outcome?: string | null;
  readonly note?: string | null;
  readonly trackingType?: TrackingType | null;
}

/** Calls of the care rules and the care tasks. */
@Injectable({ providedIn: 'root' })
export class CareApi {
  private readonly http = inject(HttpClient);
  private readonly rulesBase = `${API_BASE}/care-rules`;
  private readonly tasksBase = `${API_BASE}/care-tasks`;

  rules(): Observable<CareRule[]> {
    return this.http.get<ApiData<CareRule[]>>(this.rulesBase).pipe(map((r) => r.data));
  }

  createRule(body: CareRuleInput): Observable<CareRule> {
    return this.http.post<ApiData<CareRule>>(this.rulesBase, body).pipe(map((r) => r.data));
  }

  updateRule(id: string, body: Partial<Omit<CareRuleInput, 'kind'>>): Observable<CareRule> {
    return this.http
      .patch<ApiData<CareRule>>(`${this.rulesBase}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  removeRule(id: string): Observable<void> {
    return this.http.delete<void>(`${this.rulesBase}/${id}`);
  }

  tasks(query: CareTaskQuery): Observable<Paged<CareTask>> {
    return this.http.get<Paged<CareTask>>(this.tasksBase, {
      params: toParams({
        when: query.when,
        assigned: query.assigned,
        status: query.status,
        customerId: query.customerId,
        page: query.page,
        perPage: query.perPage,
      }),
    });
  }

  summary(): Observable<CareSummary> {
    return this.http
      .get<ApiData<CareSummary>>(`${this.tasksBase}/summary`)
      .pipe(map((r) => r.data));
  }

  claim(id: string): Observable<CareTask> {
    return this.http
      .post<ApiData<CareTask>>(`${this.tasksBase}/${id}/claim`, {})
      .pipe(map((r) => r.data));
  }

  complete(id: string, body: CompleteCareTask): Observable<CareTask> {
    return this.http
      .post<ApiData<CareTask>>(`${this.tasksBase}/${id}/done`, body)
      .pipe(map((r) => r.data));
  }

  skip(id: string, note: string | null): Observable<CareTask> {
    return this.http
      .post<ApiData<CareTask>>(`${this.tasksBase}/${id}/skip`, { note })
      .pipe(map((r) => r.data));
  }
}
