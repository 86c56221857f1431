import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { authFeature } from '../../../auth/auth.reducer';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { CustomerImportStore } from '../customer-import-store';
import {
  BUILT_IN_TARGETS,
  DEDUPE_KEYS,
  DEDUPE_POLICIES,
  IGNORE,
  IMPORT_ENCODINGS,
  ImportEncoding,
} from '../customer-imports-api';
import { columnLetter, samplesOf } from '../import-mapping';
import { ImportTargetLabel } from '../import-target-label';

/** One file column as the mapping table shows it. */
interface ColumnRow {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly samples: string[];
}

/** Second step: what each file column becomes, how duplicates are found and handled, the default owner. */
@Component({
  selector: 'app-import-mapping-step',
  imports: [
    DecimalPipe,
    FormsModule,
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    ApiErrorAlert,
    ImportTargetLabel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-mapping-step.html',
  styleUrls: ['../import-step.css', './import-mapping-step.css'],
})
export class ImportMappingStep {
  protected readonly store = inject(CustomerImportStore);
  private readonly session = inject(Store);

  protected readonly ignore = IGNORE;
  protected readonly builtIns = BUILT_IN_TARGETS;
  protected readonly dedupeKeys = DEDUPE_KEYS;
  protected readonly policies = DEDUPE_POLICIES;
  protected readonly encodings = IMPORT_ENCODINGS;
  /** Picking users needs users.view; without it imported rows keep the owner column or none. */
  protected readonly canPickOwner = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('users.view'),
  );
  /** Problems are shown once the user tried to go on, or when the file came without a name column. */
  protected readonly tried = signal(false);

  protected readonly rows = computed<ColumnRow[]>(() => {
    const current = this.store.current();
    if (!current) return [];
    return current.headers.map((header, index) => ({
      index,
      letter: columnLetter(index),
      header,
      samples: samplesOf(current.sampleRows, index),
    }));
  });
  protected readonly repeated = computed(() => new Set(this.store.problems().repeated));
  private readonly fieldErrors = computed(() => this.store.saveError()?.fieldErrors ?? []);
  /** 422 message about the dedupe settings, shown beside them. */
  protected readonly dedupeError = computed(
    () => this.fieldErrors().find((error) => error.field.startsWith('dedupe'))?.message ?? null,
  );
  protected readonly ownerError = computed(
    () => this.fieldErrors().find((error) => error.field === 'defaultOwnerId')?.message ?? null,
  );
  /** 422 messages shown nowhere else (the mapping as a whole, the encoding). */
  protected readonly otherErrors = computed(() => {
    const byColumn = new Set(Object.values(this.store.columnErrors()));
    return this.fieldErrors()
      .filter((error) => !error.field.startsWith('dedupe') && error.field !== 'defaultOwnerId')
      .map((error) => error.message)
      .filter((message) => !byColumn.has(message));
  });

  protected changeEncoding(encoding: ImportEncoding): void {
    if (encoding !== this.store.current()?.encoding) void this.store.changeEncoding(encoding);
  }

  protected async next(): Promise<void> {
    this.tried.set(true);
    await this.store.saveMapping();
  }
}
