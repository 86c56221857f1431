import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DrillKpi, KpiKey, KpiMeta, KpiRow } from '../datacenter-models';
import { formatKpi } from '../kpi-format';
import { DrillTarget } from '../drill-down-store';

/** The tiles in their order; counts open the drill-down. */
const TILES: readonly { key: KpiKey; drill?: DrillKpi }[] = [
  { key: 'offered', drill: 'offered' },
  { key: 'answered', drill: 'answered' },
  { key: 'abandoned', drill: 'abandoned' },
  { key: 'service_level' },
  { key: 'asa' },
  { key: 'aht' },
  { key: 'avg_talk' },
  { key: 'avg_hold' },
  { key: 'avg_wrap' },
  { key: 'occupancy' },
  { key: 'utilization' },
  { key: 'fcr' },
  { key: 'transfers', drill: 'transfers' },
  { key: 'rona', drill: 'rona' },
];

const SL_ABANDONS = ['all', 'exclude_short', 'none'];

/** The KPI tiles of the whole view; a click on a count opens the calls behind it. */
@Component({
  selector: 'app-kpi-tiles',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (tile of tiles(); track tile.key) {
      <div
        class="tile"
        [class.clickable]="tile.drill"
        [class.wide]="tile.key === 'service_level'"
        [attr.data-testid]="'dc-tile-' + tile.key"
      >
        <span class="label">{{ 'datacenter.kpi.' + tile.key | transloco }}</span>
        @if (tile.drill; as kpi) {
          <button
            type="button"
            class="value"
            data-testid="dc-tile-value"
            [attr.aria-label]="
              ('datacenter.drill.open' | transloco) +
              ' ' +
              ('datacenter.kpi.' + tile.key | transloco)
            "
            (click)="drill.emit({ kpi, count: tile.value ?? 0 })"
          >
            {{ tile.text }}
          </button>
        } @else {
          <span class="value" data-testid="dc-tile-value">{{ tile.text }}</span>
        }
        @if (tile.key === 'service_level') {
          <span class="sub" data-testid="dc-sl-label">
            @if (slText(); as sl) {
              {{ sl.key | transloco: sl.params }}
            } @else {
              {{ meta()?.serviceLevelLabel }}
            }
          </span>
        }
        @if (tile.key === 'abandoned') {
          <button
            type="button"
            class="sub"
            data-testid="dc-tile-short"
            (click)="drill.emit({ kpi: 'short_abandoned', count: shortCount() })"
          >
            {{ 'datacenter.kpi.shortAbandonedOf' | transloco: { count: shortText() } }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(128px, 1fr));
      gap: 8px;
    }
    .tile {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 2px;
      padding: 8px 12px;
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      background: #fff;
      text-align: left;
      font: inherit;
      min-height: 72px;
    }
    .wide {
      grid-column: span 2;
    }
    .clickable:hover,
    .clickable:focus-within {
      border-color: #1677ff;
    }
    button {
      padding: 0;
      border: 0;
      background: none;
      text-align: left;
      cursor: pointer;
      color: inherit;
      font-family: inherit;
    }
    button:hover,
    button:focus-visible {
      color: #1677ff;
      text-decoration: underline;
    }
    .label {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
      line-height: 16px;
    }
    .value {
      font-size: 22px;
      font-weight: 600;
      line-height: 28px;
      font-variant-numeric: tabular-nums;
    }
    .sub {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.55);
    }
  `,
})
export class KpiTiles {
  readonly total = input<KpiRow | null>(null);
  readonly meta = input<KpiMeta | null>(null);
  readonly locale = input('en');
  readonly drill = output<DrillTarget>();

  /** The service-level definition in the page's language, from the settings the numbers used. */
  protected readonly slText = computed(() => {
    const settings = this.meta()?.settings;
    const abandons = settings?.['serviceLevelAbandons'];
    if (typeof abandons !== 'string' || !SL_ABANDONS.includes(abandons)) return null;
    return {
      key: `datacenter.slLabel.${abandons}`,
      params: { sl: settings?.['serviceLevelSeconds'], short: settings?.['shortAbandonSeconds'] },
    };
  });
  protected readonly shortCount = computed(() => this.total()?.short_abandoned ?? 0);
  protected readonly shortText = computed(() =>
    formatKpi('short_abandoned', this.total()?.short_abandoned ?? null, this.locale()),
  );
  protected readonly tiles = computed(() => {
    const total = this.total();
    return TILES.map((tile) => {
      const value = total ? total[tile.key] : null;
      return { ...tile, value, text: formatKpi(tile.key, value, this.locale()) };
    });
  });
}
