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
import { saveBlob } from '../../shared/api/download';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { CategoryTags } from '../classification/category-tags/category-tags';
import { ClassificationFilters } from '../classification/classification-filters/classification-filters';
import { ClassificationMenu } from '../classification/classification-menu/classification-menu';
import { CustomerDrawer } from '../customer-drawer/customer-drawer';
import { CustomerEditorStore } from '../customer-editor-store';
import { sortOrderOf, sortParam } from '../customer-form';
import { CUSTOMER_STATUSES, CustomerExportFormat } from '../customers-api';
import { CustomersStore } from '../customers-store';
import { ExportButton } from '../../shared/ui/export-button/export-button';

/** Server-paged customer list with search, status and tag filters, the create/edit drawer and the export. */
@Component({
  selector: 'app-customers-page',
  imports: [
    ExportButton,
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
    CategoryTags,
    ClassificationFilters,
    ClassificationMenu,
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
  private readonly toast = inject(OutcomeToast);

  protected readonly statuses = CUSTOMER_STATUSES;
  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.manage'),
  );
  protected readonly canExport = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.export'),
  );
  protected readonly canImport = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.import'),
  );
  protected readonly sortOrder = (column: 'name' | 'createdAt' | 'updatedAt') =>
    sortOrderOf(this.store.query().sort, column);

  protected search(value: string): void {
    this.store.search(value.trim());
  }

  protected changeTable(params: NzTableQueryParams): void {
    this.store.changeTable(params.pageIndex, params.pageSize, sortParam(params.sort));
  }

  protected async exportList(format: CustomerExportFormat): Promise<void> {
    const outcome = await this.store.exportList(format);
    if (outcome.ok) {
      saveBlob(outcome.value.blob, outcome.value.fileName);
    } else {
      this.toast.failure(outcome.error);
    }
  }
}
