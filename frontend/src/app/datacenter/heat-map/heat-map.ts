import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { translationTick } from '../../shared/i18n/translation-tick';
import { KpiRow } from '../datacenter-models';

/** What the heat map colours. */
export type HeatMetric = 'offered' | 'service_level';

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** Weekday names Monday..Sunday in a language (2024-01-01 was a Monday). */
function weekdays(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/**
 * Hour × weekday of the range (keys `<isoWeekday>-<HH>`): offered calls or the service level.
 * Monday is drawn on top.
 */
@Component({
  selector: 'app-heat-map',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="chart" [options]="options()" data-testid="dc-heat-map"></div>`,
  styles: `
    .chart {
      height: 260px;
    }
  `,
})
export class HeatMap {
  private readonly transloco = inject(TranslocoService);
  private readonly language = translationTick(this.transloco);

  readonly rows = input<readonly KpiRow[]>([]);
  readonly metric = input<HeatMetric>('offered');

  protected readonly options = computed((): EChartsCoreOption => {
    const language = this.language();
    const days = weekdays(language);
    const sl = this.metric() === 'service_level';
    const cells = this.rows().flatMap((row) => {
      const [day, hour] = row.key.split('-').map(Number);
      if (!(day >= 1 && day <= 7) || !(hour >= 0 && hour < 24)) return [];
      const value = sl
        ? row.service_level === null
          ? null
          : Math.round(row.service_level * 1000) / 10
        : row.offered;
      return value === null ? [] : [[hour, 7 - day, value]];
    });
    const max = sl ? 100 : Math.max(1, ...cells.map((cell) => cell[2]));
    return {
      animation: false,
      tooltip: {
        position: 'top',
        formatter: (p: { value: number[] }) =>
          `${days[6 - p.value[1]]} ${HOURS[p.value[0]]}:00 — ${p.value[2]}${sl ? '%' : ''}`,
      },
      grid: { left: 48, right: 72, top: 8, bottom: 24 },
      xAxis: { type: 'category', data: HOURS, splitArea: { show: true } },
      yAxis: { type: 'category', data: [...days].reverse(), splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'vertical',
        right: 0,
        top: 'middle',
        itemHeight: 150,
        itemWidth: 12,
        inRange: {
          color: sl ? ['#ff4d4f', '#fadb14', '#52c41a'] : ['#e6f4ff', '#1677ff', '#002c8c'],
        },
        formatter: (value: number) => `${Math.round(value)}${sl ? '%' : ''}`,
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        },
      ],
    };
  });
}
