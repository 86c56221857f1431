import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { translationTick } from '../../shared/i18n/translation-tick';
import { NzTableModule, NzTableSortFn } from 'ng-zorro-antd/table';
import { DrillKpi, KPI_KEYS, KpiKey, KpiRow, LeagueKind } from '../datacenter-models';
import { DrillTarget } from '../drill-down-store';
import { formatKpi } from '../kpi-format';

/**
 * Columns of a league: counts (which open the drill-down) and rates/times. Calls abandoned in the
 * queue have no agent, so teams and agents show handling and agents' time instead.
 */
const COLUMNS: Record<LeagueKind, readonly KpiKey[]> = {
  queue: ['offered', 'answered', 'abandoned', 'service_level', 'asa', 'aht', 'transfers', 'rona'],
  number: ['offered', 'answered', 'abandoned', 'service_level', 'asa', 'aht', 'transfers', 'rona'],
  team: [
    'offered',
    'answered',
    'service_level',
    'aht',
    'occupancy',
    'utilization',
    'transfers',
    'rona',
  ],
  agent: [
    'offered',
    'answered',
    'aht',
    'avg_hold',
    'avg_wrap',
    'occupancy',
    'utilization',
    'transfers',
    'rona',
  ],
};

const DRILLABLE = new Set<string>([
  'offered',
  'answered',
  'abandoned',
  'short_abandoned',
  'transfers',
  'rona',
]);

const NIL = /^(0{8}-0{4}-0{4}-0{4}-0{12})?$/;

interface LeagueRow {
  readonly id: string;
  readonly name: string;
  readonly row: KpiRow;
}

/** Queues, teams, agents or dialled numbers ranked by their KPIs (sortable), each count opening the calls behind it. */
@Component({
  selector: 'app-league-table',
  imports: [TranslocoPipe, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      #table
      nzSize="small"
      [nzData]="rows()"
      [nzPageSize]="8"
      [nzHideOnSinglePage]="true"
      [nzLoading]="loading()"
      [attr.data-testid]="'dc-league-' + kind()"
    >
      <thead>
        <tr>
          <th [nzSortFn]="byName">{{ 'datacenter.league.' + kind() | transloco }}</th>
          @for (column of columns(); track column) {
            <th
              nzAlign="right"
              [nzSortFn]="sorters[column]"
              [nzSortOrder]="column === 'offered' ? 'descend' : null"
            >
              {{ 'datacenter.kpiShort.' + column | transloco }}
            </th>
          }
        </tr>
      </thead>
      <tbody>
        @for (entry of table.data; track entry.id) {
          <tr [attr.data-testid]="'dc-league-row-' + entry.id">
            <td class="name">{{ entry.name }}</td>
            @for (column of columns(); track column) {
              <td nzAlign="right" class="num">
                @if (drillable(column)) {
                  <button
                    type="button"
                    class="count"
                    [attr.data-testid]="'dc-cell-' + column"
                    [attr.aria-label]="entry.name + ' ' + ('datacenter.kpi.' + column | transloco)"
                    (click)="open(entry, column)"
                  >
                    {{ text(column, entry.row[column]) }}
                  </button>
                } @else {
                  {{ text(column, entry.row[column]) }}
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .name {
      max-width: 180px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .count {
      padding: 0;
      border: 0;
      background: none;
      color: #1677ff;
      cursor: pointer;
      font: inherit;
    }
    .count:hover,
    .count:focus-visible {
      text-decoration: underline;
    }
  `,
})
export class LeagueTable {
  readonly kind = input.required<LeagueKind>();
  readonly data = input<readonly KpiRow[]>([]);
  readonly labels = input<Readonly<Record<string, string>>>({});
  readonly locale = input('en');
  readonly loading = input(false);
  readonly drill = output<DrillTarget>();

  protected readonly columns = computed(() => COLUMNS[this.kind()]);
  private readonly transloco = inject(TranslocoService);
  private readonly language = translationTick(this.transloco);
  protected readonly rows = computed((): LeagueRow[] => {
    this.language();
    const kind = this.kind();
    // Calls no agent took (abandoned in the queue) come under the nil id; calls without a dialled number under ''.
    const none = this.transloco.translate(`datacenter.league.no_${kind}`);
    const nameless = (key: string) => (kind === 'number' ? key === '' : NIL.test(key));
    return this.data().map((row) => ({
      id: row.key,
      name: nameless(row.key) ? none : (this.labels()[row.key] ?? row.key),
      row,
    }));
  });
  protected readonly byName: NzTableSortFn<LeagueRow> = (a, b) => a.name.localeCompare(b.name);

  protected readonly sorters = Object.fromEntries(
    KPI_KEYS.map((column) => [
      column,
      ((a, b) => (a.row[column] ?? -1) - (b.row[column] ?? -1)) as NzTableSortFn<LeagueRow>,
    ]),
  ) as Record<KpiKey, NzTableSortFn<LeagueRow>>;

  protected drillable(column: KpiKey): boolean {
    return DRILLABLE.has(column);
  }

  protected text(column: KpiKey, value: number | null): string {
    return formatKpi(column, value, this.locale());
  }

  protected open(entry: LeagueRow, column: KpiKey): void {
    const count = entry.row[column] ?? 0;
    const kpi = column as DrillKpi;
    const row = {
      queue: { queueId: entry.id },
      team: { teamId: entry.id },
      agent: { agentId: entry.id },
      number: { number: entry.id },
    }[this.kind()];
    this.drill.emit({ kpi, count, ...row });
  }
}
