import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Clock } from '../../shared/time/clock';
import { elapsedSince } from '../../shared/time/duration';
import { SdkBridge } from '../sdk-bridge/sdk-bridge';
import { WorkspaceStore } from '../workspace-store';
import { callEventKey, MyQueuesStore } from './my-queues-store';

/**
 * A compact "My queues" card: for each queue the agent belongs to, the callers waiting, how long
 * the oldest has waited (ticking) and the agents ready. Hidden when the agent has no queue or
 * may not read queue figures. Live through the queues' realtime channels; each new reading is
 * handed to the SDK bridge, which tells embedded apps `queue.statsChanged` when it differs.
 */
@Component({
  selector: 'app-my-queues',
  imports: [TranslocoPipe],
  providers: [MyQueuesStore, Clock],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length > 0) {
      <section
        class="card"
        data-testid="my-queues"
        [attr.aria-label]="'myQueues.title' | transloco"
      >
        <h3>{{ 'myQueues.title' | transloco }}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'myQueues.queue' | transloco }}</th>
              <th scope="col" class="num">{{ 'myQueues.waiting' | transloco }}</th>
              <th scope="col" class="num">{{ 'myQueues.longestWait' | transloco }}</th>
              <th scope="col" class="num">{{ 'myQueues.agentsReady' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.queueId) {
              <tr data-testid="my-queue-row" [class.busy]="row.waiting > 0">
                <td class="name">{{ row.name }}</td>
                <td class="num" data-testid="my-queue-waiting">{{ row.waiting }}</td>
                <td class="num" data-testid="my-queue-longest">{{ row.longestWait ?? '—' }}</td>
                <td class="num">{{ row.agentsReady }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
    }
  `,
  styles: `
    .card {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px 12px;
      margin-bottom: 12px;
      background: #fafafa;
    }
    h3 {
      font-size: 13px;
      font-weight: 600;
      margin: 0 0 4px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 13px;
    }
    th {
      font-weight: normal;
      color: rgba(0, 0, 0, 0.45);
      text-align: left;
      padding: 2px 4px;
    }
    td {
      padding: 2px 4px;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .busy .name,
    .busy .num {
      font-weight: 600;
    }
  `,
})
export class MyQueues {
  private readonly store = inject(MyQueuesStore);
  private readonly workspace = inject(WorkspaceStore);
  private readonly clock = inject(Clock);
  private readonly bridge = inject(SdkBridge, { optional: true });

  /** The agent's queues with the oldest caller's wait as `mm:ss` (null when nobody waits). */
  protected readonly rows = computed(() => {
    const now = this.clock.now();
    return this.store.mine().map((q) => ({
      queueId: q.queueId,
      name: q.name,
      waiting: q.waiting,
      longestWait: q.waiting > 0 ? elapsedSince(q.oldestQueuedAt, now) : null,
      agentsReady: q.agentsReady,
    }));
  });

  constructor() {
    this.store.follow(
      computed(() => `${callEventKey(this.workspace.agent())}#${this.store.pushes()}`),
    );
    this.store.followQueues(this.store.queueKey);
    effect(() => {
      if (this.store.stats() === null) return;
      const mine = this.store.mine();
      untracked(() => this.bridge?.queueFiguresRead(mine));
    });
  }
}
