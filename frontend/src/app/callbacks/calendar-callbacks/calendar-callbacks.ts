import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { dayKey } from '../../calendar/lunar-day';
import { visibleRange } from '../../calendar/calendar-store';
import { Callback } from '../callbacks-api';
import { CallbacksStore } from '../callbacks-store';

/** Opens a still-scheduled callback for rescheduling (a click in a calendar cell must not select the day). */
function openIfScheduled(
  store: InstanceType<typeof CallbacksStore>,
  event: Event,
  callback: Callback,
): void {
  event.stopPropagation();
  if (callback.status === 'scheduled') store.openReschedule(callback);
}

/** The user's callbacks of one day as chips inside a calendar cell. */
@Component({
  selector: 'app-callback-chips',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (callback of callbacks(); track callback.id) {
      <button
        type="button"
        class="chip"
        [attr.data-status]="callback.status"
        [class.past]="callback.status !== 'scheduled'"
        (click)="open($event, callback)"
        data-testid="calendar-callback"
        [attr.data-callback-id]="callback.id"
      >
        ☎ {{ callback.dueAt | date: 'HH:mm' }} {{ callback.customerName ?? callback.number }}
      </button>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .chip {
      border: 0;
      border-radius: 4px;
      background: #fff7e6;
      color: #ad4e00;
      padding: 0 4px;
      font-size: 12px;
      text-align: left;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      cursor: pointer;
    }
    .past {
      opacity: 0.6;
    }
  `,
})
export class CallbackChips {
  readonly date = input.required<Date>();
  private readonly store = inject(CallbacksStore);
  protected readonly callbacks = computed(() => this.store.byDay().get(dayKey(this.date())) ?? []);

  protected open(event: Event, callback: Callback): void {
    openIfScheduled(this.store, event, callback);
  }
}

/**
 * The selected day's callbacks in the calendar's side panel. It also keeps the page's callbacks in
 * step with the month shown (the same weeks the reminders cover).
 */
@Component({
  selector: 'app-day-callbacks',
  imports: [DatePipe, TranslocoPipe, NzIconModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (callbacks().length > 0) {
      <h4 class="title">{{ 'callbacks.calendarTitle' | transloco }}</h4>
      <ul class="list" data-testid="calendar-day-callbacks">
        @for (callback of callbacks(); track callback.id) {
          <li class="row">
            <button
              type="button"
              class="link"
              (click)="open($event, callback)"
              data-testid="calendar-day-callback"
            >
              <time>{{ callback.dueAt | date: 'HH:mm' }}</time>
              {{ callback.number }}
              @if (callback.customerName) {
                · {{ callback.customerName }}
              }
            </button>
            <nz-tag [nzColor]="callback.status === 'scheduled' ? 'blue' : 'default'">{{
              'callbacks.status.' + callback.status | transloco
            }}</nz-tag>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .title {
      font-size: 13px;
      font-weight: 600;
      margin: 8px 0 0;
    }
    .list {
      list-style: none;
      margin: 4px 0 8px;
      padding: 0;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 2px 0;
    }
    .link {
      flex: 1;
      min-width: 0;
      border: 0;
      background: none;
      padding: 0;
      text-align: left;
      cursor: pointer;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    time {
      font-variant-numeric: tabular-nums;
      color: rgba(0, 0, 0, 0.55);
    }
  `,
})
export class DayCallbacks {
  readonly day = input.required<Date>();
  /** The first day of the month the calendar shows. */
  readonly month = input.required<Date>();
  private readonly store = inject(CallbacksStore);
  protected readonly callbacks = computed(() => this.store.byDay().get(dayKey(this.day())) ?? []);

  constructor() {
    effect(() => this.store.load(visibleRange(this.month())));
    this.store.followLive();
  }

  protected open(event: Event, callback: Callback): void {
    openIfScheduled(this.store, event, callback);
  }
}
