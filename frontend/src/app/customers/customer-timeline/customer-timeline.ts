import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { TRACKING_TYPES, TrackingRecord, TrackingType } from '../tracking-api';
import { hasPendingFollowUp, isOverdue, TRACKING_ICONS, trackingBody } from '../tracking-records';
import { TrackingStore } from '../tracking-store';

/** A customer's tracking records, newest first, with a quick-entry form above them. */
@Component({
  selector: 'app-customer-timeline',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDatePickerModule,
    NzEmptyModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    NzTagModule,
    NzTimelineModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  providers: [TrackingStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-timeline.html',
  styleUrl: './customer-timeline.css',
})
export class CustomerTimeline {
  /** The customer whose records are shown. */
  readonly customerId = input.required<string>();

  protected readonly store = inject(TrackingStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly types = TRACKING_TYPES;
  protected readonly icons = TRACKING_ICONS;
  protected readonly pending = hasPendingFollowUp;
  protected readonly unmatched = signal<string[]>([]);
  /** When the shown records were last read: what "overdue" is measured against. */
  protected readonly now = computed(() => {
    this.store.records();
    return Date.now();
  });
  protected readonly form = new FormGroup({
    type: new FormControl<TrackingType>('call', { nonNullable: true }),
    outcome: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(64)] }),
    content: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000)],
    }),
    nextFollowUpAt: new FormControl<Date | null>(null),
  });

  constructor() {
    effect(() => {
      const id = this.customerId();
      untracked(() => this.store.load(id));
    });
  }

  protected overdue(record: TrackingRecord): boolean {
    return isOverdue(record, this.now());
  }

  /** Follow-up dates before now cannot be picked. */
  protected readonly pastDate = (date: Date): boolean => {
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    return date.getTime() < today.getTime();
  };

  protected async save(): Promise<void> {
    this.unmatched.set([]);
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.create(trackingBody(this.form.getRawValue())),
    );
    if (outcome?.ok) {
      this.toast.success('customers.tracking.saved');
      this.form.reset({ type: this.form.controls.type.value });
    }
  }

  protected async markDone(record: TrackingRecord): Promise<void> {
    const outcome = await this.store.markDone(record.id);
    this.toast.report(outcome, 'customers.tracking.doneSaved');
  }
}
