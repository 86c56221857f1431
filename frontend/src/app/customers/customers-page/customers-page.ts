import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { authFeature } from '../../auth/auth.reducer';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { CustomerDrawer } from '../customer-drawer/customer-drawer';
import { CustomerEditorStore } from '../customer-editor-store';
import { sortOrderOf, sortParam } from '../customer-form';
import { CUSTOMER_STATUSES } from '../customers-api';
import { CustomersStore } from '../customers-store';

/** Server-paged customer list with search, status and tag filters, and the create/edit drawer. */
@Component({
  selector: 'app-customers-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    CustomerDrawer,
    IconAction,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customers-page.html',
  styleUrl: './customers-page.css',
})
export class CustomersPage {
  protected readonly store = inject(CustomersStore);
  protected readonly editor = inject(CustomerEditorStore);
  private readonly session = inject(Store);

  protected readonly statuses = CUSTOMER_STATUSES;
  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.manage'),
  );
  protected readonly sortOrder = (column: 'name' | 'createdAt' | 'updatedAt') =>
    sortOrderOf(this.store.query().sort, column);

  protected search(value: string): void {
    this.store.search(value.trim());
  }

  protected changeTable(params: NzTableQueryParams): void {
    this.store.changeTable(params.pageIndex, params.pageSize, sortParam(params.sort));
  }
}
