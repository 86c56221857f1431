import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { CustomerImportStore } from '../customer-import-store';
import { BUILT_IN_TARGETS, PREVIEW_ACTIONS, PreviewAction } from '../customer-imports-api';
import { mappingOf } from '../import-mapping';
import { ImportTargetLabel } from '../import-target-label';

/** Tag colour of what the import does with a row. */
export const ACTION_COLORS: Readonly<Record<PreviewAction, string>> = {
  create: 'green',
  update: 'blue',
  skip: 'default',
  fail: 'red',
};

/** Third step: the dry run of the first rows, failed rows with their errors, and the start button. */
@Component({
  selector: 'app-import-preview-step',
  imports: [
    DecimalPipe,
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    ImportTargetLabel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-preview-step.html',
  styleUrls: ['../import-step.css', './import-preview-step.css'],
})
export class ImportPreviewStep {
  protected readonly store = inject(CustomerImportStore);
  protected readonly actions = PREVIEW_ACTIONS;
  protected readonly colors = ACTION_COLORS;
  protected readonly onlyProblems = signal(false);

  /** One value column per mapped target, in file order. */
  protected readonly columns = computed(() => [
    ...new Set(mappingOf(this.store.targets()).map((entry) => entry.target)),
  ]);
  protected readonly rows = computed(() => {
    const rows = this.store.preview()?.rows ?? [];
    return this.onlyProblems() ? rows.filter((row) => row.errors.length > 0) : rows;
  });
  /** Width the value columns need before the table scrolls sideways. */
  protected readonly tableWidth = computed(() => `${this.columns().length * 130 + 400}px`);

  /** An error's field named like a mapping target gets the target's label. */
  protected isTarget(field: string): boolean {
    return field.startsWith('custom:') || (BUILT_IN_TARGETS as readonly string[]).includes(field);
  }

  protected async start(): Promise<void> {
    await this.store.run();
  }
}
