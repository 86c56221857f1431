import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import { LiveKpis, LiveKpiSettings, LiveQueue } from '../supervisor-api';
import { serviceLevelPercent } from '../supervisor-rows';

/**
 * One tile per queue with today's numbers (the data center's KPI definitions, the organisation's
 * settings): waiting, longest wait, answered, abandoned, abandon rate, ASA, AHT, the service level
 * with what it means, agents ready and busy; first a tile of all queues together when there is
 * more than one. `large` is the wallboard's size.
 */
@Component({
  selector: 'app-queue-tiles',
  imports: [TranslocoPipe, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.large]': 'large()' },
  templateUrl: './queue-tiles.html',
  styleUrl: './queue-tiles.css',
})
export class QueueTiles {
  readonly queues = input.required<readonly LiveQueue[]>();
  /** "mm:ss" of each queue's oldest waiting call, by queue id. */
  readonly longestWaits = input.required<Readonly<Record<string, string | null>>>();
  /** All queues together and the longest wait of any queue; no total tile without it. */
  readonly total = input<LiveKpis | null>(null);
  readonly totalLongestWait = input<string | null>(null);
  /** The KPI settings the numbers follow: the service level's label (null: the queue's own label text). */
  readonly settings = input<LiveKpiSettings | null>(null);
  readonly large = input(false);

  protected serviceLevel(kpis: LiveKpis): number | null {
    return serviceLevelPercent(kpis);
  }

  /** Below 80 % of calls within the threshold is a warning, below 60 % an alarm. */
  protected level(kpis: LiveKpis): 'good' | 'warn' | 'bad' | 'none' {
    const percent = serviceLevelPercent(kpis);
    if (percent === null) return 'none';
    return percent >= 80 ? 'good' : percent >= 60 ? 'warn' : 'bad';
  }

  /** A fraction as a whole percentage, or a dash. */
  protected percent(value: number | null): string {
    return value === null ? '—' : `${Math.round(value * 100)}%`;
  }

  /** Seconds as "12 s" (under two minutes) or "m:ss", or a dash. */
  protected seconds(value: number | null): string {
    if (value === null) return '—';
    const whole = Math.round(value);
    if (whole < 120) return `${whole} s`;
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }
}
