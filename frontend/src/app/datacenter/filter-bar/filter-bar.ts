import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { RangePreset } from '../datacenter-models';
import { CalendarDate, RANGE_PRESETS, ResolvedRange } from '../time-range';
import { DatacenterFilters } from '../view-query';

/** A queue or agent the filter offers. */
export interface FilterChoice {
  readonly id: string;
  readonly name: string;
}

/** A picker's local date as a calendar date. */
function calendarDate(at: Date): CalendarDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A calendar date as the picker's local date. */
function pickerDate(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** The filter bar: range preset or custom days, queues and agents. Emits each change whole. */
@Component({
  selector: 'app-filter-bar',
  imports: [FormsModule, TranslocoPipe, NzDatePickerModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-select
      class="preset"
      [ngModel]="filters().preset ?? 'custom'"
      (ngModelChange)="choosePreset($event)"
      [attr.aria-label]="'datacenter.filters.range' | transloco"
      data-testid="dc-range-preset"
    >
      @for (preset of presets; track preset) {
        <nz-option [nzValue]="preset" [nzLabel]="'datacenter.presets.' + preset | transloco" />
      }
      <nz-option nzValue="custom" [nzLabel]="'datacenter.presets.custom' | transloco" />
    </nz-select>
    <nz-range-picker
      [ngModel]="dates()"
      (ngModelChange)="chooseDates($event)"
      [nzAllowClear]="false"
      nzFormat="yyyy-MM-dd"
      data-testid="dc-range-dates"
    />
    <nz-select
      class="choices"
      nzMode="multiple"
      nzShowSearch
      nzAllowClear
      [nzMaxTagCount]="2"
      [nzPlaceHolder]="'datacenter.filters.allQueues' | transloco"
      [ngModel]="filters().queueIds"
      (ngModelChange)="changed.emit({ ...filters(), queueIds: $event })"
      [attr.aria-label]="'datacenter.filters.queues' | transloco"
      data-testid="dc-queues"
    >
      @for (queue of queues(); track queue.id) {
        <nz-option [nzValue]="queue.id" [nzLabel]="queue.name" />
      }
    </nz-select>
    <nz-select
      class="choices"
      nzMode="multiple"
      nzShowSearch
      nzAllowClear
      [nzMaxTagCount]="2"
      [nzPlaceHolder]="'datacenter.filters.allAgents' | transloco"
      [ngModel]="filters().agentIds"
      (ngModelChange)="changed.emit({ ...filters(), agentIds: $event })"
      [attr.aria-label]="'datacenter.filters.agents' | transloco"
      data-testid="dc-agents"
    >
      @for (agent of agents(); track agent.id) {
        <nz-option [nzValue]="agent.id" [nzLabel]="agent.name" />
      }
    </nz-select>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .preset {
      width: 150px;
    }
    .choices {
      width: 240px;
    }
  `,
})
export class FilterBar {
  readonly filters = input.required<DatacenterFilters>();
  /** The days the view covers now (the picker shows them for presets too). */
  readonly range = input<ResolvedRange | null>(null);
  readonly queues = input<readonly FilterChoice[]>([]);
  readonly agents = input<readonly FilterChoice[]>([]);
  readonly changed = output<DatacenterFilters>();

  protected readonly presets = RANGE_PRESETS;
  protected readonly dates = computed(() => {
    const range = this.range();
    return range ? [pickerDate(range.fromDate), pickerDate(range.toDate)] : [];
  });

  protected choosePreset(choice: RangePreset | 'custom'): void {
    const range = this.range();
    if (choice === 'custom') {
      if (range)
        this.changed.emit({
          ...this.filters(),
          preset: null,
          fromDate: range.fromDate,
          toDate: range.toDate,
        });
      return;
    }
    this.changed.emit({ ...this.filters(), preset: choice, fromDate: null, toDate: null });
  }

  protected chooseDates(dates: Date[] | null): void {
    if (!dates || dates.length !== 2 || !dates[0] || !dates[1]) return;
    this.changed.emit({
      ...this.filters(),
      preset: null,
      fromDate: calendarDate(dates[0]),
      toDate: calendarDate(dates[1]),
    });
  }
}
