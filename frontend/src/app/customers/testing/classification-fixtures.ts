import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, Subject, throwError } from 'rxjs';
import { Customer } from '../customers-api';
import {
  CategoryGroup,
  CategoryGroupInput,
  CategoryValue,
  CategoryValueInput,
  ReclassifyChanges,
  ReclassifyJob,
  ReclassifyTarget,
  Segment,
  SegmentInput,
  SegmentRules,
} from '../classification/classification-api';
import { customer } from './customer-fixtures';

/** A category value. */
export const categoryValue = (
  id: string,
  groupId: string,
  extra: Partial<CategoryValue> = {},
): CategoryValue => ({
  id,
  groupId,
  name: id.toUpperCase(),
  colour: '#1677ff',
  position: 0,
  ...extra,
});

/** A category group; `values` are built from ids. */
export const categoryGroup = (
  id: string,
  valueIds: string[],
  extra: Partial<CategoryGroup> = {},
): CategoryGroup => ({
  id,
  name: id,
  description: null,
  exclusive: false,
  position: 0,
  values: valueIds.map((valueId, position) => categoryValue(valueId, id, { position })),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** A saved segment. */
export const segment = (id: string, extra: Partial<Segment> = {}): Segment => ({
  id,
  name: id,
  description: null,
  rules: { match: 'all', conditions: [] },
  memberCount: 3,
  createdBy: 'u-ada',
  createdByName: 'Ada',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** A re-classification job in some state. */
export const reclassifyJob = (
  status: ReclassifyJob['status'],
  done = 0,
  total: number | null = 10,
): ReclassifyJob => ({
  id: 'job-1',
  kind: 'customers.reclassify',
  status,
  progress: {
    done,
    total,
    percent: status === 'succeeded' ? 100 : total ? Math.floor((done / total) * 100) : null,
  },
  result:
    status === 'succeeded' ? { matched: total ?? 0, reached: total ?? 0, changed: done } : null,
  error: status === 'failed' ? 'boom' : null,
  downloadable: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  finishedAt: status === 'succeeded' || status === 'failed' ? '2026-01-01T00:01:00.000Z' : null,
});

/** A ClassificationApi that answers from memory and remembers what it was asked. */
export class FakeClassificationApi {
  groupList: CategoryGroup[] = [
    categoryGroup('vip', ['gold'], { position: 2 }),
    categoryGroup('grade', ['a', 'b', 'c'], { exclusive: true, position: 1 }),
  ];
  segmentList: Segment[] = [segment('zeta'), segment('alpha', { memberCount: 7 })];
  readonly calls: Array<[string, ...unknown[]]> = [];
  /** Answers of GET /jobs/:id, in order; the last one repeats. */
  jobStates: ReclassifyJob[] = [reclassifyJob('succeeded', 10, 10)];
  previewCount = 4;
  /** Set to make the next mutating call answer with this error. */
  failNext: HttpErrorResponse | null = null;
  /** When set, preview answers come from this subject. */
  previewAnswers: Subject<number> | null = null;

  private answer<T>(value: T): Observable<T> {
    const error = this.failNext;
    this.failNext = null;
    return error ? throwError(() => error) : of(value);
  }

  groups(): Observable<CategoryGroup[]> {
    return of(this.groupList);
  }
  createGroup(body: CategoryGroupInput): Observable<CategoryGroup> {
    this.calls.push(['createGroup', body]);
    const values = (body.values ?? []).map((v, i) =>
      categoryValue(`${body.name}-${i}`, 'new', { name: v.name, position: i }),
    );
    return this.answer(
      categoryGroup('new', [], {
        name: body.name,
        exclusive: body.exclusive,
        position: body.position ?? 0,
        values,
      }),
    );
  }
  updateGroup(id: string, body: Partial<CategoryGroupInput>): Observable<CategoryGroup> {
    this.calls.push(['updateGroup', id, body]);
    const current = this.groupList.find((g) => g.id === id)!;
    return this.answer({ ...current, ...body, values: current.values });
  }
  removeGroup(id: string): Observable<void> {
    this.calls.push(['removeGroup', id]);
    return this.answer(undefined);
  }
  createValue(groupId: string, body: CategoryValueInput): Observable<CategoryValue> {
    this.calls.push(['createValue', groupId, body]);
    return this.answer(categoryValue('v-new', groupId, { ...body, position: body.position ?? 9 }));
  }
  updateValue(id: string, body: Partial<CategoryValueInput>): Observable<CategoryValue> {
    this.calls.push(['updateValue', id, body]);
    const current = this.groupList.flatMap((g) => g.values).find((v) => v.id === id)!;
    return this.answer({ ...current, ...body });
  }
  removeValue(id: string): Observable<void> {
    this.calls.push(['removeValue', id]);
    return this.answer(undefined);
  }
  setCustomerCategories(customerId: string, valueIds: string[]): Observable<Customer> {
    this.calls.push(['setCustomerCategories', customerId, valueIds]);
    const byId = new Map(
      this.groupList.flatMap((g) => g.values.map((v) => [v.id, { v, g }] as const)),
    );
    const categories = valueIds.map((id) => {
      const { v, g } = byId.get(id)!;
      return { id, name: v.name, colour: v.colour, groupId: g.id, groupName: g.name };
    });
    return this.answer(customer(customerId, { categories }));
  }
  segments(): Observable<Segment[]> {
    return of(this.segmentList);
  }
  createSegment(body: SegmentInput): Observable<Segment> {
    this.calls.push(['createSegment', body]);
    return this.answer(segment('s-new', { ...body }));
  }
  updateSegment(id: string, body: Partial<SegmentInput>): Observable<Segment> {
    this.calls.push(['updateSegment', id, body]);
    return this.answer({ ...this.segmentList.find((s) => s.id === id)!, ...body });
  }
  removeSegment(id: string): Observable<void> {
    this.calls.push(['removeSegment', id]);
    return this.answer(undefined);
  }
  preview(rules: SegmentRules): Observable<number> {
    this.calls.push(['preview', rules]);
    return this.previewAnswers ?? this.answer(this.previewCount);
  }
  reclassify(target: ReclassifyTarget, changes: ReclassifyChanges): Observable<ReclassifyJob> {
    this.calls.push(['reclassify', target, changes]);
    return this.answer(reclassifyJob('queued', 0, null));
  }
  job(id: string): Observable<ReclassifyJob> {
    this.calls.push(['job', id]);
    const state = this.jobStates.length > 1 ? this.jobStates.shift()! : this.jobStates[0];
    return of(state);
  }
}
