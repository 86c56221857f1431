import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { translationTick } from '../../shared/i18n/translation-tick';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { saveBlob } from '../../shared/api/download';
import { formatDuration } from '../../shared/time/duration';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { ExportFormat } from '../datacenter-models';
import { DrillDownStore } from '../drill-down-store';
import { ExportButton } from '../../shared/ui/export-button/export-button';

const OUTCOMES = new Set([
  'answered',
  'abandoned',
  'transferred',
  'overflowed',
  'intercepted',
  'voicemail',
  'callback',
  'unanswered',
]);

/** The calls behind a clicked number, a server page at a time, with the filters it was opened with. */
@Component({
  selector: 'app-drill-down-drawer',
  imports: [
    ExportButton,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzIconModule,
    NzProgressModule,
    NzTableModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.target() !== null"
      [nzWidth]="960"
      [nzTitle]="title"
      [nzExtra]="extra"
      (nzOnClose)="store.close()"
    >
      <ng-template #title>
        @if (store.target(); as target) {
          <span data-testid="dc-drill-title">
            {{
              'datacenter.drill.title'
                | transloco
                  : {
                      kpi: ('datacenter.kpi.' + target.kpi | transloco),
                      count: (target.count ?? 0).toLocaleString(language()),
                    }
            }}
          </span>
        }
      </ng-template>
      <ng-template #extra>
        @if (canExport()) {
          <app-export-button
            [saving]="store.saving()"
            [percent]="store.exportPercent()"
            (chosen)="exportContacts($event)"
            testId="dc-drill-export"
          />
        }
      </ng-template>
      <ng-container *nzDrawerContent>
        @if (store.saving()) {
          <nz-progress [nzPercent]="store.exportPercent() ?? 0" nzSize="small" />
        }
        <app-api-error-alert [error]="store.loadError() ?? store.saveError()" />
        <p class="filters" data-testid="dc-drill-filters">{{ filtersText() }}</p>
        <nz-table
          nzSize="small"
          [nzData]="store.rows()"
          [nzFrontPagination]="false"
          [nzLoading]="store.loading()"
          [nzTotal]="store.meta().total"
          [nzPageIndex]="store.meta().currentPage"
          [nzPageSize]="store.meta().perPage"
          [nzShowTotal]="totalText"
          (nzPageIndexChange)="store.changePage($event, store.meta().perPage)"
          data-testid="dc-drill-table"
        >
          <thead>
            <tr>
              <th>{{ 'datacenter.drill.started' | transloco }}</th>
              <th>{{ 'datacenter.drill.caller' | transloco }}</th>
              <th>{{ 'datacenter.drill.queue' | transloco }}</th>
              <!-- Behind RONA, a row per RONA: its agent let the offer ring out. -->
              <th>
                {{
                  (store.target()?.kpi === 'rona' ? 'datacenter.drill.ronaAgent' : 'datacenter.drill.agent')
                    | transloco
                }}
              </th>
              <th nzAlign="right">{{ 'datacenter.drill.wait' | transloco }}</th>
              <th nzAlign="right">{{ 'datacenter.drill.talk' | transloco }}</th>
              <th nzAlign="right">{{ 'datacenter.drill.hold' | transloco }}</th>
              <th nzAlign="right">{{ 'datacenter.drill.wrap' | transloco }}</th>
              <th>{{ 'datacenter.drill.outcome' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of store.rows(); track row.callId + '-' + row.segmentNo + '-' + $index) {
              <tr data-testid="dc-drill-row">
                <td>{{ time(row.startedAt) }}</td>
                <td>{{ row.ani ?? '–' }}</td>
                <td>{{ row.queueName ?? '–' }}</td>
                <td>{{ row.agentName ?? '–' }}</td>
                <td nzAlign="right">{{ seconds(row.waitSeconds) }}</td>
                <td nzAlign="right">{{ seconds(row.talkSeconds) }}</td>
                <td nzAlign="right">{{ seconds(row.holdSeconds) }}</td>
                <td nzAlign="right">{{ seconds(row.wrapSeconds) }}</td>
                <td>
                  @if (outcomeKey(row.outcome); as key) {
                    {{ key | transloco }}
                  } @else {
                    {{ row.outcome }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
        <ng-template #totalText let-total>
          <span data-testid="dc-drill-total">{{
            'datacenter.drill.total' | transloco: { total }
          }}</span>
        </ng-template>
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .filters {
      color: rgba(0, 0, 0, 0.55);
      margin-bottom: 8px;
    }
  `,
})
export class DrillDownDrawer {
  protected readonly store = inject(DrillDownStore);
  /** The organisation's time zone, so times read as the floor's. */
  readonly timeZone = input('UTC');
  readonly canExport = input(false);
  /** Readable filters of the drill-down (range and names), composed by the page. */
  readonly describe = input<string>('');

  protected readonly filtersText = computed(() => this.describe());

  protected readonly language = translationTick(inject(TranslocoService));

  /** The translation key of a segment outcome, or null for one this screen does not know. */
  protected outcomeKey(outcome: string): string | null {
    return OUTCOMES.has(outcome) ? `datacenter.outcome.${outcome}` : null;
  }

  protected time(iso: string): string {
    return new Date(iso).toLocaleString('sv-SE', { timeZone: this.timeZone() });
  }

  protected seconds(value: number): string {
    return formatDuration(value * 1000);
  }

  protected async exportContacts(format: ExportFormat): Promise<void> {
    const outcome = await this.store.exportContacts(format);
    if (outcome?.ok) saveBlob(outcome.value.blob, outcome.value.fileName);
  }
}
