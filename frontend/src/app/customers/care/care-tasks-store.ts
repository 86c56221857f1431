import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, Observable, pipe, switchMap, tap } from 'rxjs';
import { EMPTY_META, PageMeta } from '../../shared/api/api-types';
import { Outcome } from '../../shared/api/outcome';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import {
  CareApi,
  CareAssigned,
  CareSummary,
  CareTask,
  CareTaskQuery,
  CareWhen,
  CompleteCareTask,
} from './care-api';

/** Tasks per page of the care-task lists. */
export const CARE_PAGE_SIZE = 20;

interface CareTasksState {
  readonly query: CareTaskQuery;
  readonly tasks: CareTask[];
  readonly meta: PageMeta;
  readonly summary: CareSummary | null;
  /** The task an action is running on (its buttons spin). */
  readonly busyId: string | null;
}

const INITIAL_QUERY: CareTaskQuery = {
  when: 'due',
  assigned: 'mine',
  status: null,
  customerId: null,
  page: 1,
  perPage: CARE_PAGE_SIZE,
};

/** The task list after an action answered: a closed task leaves lists of open tasks, otherwise it is replaced. */
export function afterAction(
  tasks: readonly CareTask[],
  changed: CareTask,
  when: CareWhen,
): CareTask[] {
  if (changed.status !== 'open' && when !== 'all') return tasks.filter((t) => t.id !== changed.id);
  return tasks.map((t) => (t.id === changed.id ? changed : t));
}

/**
 * A list of care tasks with its filters (due / overdue / upcoming / all; mine / any) and the
 * badge counts, with claim, done and skip. Each screen provides its own (the "My care tasks"
 * page, the home card, a customer's page).
 */
export const CareTasksStore = signalStore(
  withState<CareTasksState>({
    query: INITIAL_QUERY,
    tasks: [],
    meta: EMPTY_META,
    summary: null,
    busyId: null,
  }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    /** The badge: open tasks due today or overdue. */
    dueCount: computed(() => store.summary()?.due ?? 0),
  })),
  withMethods((store, api = inject(CareApi)) => {
    const fetch = loadMethod(
      store,
      (query: CareTaskQuery) => api.tasks(query),
      (page) => patchState(store, { tasks: page.data, meta: page.meta }),
    );
    const loadSummary = rxMethod<void>(
      pipe(
        switchMap(() =>
          api.summary().pipe(
            tap((summary) => patchState(store, { summary })),
            catchError(() => EMPTY),
          ),
        ),
      ),
    );
    const reload = () => fetch(store.query());
    const act = async (task: CareTask, call: Observable<CareTask>) => {
      patchState(store, { busyId: task.id });
      const outcome: Outcome<CareTask> = await store.mutate(call);
      patchState(store, { busyId: null });
      if (outcome.ok) {
        const tasks = afterAction(store.tasks(), outcome.value, store.query().when);
        const gone = store.tasks().length - tasks.length;
        patchState(store, { tasks, meta: { ...store.meta(), total: store.meta().total - gone } });
        loadSummary();
      }
      return outcome;
    };
    return {
      /** Sets the filters (the page goes back to 1) and loads; the badge counts come along. */
      show(filters: Partial<Omit<CareTaskQuery, 'page'>>): void {
        patchState(store, { query: { ...store.query(), ...filters, page: 1 } });
        reload();
        loadSummary();
      },
      setWhen(when: CareWhen): void {
        patchState(store, { query: { ...store.query(), when, page: 1 } });
        reload();
      },
      setAssigned(assigned: CareAssigned): void {
        patchState(store, { query: { ...store.query(), assigned, page: 1 } });
        reload();
      },
      setPage(page: number): void {
        patchState(store, { query: { ...store.query(), page } });
        reload();
      },
      /** Reads the list and the badge again. */
      refresh(): void {
        reload();
        loadSummary();
      },
      claim(task: CareTask) {
        return act(task, api.claim(task.id));
      },
      complete(task: CareTask, body: CompleteCareTask) {
        return act(task, api.complete(task.id, body));
      },
      skip(task: CareTask, note: string | null) {
        return act(task, api.skip(task.id, note));
      },
    };
  }),
);
