import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, forkJoin, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { ApiError } from '../shared/api/api-types';
import { withJobExport } from '../shared/store/with-job-export';
import { withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { NOW, ORG_TIME_ZONE } from './datacenter-context';
import { DatacenterApi } from './datacenter-api';
import {
  ExportFormat,
  KPI_KEYS,
  KpiDimension,
  KpiMeta,
  KpiQuery,
  KpiRow,
  KpiStreamEvent,
  LeagueKind,
} from './datacenter-models';
import { daysIn, resolveDates, resolvePreset, ResolvedRange } from './time-range';
import { DatacenterFilters, DEFAULT_FILTERS } from './view-query';

/** Ranges up to this many days draw their trend by hour, longer ones by day. */
export const HOURLY_MAX_DAYS = 2;

interface DatacenterState {
  readonly filters: DatacenterFilters;
  /** The instants the shown numbers cover (resolved when they were loaded). */
  readonly range: ResolvedRange | null;
  readonly meta: KpiMeta | null;
  readonly total: KpiRow | null;
  readonly heat: KpiRow[];
  /** Which league the table ranks, and its rows and names (loaded with the view, and on a switch). */
  readonly league: LeagueKind;
  readonly leagueRows: KpiRow[];
  readonly leagueLabels: Readonly<Record<string, string>>;
  readonly leagueLoading: boolean;
  readonly trend: KpiRow[];
  readonly trendBy: KpiDimension;
  /** Chunks of the trend stream done / announced (0/0 before the first line). */
  readonly streamDone: number;
  readonly streamTotal: number;
  readonly streaming: boolean;
  readonly streamError: ApiError | null;
}

const INITIAL: DatacenterState = {
  filters: DEFAULT_FILTERS,
  range: null,
  meta: null,
  total: null,
  heat: [],
  league: 'queue',
  leagueRows: [],
  leagueLabels: {},
  leagueLoading: false,
  trend: [],
  trendBy: 'day',
  streamDone: 0,
  streamTotal: 0,
  streaming: false,
  streamError: null,
};

/** The range of filters at an instant in a time zone. */
export function rangeOf(filters: DatacenterFilters, now: Date, timeZone: string): ResolvedRange {
  if (filters.preset === null && filters.fromDate && filters.toDate) {
    return resolveDates(filters.fromDate, filters.toDate, timeZone);
  }
  return resolvePreset(filters.preset ?? 'last_7_days', now, timeZone);
}

/** The trend's grouping for a range: by hour up to HOURLY_MAX_DAYS days, else by day. */
export function trendDimension(range: ResolvedRange): KpiDimension {
  return daysIn(range) <= HOURLY_MAX_DAYS ? 'hour' : 'day';
}

/** Applies one stream line to the trend state. */
function streamPatch(state: DatacenterState, line: KpiStreamEvent): Partial<DatacenterState> {
  switch (line.type) {
    case 'meta':
      return { streamTotal: line.chunks, streamDone: 0 };
    case 'rows':
      return {
        trend: [...state.trend, ...line.rows],
        streamDone: line.done,
        streamTotal: line.total,
      };
    case 'end':
      return { streaming: false, streamDone: state.streamTotal };
    default:
      return {};
  }
}

/**
 * State of the data center page: the filters, the KPIs over them (totals, hour × weekday, and one
 * league: per queue, team, agent or dialled number) and the trend that streams in chunk by chunk;
 * plus the KPI export.
 */
export const DatacenterStore = signalStore(
  withState<DatacenterState>(INITIAL),
  withLoad(),
  withMutation(),
  withJobExport(),
  withComputed((store) => ({
    /** Share of the trend stream done, 0..100 (null before the server announced its chunks). */
    streamPercent: computed(() =>
      store.streamTotal() > 0 ? Math.round((store.streamDone() / store.streamTotal()) * 100) : null,
    ),
    /** Names of the league's ids (queues, teams or agents). */
    labels: computed(() => store.leagueLabels()),
  })),
  withMethods(
    (store, api = inject(DatacenterApi), timeZone = inject(ORG_TIME_ZONE), now = inject(NOW)) => {
      const query = (by: KpiDimension): KpiQuery => {
        const range = store.range() ?? rangeOf(store.filters(), now(), timeZone());
        const { queueIds, agentIds } = store.filters();
        return { from: range.from, to: range.to, by, queueIds, agentIds };
      };
      const loadTables = rxMethod<void>(
        pipe(
          tap(() => patchState(store, { loading: true, loadError: null })),
          switchMap(() =>
            forkJoin({
              total: api.kpis(query('total')),
              heat: api.kpis(query('weekday_hour')),
            }).pipe(
              tap(({ total, heat }) =>
                patchState(store, {
                  loading: false,
                  total: total.data[0] ?? null,
                  heat: heat.data,
                  meta: total.meta,
                }),
              ),
              catchError((err: unknown) => {
                patchState(store, { loading: false, loadError: toApiError(err) });
                return EMPTY;
              }),
            ),
          ),
        ),
      );
      // One league request at a time: a switch or a new view drops the answer still on its way.
      const loadLeague = rxMethod<LeagueKind>(
        pipe(
          tap(() => patchState(store, { leagueLoading: true, loadError: null })),
          switchMap((kind) =>
            api.kpis(query(kind)).pipe(
              tap((answer) =>
                patchState(store, {
                  leagueLoading: false,
                  leagueRows: answer.data,
                  leagueLabels: answer.meta.labels ?? {},
                }),
              ),
              catchError((err: unknown) => {
                patchState(store, { leagueLoading: false, loadError: toApiError(err) });
                return EMPTY;
              }),
            ),
          ),
        ),
      );
      const loadTrend = rxMethod<void>(
        pipe(
          tap(() =>
            patchState(store, {
              trend: [],
              streamDone: 0,
              streamTotal: 0,
              streaming: true,
              streamError: null,
            }),
          ),
          switchMap(() =>
            api.kpiStream(query(store.trendBy())).pipe(
              tap({
                next: (line) => patchState(store, (state) => streamPatch(state, line)),
                complete: () => patchState(store, { streaming: false }),
              }),
              catchError((err: unknown) => {
                patchState(store, { streaming: false, streamError: toApiError(err) });
                return EMPTY;
              }),
            ),
          ),
        ),
      );
      return {
        /** Shows a view: resolves its range now, in the organisation's time zone, and loads it. */
        show(filters: DatacenterFilters): void {
          const range = rangeOf(filters, now(), timeZone());
          patchState(store, { filters, range, trendBy: trendDimension(range) });
          loadTables();
          loadLeague(store.league());
          loadTrend();
        },
        reload(): void {
          this.show(store.filters());
        },
        /** Ranks another grouping in the league table (the view's range and filters). */
        showLeague(kind: LeagueKind): void {
          if (kind === store.league()) return;
          patchState(store, { league: kind, leagueRows: [], leagueLabels: {} });
          if (store.range()) loadLeague(kind);
        },
        /** The KPI query of the shown view for a grouping (what exports and saved reports use). */
        queryBy(by: KpiDimension): KpiQuery {
          return query(by);
        },
        /** Exports the trend's rows (by day or hour) with every KPI column. */
        exportKpis(format: ExportFormat) {
          const q = query(store.trendBy());
          const fallbackName = `datacenter-${q.from.slice(0, 10)}.${format}`;
          return store.exportFile(
            api.startExport({
              format,
              kind: 'kpis',
              from: q.from,
              to: q.to,
              by: q.by,
              queueIds: q.queueIds,
              agentIds: q.agentIds,
              kpis: KPI_KEYS,
            }),
            fallbackName,
          );
        },
      };
    },
  ),
);
