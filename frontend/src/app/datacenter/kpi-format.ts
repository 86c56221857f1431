import { formatDuration } from '../shared/time/duration';
import { KpiKey } from './datacenter-models';

/** How a KPI is shown: a count, a share (0..1) or a time in seconds. */
export type KpiUnit = 'count' | 'ratio' | 'seconds';

/** The unit of every KPI column. */
export const KPI_UNITS: Readonly<Record<KpiKey, KpiUnit>> = {
  offered: 'count',
  answered: 'count',
  abandoned: 'count',
  short_abandoned: 'count',
  abandon_rate: 'ratio',
  service_level: 'ratio',
  asa: 'seconds',
  aht: 'seconds',
  avg_talk: 'seconds',
  avg_hold: 'seconds',
  avg_wrap: 'seconds',
  occupancy: 'ratio',
  utilization: 'ratio',
  fcr: 'ratio',
  transfers: 'count',
  rona: 'count',
};

/** A KPI value for display: `12.3%`, `01:05`, `1,234`, or `–` when there is none. */
export function formatKpi(key: KpiKey, value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '–';
  switch (KPI_UNITS[key]) {
    case 'ratio':
      return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
    case 'seconds':
      return formatDuration(Math.round(value) * 1000);
    default:
      return value.toLocaleString(locale);
  }
}
