import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { CareTaskList } from '../care-task-list/care-task-list';
import { CareTasksStore } from '../care-tasks-store';

/** The care tasks of one customer (open first, then the history) on the customer's page. */
@Component({
  selector: 'app-customer-care-tasks',
  imports: [TranslocoPipe, NzCardModule, NzPaginationModule, ApiErrorAlert, CareTaskList],
  providers: [CareTasksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card
      [nzTitle]="'customerCare.customer.title' | transloco"
      nzSize="small"
      data-testid="customer-care-tasks"
    >
      <app-api-error-alert [error]="store.loadError()" />
      <app-care-task-list [showCustomer]="false" empty="customerCare.customer.empty" />
      @if (store.meta().lastPage > 1) {
        <nz-pagination
          class="pages"
          nzSize="small"
          [nzPageIndex]="store.meta().currentPage"
          [nzPageSize]="store.meta().perPage"
          [nzTotal]="store.meta().total"
          (nzPageIndexChange)="store.setPage($event)"
        />
      }
    </nz-card>
  `,
  styles: `
    .pages {
      margin-top: 8px;
      text-align: right;
    }
  `,
})
export class CustomerCareTasks {
  /** The customer whose tasks to show. */
  readonly customerId = input.required<string>();
  protected readonly store = inject(CareTasksStore);

  constructor() {
    effect(() => {
      const customerId = this.customerId();
      untracked(() => this.store.show({ when: 'all', assigned: 'any', customerId, perPage: 5 }));
    });
  }
}
