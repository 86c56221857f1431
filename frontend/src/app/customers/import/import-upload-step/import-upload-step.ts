import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { CustomerImportStore } from '../customer-import-store';
import { CustomerImport } from '../customer-imports-api';

/** Largest file the API takes. */
const MAX_BYTES = 200 * 1024 * 1024;
const EXTENSIONS = /\.(csv|txt|xlsx)$/i;

/** First step of the import wizard: pick or drop a file, then see what the server detected in it. */
@Component({
  selector: 'app-import-upload-step',
  imports: [
    DecimalPipe,
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzIconModule,
    NzSpinModule,
    NzUploadModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-upload-step.html',
  styleUrls: ['../import-step.css', './import-upload-step.css'],
})
export class ImportUploadStep {
  /** Emits the import the server made of an uploaded file. */
  readonly uploaded = output<CustomerImport>();

  protected readonly store = inject(CustomerImportStore);
  protected readonly accept = '.csv,.txt,.xlsx';
  /** Name of the file being uploaded now. */
  protected readonly sending = signal<string | null>(null);
  /** Translation key of why a picked file was refused before sending it. */
  protected readonly refused = signal<string | null>(null);

  /** The server's reasons for refusing the file (422 on `file`). */
  protected readonly errorDetails = computed(
    () => this.store.saveError()?.fieldErrors.map((error) => error.message) ?? [],
  );

  /** zorro hands every picked file here; answering false keeps the upload in our hands. */
  protected readonly pick = (file: NzUploadFile): boolean => {
    void this.send(file as unknown as File);
    return false;
  };

  private async send(file: File): Promise<void> {
    this.refused.set(null);
    this.store.clearSaveError();
    if (!EXTENSIONS.test(file.name)) {
      this.refused.set('customerImport.upload.wrongType');
      return;
    }
    if (file.size > MAX_BYTES) {
      this.refused.set('customerImport.upload.tooLarge');
      return;
    }
    this.sending.set(file.name);
    const outcome = await this.store.upload(file);
    this.sending.set(null);
    if (outcome.ok) this.uploaded.emit(outcome.value);
  }
}
