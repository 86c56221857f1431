import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { saveBlob } from '../../shared/api/download';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { StatusTag } from '../../shared/ui/status-tag/status-tag';
import { AuditResult } from '../audit-api';
import { toAuditFilters } from '../audit-filters';
import { AuditStore } from '../audit-store';
import { ExportButton } from '../../shared/ui/export-button/export-button';

/** Operation log: filter bar, server-paged entries with before/after details, CSV export. */
@Component({
  selector: 'app-audit-page',
  imports: [
    ExportButton,
    DatePipe,
    JsonPipe,
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDatePickerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    PageHeader,
    StatusTag,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.css',
})
export class AuditPage {
  protected readonly store = inject(AuditStore);
  private readonly session = inject(Store);
  private readonly toast = inject(OutcomeToast);

  protected readonly results: AuditResult[] = ['success', 'failure'];
  protected readonly canExport = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('audit.export'),
  );
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  /** Bound control by control (no form-group container): zorro's range picker uses ngModel inside. */
  protected readonly filters = new FormGroup({
    actor: new FormControl('', { nonNullable: true }),
    action: new FormControl('', { nonNullable: true }),
    result: new FormControl<AuditResult | null>(null),
    range: new FormControl<Date[] | null>(null),
  });

  protected search(): void {
    this.store.applyFilters(toAuditFilters(this.filters.getRawValue()));
  }

  protected clear(): void {
    this.filters.reset();
    this.search();
  }

  protected changeTable(params: NzTableQueryParams): void {
    this.store.changePage(params.pageIndex, params.pageSize);
  }

  protected toggle(id: string, open: boolean): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected async exportCsv(): Promise<void> {
    const outcome = await this.store.exportCsv();
    if (outcome.ok) {
      saveBlob(outcome.value.blob, outcome.value.fileName);
    } else {
      this.toast.failure(outcome.error);
    }
  }
}
