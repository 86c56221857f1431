import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { debounceTime, distinctUntilChanged, pipe, tap } from 'rxjs';
import { EMPTY_META, PageMeta } from '../shared/api/api-types';
import { DEBOUNCE_SCHEDULER } from '../shared/store/schedulers';
import { withJobExport } from '../shared/store/with-job-export';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import {
  Customer,
  CustomerExportFormat,
  CustomersApi,
  CustomerSort,
  CustomersQuery,
  CustomerStatus,
} from './customers-api';

interface CustomersState {
  readonly query: CustomersQuery;
  readonly customers: Customer[];
  readonly meta: PageMeta;
}

/** The first page, newest changes first. */
export const INITIAL_CUSTOMERS_QUERY: CustomersQuery = {
  search: '',
  status: null,
  tag: '',
  ownerId: null,
  segmentId: null,
  categoryId: null,
  sort: '-updatedAt',
  page: 1,
  perPage: 20,
};

/** State of the customers page: the server-paged, sorted and filtered table, and its export. */
export const CustomersStore = signalStore(
  withState<CustomersState>({ query: INITIAL_CUSTOMERS_QUERY, customers: [], meta: EMPTY_META }),
  withLoad(),
  withMutation(),
  withJobExport(),
  withMethods((store, api = inject(CustomersApi), scheduler = inject(DEBOUNCE_SCHEDULER)) => {
    const load = loadMethod(
      store,
      (query: CustomersQuery) => api.list(query),
      (page) => patchState(store, { customers: page.data, meta: page.meta }),
    );
    /** A changed filter starts again from the first page. */
    const filter = (changes: Partial<CustomersQuery>) =>
      patchState(store, { query: { ...store.query(), ...changes, page: 1 } });
    return {
      load,
      reload(): void {
        load(store.query());
      },
      search: rxMethod<string>(
        pipe(
          debounceTime(300, scheduler),
          distinctUntilChanged(),
          tap((search) => filter({ search })),
        ),
      ),
      filterStatus(status: CustomerStatus | null): void {
        filter({ status });
      },
      /** Only customers with this category value (null: any). */
      filterCategory(categoryId: string | null): void {
        if (categoryId !== store.query().categoryId) filter({ categoryId });
      },
      /** Only the members of this segment (null: any). */
      filterSegment(segmentId: string | null): void {
        if (segmentId !== store.query().segmentId) filter({ segmentId });
      },
      filterTag(tag: string): void {
        if (tag.trim() !== store.query().tag) filter({ tag: tag.trim() });
      },
      /** Page, page size and order as the table reports them; a new size or order starts at page 1. */
      changeTable(page: number, perPage: number, sort: CustomerSort | null): void {
        const query = store.query();
        if (query.page === page && query.perPage === perPage && query.sort === sort) return;
        const samePlace = perPage === query.perPage && sort === query.sort;
        patchState(store, { query: { ...query, page: samePlace ? page : 1, perPage, sort } });
      },
      /** Exports the list as filtered and sorted now: starts the job, follows it, fetches the file. */
      exportList(format: CustomerExportFormat) {
        const fallbackName = `customers-${new Date().toISOString().slice(0, 10)}.${format}`;
        return store.exportFile(api.startExport(format, store.query()), fallbackName);
      },
    };
  }),
  withHooks({
    onInit(store) {
      store.load(store.query);
    },
  }),
);
