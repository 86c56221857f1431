import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { CUSTOMER_STATUSES, CustomerStatus } from '../../customers-api';
import { CategoryGroupsStore } from '../category-groups-store';
import { ReclassifyChanges, ReclassifyTarget } from '../classification-api';
import { isRunning, ReclassifyStore } from '../reclassify-store';

/** Whom a re-classification reaches, with the name the dialog shows for it. */
export interface ReclassifyScope extends ReclassifyTarget {
  readonly label: string;
}

/**
 * Dialog that re-classifies every customer of a segment (or of the filtered list) you see: add or
 * remove category values and tags, set the status. Runs as a job and shows its progress.
 */
@Component({
  selector: 'app-reclassify-dialog',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzAlertModule,
    NzFormModule,
    NzModalModule,
    NzProgressModule,
    NzSelectModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ReclassifyStore],
  templateUrl: './reclassify-dialog.html',
  styles: `
    nz-select {
      width: 100%;
    }
    .target {
      margin-bottom: 16px;
    }
    .result {
      margin-top: 12px;
    }
  `,
})
export class ReclassifyDialog {
  protected readonly store = inject(ReclassifyStore);
  protected readonly groups = inject(CategoryGroupsStore);
  protected readonly statuses = CUSTOMER_STATUSES;

  /** Whom to re-classify; null keeps the dialog closed. */
  readonly target = input<ReclassifyScope | null>(null);
  /** Emits when the dialog closes. */
  readonly closed = output();
  /** Emits when the job has finished (the page reloads its counts). */
  readonly finished = output();

  protected readonly addCategoryIds = signal<string[]>([]);
  protected readonly removeCategoryIds = signal<string[]>([]);
  protected readonly addTags = signal<string[]>([]);
  protected readonly removeTags = signal<string[]>([]);
  protected readonly status = signal<CustomerStatus | null>(null);

  protected readonly running = computed(() => isRunning(this.store.job()));
  protected readonly done = computed(() => this.store.job()?.status === 'succeeded');
  protected readonly failed = computed(() => this.store.job()?.status === 'failed');
  protected readonly nothingChosen = computed(
    () =>
      !this.addCategoryIds().length &&
      !this.removeCategoryIds().length &&
      !this.addTags().length &&
      !this.removeTags().length &&
      !this.status(),
  );

  constructor() {
    effect(() => {
      const target = this.target();
      untracked(() => {
        if (target) this.reset();
      });
    });
    effect(() => {
      const job = this.store.job();
      if (job && (job.status === 'succeeded' || job.status === 'failed'))
        untracked(() => this.finished.emit());
    });
  }

  protected changes(): ReclassifyChanges {
    return {
      ...(this.addCategoryIds().length ? { addCategoryIds: this.addCategoryIds() } : {}),
      ...(this.removeCategoryIds().length ? { removeCategoryIds: this.removeCategoryIds() } : {}),
      ...(this.addTags().length
        ? {
            addTags: this.addTags()
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(this.removeTags().length
        ? {
            removeTags: this.removeTags()
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(this.status() ? { status: this.status()! } : {}),
    };
  }

  protected async start(): Promise<void> {
    const target = this.target();
    if (!target || this.running()) return;
    const { label: _label, ...where } = target;
    await this.store.start(where, this.changes());
  }

  protected close(): void {
    this.closed.emit();
  }

  private reset(): void {
    this.store.reset();
    this.addCategoryIds.set([]);
    this.removeCategoryIds.set([]);
    this.addTags.set([]);
    this.removeTags.set([]);
    this.status.set(null);
  }
}
