import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { QueueStats } from '../supervisor-api';
import { serviceLevelPercent } from '../supervisor-rows';

/**
 * One tile per queue with today's numbers: waiting, longest wait, answered, abandoned, service
 * level against the queue's threshold, agents ready and busy. `large` is the wallboard's size.
 */
@Component({
  selector: 'app-queue-tiles',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.large]': 'large()' },
  templateUrl: './queue-tiles.html',
  styleUrl: './queue-tiles.css',
})
export class QueueTiles {
  readonly queues = input.required<readonly QueueStats[]>();
  /** "mm:ss" of each queue's oldest waiting call, by queue id. */
  readonly longestWaits = input.required<Readonly<Record<string, string | null>>>();
  readonly large = input(false);

  protected serviceLevel(queue: QueueStats): number | null {
    return serviceLevelPercent(queue);
  }

  /** Below 80 % of calls within the threshold is a warning, below 60 % an alarm. */
  protected level(queue: QueueStats): 'good' | 'warn' | 'bad' | 'none' {
    const percent = serviceLevelPercent(queue);
    if (percent === null) return 'none';
    return percent >= 80 ? 'good' : percent >= 60 ? 'warn' : 'bad';
  }
}
