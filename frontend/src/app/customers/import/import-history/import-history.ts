import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { saveBlob } from '../../../shared/api/download';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { IconAction } from '../../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { CustomerImport } from '../customer-imports-api';
import { CustomerImportsStore } from '../customer-imports-store';
import { ImportStatusTag } from '../import-status-tag';

/** The tenant's recent customer imports with their outcome, a way back into each and its report. */
@Component({
  selector: 'app-import-history',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    ApiErrorAlert,
    IconAction,
    ImportStatusTag,
    PageHeader,
  ],
  providers: [CustomerImportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-history.html',
  styleUrl: './import-history.css',
})
export class ImportHistory {
  protected readonly store = inject(CustomerImportsStore);
  private readonly router = inject(Router);
  private readonly toast = inject(OutcomeToast);

  protected open(item: CustomerImport): void {
    void this.router.navigate(['/customers/imports', item.id]);
  }

  protected async downloadReport(item: CustomerImport): Promise<void> {
    const outcome = await this.store.downloadReport(item);
    if (outcome.ok) saveBlob(outcome.value.blob, outcome.value.fileName);
    else this.toast.failure(outcome.error);
  }
}
