import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { tap } from 'rxjs';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { DatacenterApi } from './datacenter-api';
import {
  KPI_KEYS,
  KpiDimension,
  ReportDefinition,
  ReportInput,
  SavedReport,
} from './datacenter-models';
import { DatacenterFilters } from './view-query';

/** The definition a view saves: its preset (or fixed instants of custom days) and filters. */
export function definitionOf(
  filters: DatacenterFilters,
  range: { from: string; to: string },
  by: KpiDimension,
): ReportDefinition {
  return {
    range: filters.preset ? { preset: filters.preset } : { from: range.from, to: range.to },
    by,
    queueIds: filters.queueIds,
    agentIds: filters.agentIds,
    kpis: KPI_KEYS,
  };
}

/**
 * The filters a saved report opens with; fixed instants become the calendar days they start on
 * (`toDay` maps an instant to the organisation's calendar date).
 */
export function filtersOf(
  definition: ReportDefinition,
  toDay: (iso: string, end: boolean) => string,
): DatacenterFilters {
  const range = definition.range;
  const days =
    'preset' in range
      ? { preset: range.preset, fromDate: null, toDate: null }
      : { preset: null, fromDate: toDay(range.from, false), toDate: toDay(range.to, true) };
  return { ...days, queueIds: definition.queueIds ?? [], agentIds: definition.agentIds ?? [] };
}

interface ReportsState {
  readonly reports: SavedReport[];
}

/** Saved reports: the list (own and shared), save, rename, delete. */
export const ReportsStore = signalStore(
  withState<ReportsState>({ reports: [] }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(DatacenterApi)) => {
    const replace = (report: SavedReport) =>
      patchState(store, {
        reports: store.reports().map((r) => (r.id === report.id ? report : r)),
      });
    return {
      load: loadMethod(
        store,
        () => api.reports(),
        (reports) => patchState(store, { reports }),
      ),
      create(input: ReportInput) {
        return store.mutate(
          api
            .createReport(input)
            .pipe(tap((report) => patchState(store, { reports: [report, ...store.reports()] }))),
        );
      },
      update(id: string, input: ReportInput) {
        return store.mutate(api.updateReport(id, input).pipe(tap(replace)));
      },
      remove(id: string) {
        return store.mutate(
          api
            .deleteReport(id)
            .pipe(
              tap(() => patchState(store, { reports: store.reports().filter((r) => r.id !== id) })),
            ),
        );
      },
    };
  }),
);
