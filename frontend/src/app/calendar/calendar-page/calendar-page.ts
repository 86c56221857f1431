import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCalendarModule } from 'ng-zorro-antd/calendar';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { Reminder } from '../calendar-api';
import { CalendarStore } from '../calendar-store';
import { dayKey, lunarDayOf } from '../lunar-day';
import { ReminderModal } from '../reminder-modal/reminder-modal';
import { CallbackChips, DayCallbacks } from '../../callbacks/calendar-callbacks/calendar-callbacks';
import { CallbackForm } from '../../callbacks/callback-form/callback-form';
import { CallbacksStore } from '../../callbacks/callbacks-store';

/** Month calendar with lunar dates, solar terms and festivals, the user's reminders and the ones due. */
@Component({
  selector: 'app-calendar-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzCalendarModule,
    NzCardModule,
    NzCheckboxModule,
    NzEmptyModule,
    NzIconModule,
    NzTagModule,
    ApiErrorAlert,
    PageHeader,
    ReminderModal,
    CallbackChips,
    DayCallbacks,
    CallbackForm,
  ],
  providers: [CallbacksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'calendar.title' | transloco"
      [subtitle]="'calendar.subtitle' | transloco"
    >
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="reminder-create"
      >
        <nz-icon nzType="plus" />
        {{ 'calendar.addReminder' | transloco }}
      </button>
    </app-page-header>
    <app-api-error-alert [error]="store.loadError()" />
    <div class="layout">
      <nz-calendar
        class="calendar"
        [nzValue]="store.selected()"
        (nzSelectChange)="store.select($event)"
        data-testid="calendar"
      >
        <div *nzDateCell="let date" class="cell">
          @let lunar = lunarOf(date);
          <div class="lunar" [class]="lunar.kind" [attr.title]="lunar.lunarDate">
            {{ lunar.label }}
          </div>
          @for (reminder of remindersOn(date); track reminder.id) {
            <button
              type="button"
              class="chip"
              [class.done]="reminder.done"
              (click)="edit($event, reminder)"
              data-testid="calendar-reminder"
            >
              {{ reminder.dueAt | date: 'HH:mm' }} {{ reminder.title }}
            </button>
          }
          <app-callback-chips [date]="date" />
        </div>
      </nz-calendar>
      <aside class="side">
        <nz-card nzSize="small" [nzTitle]="dayTitle" data-testid="calendar-day">
          <ng-template #dayTitle>{{ store.selected() | date: 'yyyy-MM-dd EEE' }}</ng-template>
          <p class="lunar-full" data-testid="calendar-lunar">
            {{ 'calendar.lunar' | transloco }}: {{ selectedLunar().year }} ·
            {{ selectedLunar().lunarDate }}
          </p>
          @if (selectedLunar().solarTerm) {
            <nz-tag nzColor="green">{{ selectedLunar().solarTerm }}</nz-tag>
          }
          @for (festival of selectedLunar().festivals; track festival) {
            <nz-tag nzColor="red">{{ festival }}</nz-tag>
          }
          <ul class="list">
            @for (reminder of store.selectedReminders(); track reminder.id) {
              <ng-container
                *ngTemplateOutlet="row; context: { $implicit: reminder, format: 'HH:mm' }"
              />
            } @empty {
              <nz-empty
                nzNotFoundImage="simple"
                [nzNotFoundContent]="'calendar.noReminders' | transloco"
              />
            }
          </ul>
          <app-day-callbacks [day]="store.selected()" [month]="store.month()" />
          <button nz-button nzBlock type="button" (click)="store.openCreate()">
            <nz-icon nzType="plus" />
            {{ 'calendar.addReminder' | transloco }}
          </button>
        </nz-card>
        <nz-card
          nzSize="small"
          [nzTitle]="'calendar.due' | transloco"
          class="due"
          data-testid="calendar-due"
        >
          <ul class="list">
            @for (reminder of store.due(); track reminder.id) {
              <ng-container
                *ngTemplateOutlet="row; context: { $implicit: reminder, format: 'MM-dd HH:mm' }"
              />
            } @empty {
              <nz-empty
                nzNotFoundImage="simple"
                [nzNotFoundContent]="'calendar.nothingDue' | transloco"
              />
            }
          </ul>
        </nz-card>
      </aside>
    </div>
    <ng-template #row let-reminder let-format="format">
      <li class="row" data-testid="reminder-row">
        <label
          nz-checkbox
          [nzChecked]="reminder.done"
          [nzDisabled]="store.saving()"
          (nzCheckedChange)="setDone(reminder, $event)"
          [attr.aria-label]="'calendar.fields.done' | transloco"
        ></label>
        <button
          type="button"
          class="link"
          [class.done]="reminder.done"
          (click)="store.openEdit(reminder)"
        >
          <time>{{ reminder.dueAt | date: format }}</time> {{ reminder.title }}
        </button>
        @if (reminder.customerId) {
          <a [routerLink]="['/customers', reminder.customerId]" class="customer">{{
            reminder.customerName
          }}</a>
        }
      </li>
    </ng-template>
    <app-reminder-modal />
    <app-callback-form />
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 300px;
      gap: 16px;
      align-items: start;
    }
    .calendar {
      background: #fff;
      padding: 0 8px;
    }
    .cell {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .lunar {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.45);
    }
    .lunar.festival {
      color: #cf1322;
    }
    .lunar.term {
      color: #389e0d;
    }
    .lunar.month {
      color: #1677ff;
    }
    .chip {
      border: 0;
      border-radius: 4px;
      background: #e6f4ff;
      padding: 0 4px;
      font-size: 12px;
      text-align: left;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      cursor: pointer;
    }
    .done {
      text-decoration: line-through;
      opacity: 0.6;
    }
    .due {
      margin-top: 16px;
    }
    .lunar-full {
      margin-bottom: 8px;
    }
    .list {
      list-style: none;
      margin: 8px 0;
      padding: 0;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 4px 0;
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
    .link time {
      font-variant-numeric: tabular-nums;
      color: rgba(0, 0, 0, 0.55);
    }
    .customer {
      white-space: nowrap;
    }
  `,
})
export class CalendarPage {
  protected readonly store = inject(CalendarStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly selectedLunar = computed(() => lunarDayOf(this.store.selected()));

  protected lunarOf(date: Date) {
    return lunarDayOf(date);
  }

  protected remindersOn(date: Date): Reminder[] {
    return this.store.byDay().get(dayKey(date)) ?? [];
  }

  protected edit(event: Event, reminder: Reminder): void {
    event.stopPropagation();
    this.store.openEdit(reminder);
  }

  protected async setDone(reminder: Reminder, done: boolean): Promise<void> {
    const outcome = await this.store.setDone(reminder, done);
    if (!outcome.ok) this.toast.failure(outcome.error);
  }
}
