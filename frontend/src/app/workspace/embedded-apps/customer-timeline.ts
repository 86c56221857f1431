import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, map, of, switchMap } from 'rxjs';
import { TrackingApi, TrackingRecord } from '../../customers/tracking-api';
import { SdkBridge } from '../sdk-bridge/sdk-bridge';

/** How many recent tracking records the customer panel shows. */
const RECENT = 5;

/** The matched customer's latest tracking records, under the screen pop. */
@Component({
  selector: 'app-customer-timeline',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (records(); as list) {
      <section class="recent" data-testid="workspace-customer-timeline">
        <header class="head">{{ 'workspaceApps.recentTimeline' | transloco }}</header>
        @for (record of list; track record.id) {
          <div class="row">
            <span class="when">{{ record.createdAt | date: 'short' }}</span>
            <span class="type">{{ 'customers.tracking.types.' + record.type | transloco }}</span>
            <span class="content">{{ record.content }}</span>
          </div>
        } @empty {
          <div class="row none">{{ 'customers.tracking.empty' | transloco }}</div>
        }
      </section>
    }
  `,
  styles: `
    .recent {
      margin-top: 12px;
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 8px 12px;
    }
    .head {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
      font-weight: 600;
      margin-bottom: 4px;
    }
    .row {
      display: flex;
      gap: 12px;
      padding: 4px 0;
    }
    .when,
    .type,
    .none {
      color: rgba(0, 0, 0, 0.55);
      white-space: nowrap;
    }
    .content {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class CustomerTimeline {
  private readonly api = inject(TrackingApi);
  private readonly bridge = inject(SdkBridge);
  private readonly customerId = computed(() => this.bridge.customer()?.customer.id ?? null);
  /** Null while there is no customer (or the lookup failed: the screen pop is what matters). */
  protected readonly records = toSignal(
    toObservable(this.customerId).pipe(
      switchMap((id) =>
        id
          ? this.api.list(id, 1, RECENT).pipe(
              map((page): TrackingRecord[] | null => page.data),
              catchError(() => of(null)),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );
}
