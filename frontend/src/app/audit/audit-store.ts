import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { ApiError, EMPTY_META, PageMeta } from '../shared/api/api-types';
import { withJobExport } from '../shared/store/with-job-export';
import { withMutation } from '../shared/store/with-mutation';
import { AuditApi, AuditEntry, AuditFilters } from './audit-api';

interface AuditQuery {
  readonly filters: AuditFilters;
  readonly page: number;
  readonly perPage: number;
}

interface AuditState {
  readonly query: AuditQuery;
  readonly entries: AuditEntry[];
  readonly meta: PageMeta;
  readonly loading: boolean;
  readonly loadError: ApiError | null;
}

/** The unfiltered log. */
export const NO_AUDIT_FILTERS: AuditFilters = {
  actor: '',
  action: '',
  result: null,
  from: null,
  to: null,
};

/** State of the operation log: filters, the server-paged entries and the CSV export. */
export const AuditStore = signalStore(
  withState<AuditState>({
    query: { filters: NO_AUDIT_FILTERS, page: 1, perPage: 20 },
    entries: [],
    meta: EMPTY_META,
    loading: false,
    loadError: null,
  }),
  withMutation(),
  withJobExport(),
  withMethods((store, api = inject(AuditApi)) => ({
    load: rxMethod<AuditQuery>(
      pipe(
        tap(() => patchState(store, { loading: true, loadError: null })),
        switchMap(({ filters, page, perPage }) =>
          api.list(filters, page, perPage).pipe(
            tap((result) =>
              patchState(store, { entries: result.data, meta: result.meta, loading: false }),
            ),
            catchError((err: unknown) => {
              patchState(store, { loading: false, loadError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
    ),
    applyFilters(filters: AuditFilters): void {
      patchState(store, { query: { ...store.query(), filters, page: 1 } });
    },
    changePage(page: number, perPage: number): void {
      const query = store.query();
      if (query.page === page && query.perPage === perPage) return;
      patchState(store, {
        query: { ...query, page: perPage === query.perPage ? page : 1, perPage },
      });
    },
    /** Exports the filtered log: starts the job, follows its progress, then fetches the CSV. */
    exportCsv() {
      const fallbackName = `operation-log-${new Date().toISOString().slice(0, 10)}.csv`;
      return store.exportFile(api.startExport(store.query().filters), fallbackName);
    },
  })),
  withHooks({
    onInit(store) {
      store.load(store.query);
    },
  }),
);
