import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { translationTick } from '../../shared/i18n/translation-tick';
import { KpiDimension, KpiRow } from '../datacenter-models';

const COLORS = { offered: '#1677ff', answered: '#52c41a', abandoned: '#ff4d4f', sl: '#faad14' };

/** Offered, answered and abandoned calls and the service level over time (by day or by hour). */
@Component({
  selector: 'app-trend-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="chart" [options]="options()" data-testid="dc-trend-chart"></div>`,
  styles: `
    .chart {
      height: 260px;
    }
  `,
})
export class TrendChart {
  private readonly transloco = inject(TranslocoService);
  private readonly language = translationTick(this.transloco);

  readonly rows = input<readonly KpiRow[]>([]);
  readonly by = input<KpiDimension>('day');

  protected readonly options = computed((): EChartsCoreOption => {
    this.language();
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(`datacenter.${key}`, params);
    const rows = this.rows();
    const hourly = this.by() === 'hour';
    const count = (name: string, color: string, values: number[]) => ({
      name,
      type: 'line',
      smooth: true,
      showSymbol: rows.length < 40,
      itemStyle: { color },
      data: values,
    });
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      xAxis: {
        type: 'category',
        data: rows.map((row) => (hourly ? row.key.slice(5) : row.key)),
      },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('trend.calls') },
        {
          type: 'value',
          min: 0,
          max: 100,
          name: t('trend.serviceLevel'),
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        count(
          t('kpi.offered'),
          COLORS.offered,
          rows.map((r) => r.offered),
        ),
        count(
          t('kpi.answered'),
          COLORS.answered,
          rows.map((r) => r.answered),
        ),
        count(
          t('kpi.abandoned'),
          COLORS.abandoned,
          rows.map((r) => r.abandoned),
        ),
        {
          ...count(t('trend.serviceLevel'), COLORS.sl, []),
          yAxisIndex: 1,
          lineStyle: { type: 'dashed' },
          data: rows.map((r) =>
            r.service_level === null ? null : Math.round(r.service_level * 1000) / 10,
          ),
        },
      ],
    };
  });
}
