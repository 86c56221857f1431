import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { saveBlob } from '../../../shared/api/download';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { CustomerImportStore } from '../customer-import-store';
import { ImportCounts } from '../customer-imports-api';
import { ImportStatusTag } from '../import-status-tag';

/** Last step: the running job's progress bar, then the counts, the report, resume and roll back. */
@Component({
  selector: 'app-import-result-step',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzProgressModule,
    ApiErrorAlert,
    ImportStatusTag,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-result-step.html',
  styleUrls: ['../import-step.css', './import-result-step.css'],
})
export class ImportResultStep {
  protected readonly store = inject(CustomerImportStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly counts: readonly (keyof ImportCounts)[] = [
    'created',
    'updated',
    'skipped',
    'failed',
  ];
  protected readonly progressStatus = computed(() => {
    const status = this.store.current()?.status;
    if (status === 'failed') return 'exception';
    if (status === 'succeeded') return 'success';
    return this.store.moving() ? 'active' : 'normal';
  });

  protected async downloadReport(): Promise<void> {
    const outcome = await this.store.downloadReport();
    if (outcome.ok) saveBlob(outcome.value.blob, outcome.value.fileName);
    else this.toast.failure(outcome.error);
  }

  protected async resume(): Promise<void> {
    const outcome = await this.store.resume();
    if (outcome) this.toast.report(outcome, 'customerImport.result.resumed');
  }

  protected async rollback(): Promise<void> {
    const outcome = await this.store.rollback();
    if (outcome) this.toast.report(outcome, 'customerImport.result.rollbackStarted');
  }
}
