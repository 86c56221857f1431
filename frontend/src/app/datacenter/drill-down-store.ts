import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { EMPTY_META, PageMeta } from '../shared/api/api-types';
import { withJobExport } from '../shared/store/with-job-export';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { DatacenterApi } from './datacenter-api';
import { ContactRow, ContactsQuery, DrillKpi, ExportFormat } from './datacenter-models';
import { ResolvedRange } from './time-range';
import { DatacenterFilters } from './view-query';

/** What was clicked: a count, maybe of one queue's, team's, agent's or dialled number's row. */
export interface DrillTarget {
  readonly kpi: DrillKpi;
  readonly queueId?: string | null;
  readonly agentId?: string | null;
  readonly teamId?: string | null;
  /** A dialled number ('' for the calls without one). */
  readonly number?: string | null;
  /** The number shown where it was clicked (the drawer's heading repeats it). */
  readonly count?: number;
}

/** Rows per page of the drill-down. */
export const DRILL_PAGE_SIZE = 20;

/**
 * The first page of calls behind a clicked number: the view's range and queue/agent lists (the
 * same filters as its KPIs, so the total is the number clicked), narrowed to the row's queue,
 * agent, team or dialled number when a league-table row was clicked.
 */
export function drillQuery(
  range: ResolvedRange,
  filters: DatacenterFilters,
  target: DrillTarget,
): ContactsQuery {
  return {
    from: range.from,
    to: range.to,
    kpi: target.kpi,
    queueIds: filters.queueIds,
    agentIds: filters.agentIds,
    queueId: target.queueId ?? null,
    agentId: target.agentId ?? null,
    teamId: target.teamId ?? null,
    number: target.number ?? null,
    channel: null,
    page: 1,
    perPage: DRILL_PAGE_SIZE,
  };
}

interface DrillDownState {
  readonly target: DrillTarget | null;
  readonly query: ContactsQuery | null;
  readonly rows: ContactRow[];
  readonly meta: PageMeta;
}

/** The drill-down drawer: the calls behind one number, a page at a time. */
export const DrillDownStore = signalStore(
  withState<DrillDownState>({ target: null, query: null, rows: [], meta: EMPTY_META }),
  withLoad(),
  withMutation(),
  withJobExport(),
  withMethods((store, api = inject(DatacenterApi)) => {
    const load = loadMethod(
      store,
      (query: ContactsQuery) => api.contacts(query),
      (page) => patchState(store, { rows: page.data, meta: page.meta }),
    );
    return {
      open(range: ResolvedRange, filters: DatacenterFilters, target: DrillTarget): void {
        const query = drillQuery(range, filters, target);
        patchState(store, {
          target,
          query,
          rows: [],
          meta: { ...EMPTY_META, perPage: query.perPage },
        });
        load(query);
      },
      changePage(page: number, perPage: number): void {
        const query = store.query();
        if (!query || (query.page === page && query.perPage === perPage)) return;
        const next = { ...query, page: perPage === query.perPage ? page : 1, perPage };
        patchState(store, { query: next });
        load(next);
      },
      /** Exports every call behind the number (all pages) as a job. */
      exportContacts(format: ExportFormat) {
        const query = store.query();
        if (!query) return null;
        return store.exportFile(
          api.startExport({
            format,
            kind: 'contacts',
            from: query.from,
            to: query.to,
            kpi: query.kpi,
            ...(query.queueIds.length ? { queueIds: query.queueIds } : {}),
            ...(query.agentIds.length ? { agentIds: query.agentIds } : {}),
            ...(query.queueId ? { queueId: query.queueId } : {}),
            ...(query.agentId ? { agentId: query.agentId } : {}),
            ...(query.teamId ? { teamId: query.teamId } : {}),
            ...(query.number !== null ? { number: query.number } : {}),
          }),
          `datacenter-${query.kpi}-${query.from.slice(0, 10)}.${format}`,
        );
      },
      close(): void {
        patchState(store, { target: null });
      },
    };
  }),
);
