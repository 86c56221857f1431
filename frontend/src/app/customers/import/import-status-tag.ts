import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ImportStatus } from './customer-imports-api';

const COLORS: Readonly<Record<ImportStatus, string>> = {
  uploaded: 'default',
  queued: 'cyan',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  rolling_back: 'warning',
  rolled_back: 'purple',
};

/** Coloured, translated tag for the status of a customer import. */
@Component({
  selector: 'app-import-status-tag',
  imports: [NzTagModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag
    [nzColor]="color()"
    [attr.data-status]="status()"
    data-testid="import-status"
    >{{ 'customerImport.statuses.' + status() | transloco }}</nz-tag
  >`,
})
export class ImportStatusTag {
  readonly status = input.required<ImportStatus>();
  protected readonly color = computed(() => COLORS[this.status()]);
}
