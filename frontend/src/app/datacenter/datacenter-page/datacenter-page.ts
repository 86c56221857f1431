import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { Store } from '@ngrx/store';
import { catchError, map, of } from 'rxjs';
import { AgentsApi } from '../../agents/agents-api';
import { authFeature } from '../../auth/auth.reducer';
import { QueuesApi } from '../../queues/queues-api';
import { saveBlob } from '../../shared/api/download';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { ORG_TIME_ZONE } from '../datacenter-context';
import { ExportFormat, LEAGUE_KINDS, SavedReport } from '../datacenter-models';
import { DatacenterStore } from '../datacenter-store';
import { DrillDownDrawer } from '../drill-down-drawer/drill-down-drawer';
import { DrillDownStore, DrillTarget } from '../drill-down-store';
import { FilterBar } from '../filter-bar/filter-bar';
import { HeatMap, HeatMetric } from '../heat-map/heat-map';
import { KpiTiles } from '../kpi-tiles/kpi-tiles';
import { LeagueTable } from '../league-table/league-table';
import { ReportsPanel } from '../reports-panel/reports-panel';
import { definitionOf, filtersOf, ReportsStore } from '../reports-store';
import { dateIn } from '../time-range';
import { translationTick } from '../../shared/i18n/translation-tick';
import { TrendChart } from '../trend-chart/trend-chart';
import { DatacenterFilters, fromViewQuery, toViewQuery } from '../view-query';
import { ExportButton } from '../../shared/ui/export-button/export-button';

/**
 * The data center: KPIs of a range (tiles, trend, hour × weekday, a league of queues, teams, agents
 * or dialled numbers) under
 * filters kept in the URL, with drill-downs to the calls, saved reports and exports.
 */
@Component({
  selector: 'app-datacenter-page',
  imports: [
    ExportButton,
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzProgressModule,
    NzRadioModule,
    ApiErrorAlert,
    PageHeader,
    DrillDownDrawer,
    FilterBar,
    HeatMap,
    KpiTiles,
    LeagueTable,
    ReportsPanel,
    TrendChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './datacenter-page.html',
  styleUrl: './datacenter-page.css',
})
export class DatacenterPage {
  protected readonly store = inject(DatacenterStore);
  protected readonly drillDown = inject(DrillDownStore);
  protected readonly reports = inject(ReportsStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly orgTimeZone = inject(ORG_TIME_ZONE);
  protected readonly language = translationTick(this.transloco);
  private readonly panel = viewChild.required(ReportsPanel);

  protected readonly timeZone = computed(() => this.orgTimeZone());
  private readonly permissions = inject(Store).selectSignal(authFeature.selectPermissionSet);
  protected readonly canExport = computed(() => this.permissions().has('reports.export'));
  protected readonly heatMetric = signal<HeatMetric>('offered');
  protected readonly leagueKinds = LEAGUE_KINDS;
  protected readonly reportsOpen = signal(false);
  protected readonly reportId = signal<string | null>(null);
  protected readonly queues = toSignal(
    inject(QueuesApi)
      .list()
      .pipe(
        map((queues) => queues.map((q) => ({ id: q.id, name: q.name }))),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly agents = toSignal(
    inject(AgentsApi)
      .list()
      .pipe(
        map((agents) => agents.map((a) => ({ id: a.userId, name: a.displayName }))),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  /** The opened saved report (when the URL names one). */
  protected readonly report = computed(
    () => this.reports.reports().find((r) => r.id === this.reportId()) ?? null,
  );
  protected readonly definition = computed(() =>
    definitionOf(
      this.store.filters(),
      this.store.range() ?? { from: '', to: '' },
      this.store.trendBy(),
    ),
  );
  /** The loading bar: the trend's chunks, shown while loading goes on. */
  protected readonly progress = computed(() => {
    if (!this.store.streaming() && !this.store.loading()) return null;
    const stream = this.store.streamPercent() ?? 0;
    return this.store.loading() ? Math.min(stream, 95) : stream;
  });

  constructor() {
    this.reports.load();
    this.route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => {
      const { filters, reportId } = fromViewQuery(params);
      this.reportId.set(reportId);
      this.store.show(filters);
    });
  }

  protected changeFilters(filters: DatacenterFilters): void {
    this.navigate(filters, null);
  }

  protected openDrill(target: DrillTarget): void {
    const range = this.store.range();
    if (range) this.drillDown.open(range, this.store.filters(), target);
  }

  /** Readable filters of the drill-down: days, queue, agent, team and dialled number. */
  protected readonly drillFilters = computed(() => {
    this.language();
    const query = this.drillDown.query();
    const range = this.store.range();
    if (!query || !range) return '';
    const labels = this.store.labels();
    const named = (list: readonly { id: string; name: string }[], id: string) =>
      labels[id] ?? list.find((x) => x.id === id)?.name ?? id;
    const parts = [`${range.fromDate} – ${range.toDate}`];
    // The clicked row's queue or agent, else the view's lists (the drill-down has the view's filters).
    const filter = (
      key: string,
      list: readonly { id: string; name: string }[],
      one: string | null,
      ids: readonly string[],
    ) => {
      const shown = one ? [one] : ids;
      if (shown.length) {
        parts.push(
          `${this.transloco.translate(key)}: ${shown.map((id) => named(list, id)).join(', ')}`,
        );
      }
    };
    filter('datacenter.drill.queue', this.queues(), query.queueId, query.queueIds);
    filter('datacenter.drill.agent', this.agents(), query.agentId, query.agentIds);
    filter('datacenter.drill.team', [], query.teamId, []);
    if (query.number !== null) {
      const number = query.number || this.transloco.translate('datacenter.league.no_number');
      parts.push(`${this.transloco.translate('datacenter.drill.number')}: ${number}`);
    }
    return parts.join(' · ');
  });

  protected openReport(report: SavedReport): void {
    const timeZone = this.timeZone();
    const toDay = (iso: string, end: boolean) =>
      dateIn(new Date(Date.parse(iso) - (end ? 1 : 0)), timeZone);
    this.reportsOpen.set(false);
    this.navigate(filtersOf(report.definition, toDay), report.id);
  }

  protected saveView(): void {
    this.panel().saveView();
  }

  protected reportSaved(report: SavedReport): void {
    this.navigate(this.store.filters(), report.id);
  }

  protected async exportKpis(format: ExportFormat): Promise<void> {
    const outcome = await this.store.exportKpis(format);
    if (outcome.ok) saveBlob(outcome.value.blob, outcome.value.fileName);
  }

  private navigate(filters: DatacenterFilters, reportId: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toViewQuery(filters, reportId),
    });
  }
}
