import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, throwError } from 'rxjs';
import { Paged } from '../../../shared/api/api-types';
import {
  CareRule,
  CareRuleInput,
  CareSummary,
  CareTask,
  CareTaskQuery,
  CompleteCareTask,
} from '../care-api';

/** A care task as the API answers it: open, due today, for Ada. */
export const careTask = (id: string, extra: Partial<CareTask> = {}): CareTask => ({
  id,
  ruleId: 'rule-1',
  ruleName: 'Birthday greetings',
  kind: 'anniversary',
  customerId: 'c7',
  customerName: '王小明',
  title: 'Birthday greeting for 王小明',
  dueDate: '2026-03-01',
  occurrence: '2026-03-04',
  status: 'open',
  overdue: false,
  assigneeUserId: 'u-ada',
  assigneeUserName: 'Ada',
  assigneeTeamId: null,
  assigneeTeamName: null,
  claimedAt: null,
  sourceTrackingRecordId: null,
  trackingRecordId: null,
  outcome: null,
  note: null,
  completedAt: null,
  completedBy: null,
  completedByName: null,
  createdAt: '2026-02-22T01:00:00.000Z',
  ...extra,
});

/** A care rule as the API answers it: birthdays, 3 days ahead, for the owner. */
export const careRule = (id: string, extra: Partial<CareRule> = {}): CareRule => ({
  id,
  name: 'Birthday greetings',
  kind: 'anniversary',
  fieldKey: 'birthday',
  daysBefore: 3,
  intervalDays: null,
  trackingType: null,
  daysAfter: null,
  titleTemplate: 'Birthday greeting for {name}',
  assignee: 'owner',
  teamId: null,
  teamName: null,
  tag: null,
  customerStatus: null,
  active: true,
  openTasks: 2,
  lastRunAt: null,
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  ...extra,
});

const unprocessable = (field: string) =>
  throwError(
    () =>
      new HttpErrorResponse({
        status: 422,
        error: { errors: [{ field, rule: 'required', message: 'Required' }] },
      }),
  );

/** A CareApi that answers from memory and remembers what it was asked. */
export class FakeCareApi {
  readonly queries: CareTaskQuery[] = [];
  readonly calls: { action: string; id: string; body?: unknown }[] = [];
  readonly ruleBodies: unknown[] = [];
  summaries = 0;
  tasksList: CareTask[] = [
    careTask('t1', { overdue: true, dueDate: '2026-02-27' }),
    careTask('t2'),
    careTask('t3', {
      assigneeUserId: null,
      assigneeUserName: null,
      assigneeTeamId: 'team-1',
      assigneeTeamName: 'Care desk',
    }),
  ];
  rulesList: CareRule[] = [
    careRule('rule-1'),
    careRule('rule-2', {
      name: 'Monthly call',
      kind: 'periodic',
      fieldKey: null,
      daysBefore: null,
      intervalDays: 30,
    }),
  ];
  summaryValue: CareSummary = {
    today: '2026-03-01',
    overdue: 1,
    dueToday: 2,
    due: 3,
    upcoming: 4,
    unclaimed: 1,
  };
  /** Makes claim answer 409 (someone was faster). */
  claimConflict = false;

  tasks(query: CareTaskQuery): Observable<Paged<CareTask>> {
    this.queries.push(query);
    return of({
      data: this.tasksList,
      meta: {
        total: this.tasksList.length,
        perPage: query.perPage,
        currentPage: query.page,
        lastPage: 1,
      },
    });
  }
  summary(): Observable<CareSummary> {
    this.summaries += 1;
    return of(this.summaryValue);
  }
  claim(id: string): Observable<CareTask> {
    this.calls.push({ action: 'claim', id });
    if (this.claimConflict) {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              error: { code: 'E_CONFLICT', message: 'Someone has already claimed this task' },
            },
          }),
      );
    }
    return of(
      careTask(id, {
        assigneeUserId: 'u-ada',
        assigneeUserName: 'Ada',
        assigneeTeamId: 'team-1',
        assigneeTeamName: 'Care desk',
      }),
    );
  }
  complete(id: string, body: CompleteCareTask): Observable<CareTask> {
    this.calls.push({ action: 'done', id, body });
    return of(
      careTask(id, {
        status: 'done',
        outcome: body.outcome ?? null,
        trackingRecordId: body.trackingType ? 'r-new' : null,
      }),
    );
  }
  skip(id: string, note: string | null): Observable<CareTask> {
    this.calls.push({ action: 'skip', id, body: { note } });
    return of(careTask(id, { status: 'skipped', note }));
  }
  rules(): Observable<CareRule[]> {
    return of(this.rulesList);
  }
  createRule(body: CareRuleInput): Observable<CareRule> {
    this.ruleBodies.push(body);
    if (!body.name) return unprocessable('name');
    return of(careRule('rule-new', { ...body, teamName: null, openTasks: 0 }));
  }
  updateRule(id: string, body: Partial<CareRuleInput>): Observable<CareRule> {
    this.ruleBodies.push(body);
    const current = this.rulesList.find((r) => r.id === id)!;
    return of({ ...current, ...body });
  }
  removeRule(id: string): Observable<void> {
    this.calls.push({ action: 'removeRule', id });
    return of(undefined);
  }
}
