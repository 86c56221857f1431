import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { dueAtValidator, NOTE_MAX, suggestedDueAt } from '../callback-rules';
import { CallbackMode } from '../callbacks-api';
import { CallbacksStore } from '../callbacks-store';

/** Translation keys of the form's own (client-side) rules. */
const RULE_KEYS = {
  future: 'callbacks.errors.future',
  maxDaysAhead: 'callbacks.errors.maxDaysAhead',
};

/**
 * Modal to book a callback (number, time, queue, who takes it, a note; the customer comes from the
 * call) or to move one that is still scheduled. Enter in a field submits, except in the time
 * picker, where it takes the typed time (the picker confirms on key-up; the form would submit the
 * old time on key-down).
 */
@Component({
  selector: 'app-callback-form',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDatePickerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    NzTagModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="store.editing() !== null"
      [nzTitle]="(existing() ? 'callbacks.editTitle' : 'callbacks.newTitle') | transloco"
      [nzFooter]="footer"
      (nzOnCancel)="store.closeForm()"
    >
      <ng-container *nzModalContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form
          nz-form
          nzLayout="vertical"
          [formGroup]="form"
          (ngSubmit)="save()"
          id="callback-form"
          data-testid="callback-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors" [keys]="ruleKeys"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="cb-number">{{
              'callbacks.fields.number' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input
                nz-input
                id="cb-number"
                formControlName="number"
                autocomplete="off"
                inputmode="tel"
                data-testid="callback-number"
              />
            </nz-form-control>
          </nz-form-item>
          @if (customerName(); as name) {
            <div class="customer" data-testid="callback-customer">
              <span class="label">{{ 'callbacks.fields.customer' | transloco }}:</span>
              <nz-tag
                [nzMode]="existing() ? 'default' : 'closeable'"
                (nzOnClose)="unlinkCustomer()"
              >
                <nz-icon nzType="user" /> {{ name }}
              </nz-tag>
            </div>
          }
          <div class="row">
            <nz-form-item class="grow">
              <nz-form-label nzRequired nzFor="cb-due">{{
                'callbacks.fields.dueAt' | transloco
              }}</nz-form-label>
              <nz-form-control [nzErrorTip]="errorTip">
                <nz-date-picker
                  nzId="cb-due"
                  nzShowTime
                  nzFormat="yyyy-MM-dd HH:mm"
                  formControlName="dueAt"
                  [nzDisabledDate]="outOfRange"
                  (keydown.enter)="$event.preventDefault()"
                  data-testid="callback-due"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item class="grow">
              <nz-form-label nzRequired nzFor="cb-queue">{{
                'callbacks.fields.queue' | transloco
              }}</nz-form-label>
              <nz-form-control [nzErrorTip]="errorTip">
                <nz-select
                  nzId="cb-queue"
                  formControlName="queueId"
                  [nzLoading]="store.queues() === null"
                  [nzPlaceHolder]="'callbacks.chooseQueue' | transloco"
                  data-testid="callback-queue"
                >
                  @for (queue of store.queues() ?? []; track queue.id) {
                    <nz-option [nzValue]="queue.id" [nzLabel]="queue.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-label>{{ 'callbacks.fields.mode' | transloco }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-radio-group formControlName="mode" data-testid="callback-mode">
                <label nz-radio nzValue="personal" data-testid="callback-mode-personal">{{
                  'callbacks.mode.personal' | transloco
                }}</label>
                <label nz-radio nzValue="queue" data-testid="callback-mode-queue">{{
                  'callbacks.mode.queue' | transloco
                }}</label>
              </nz-radio-group>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="cb-note">{{ 'callbacks.fields.note' | transloco }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <textarea
                nz-input
                id="cb-note"
                rows="2"
                formControlName="note"
                [maxlength]="noteMax"
                data-testid="callback-note"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="store.closeForm()">
          {{ 'callbacks.close' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          form="callback-form"
          [nzLoading]="store.saving()"
          data-testid="callback-submit"
        >
          {{ (existing() ? 'callbacks.reschedule' : 'callbacks.schedule') | transloco }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .row {
      display: flex;
      gap: 12px;
    }
    .grow {
      flex: 1;
      min-width: 0;
    }
    .customer {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 16px;
    }
    .label {
      color: rgba(0, 0, 0, 0.55);
    }
  `,
})
export class CallbackForm {
  protected readonly store = inject(CallbacksStore);
  private readonly toast = inject(OutcomeToast);
  private readonly datePipe = new DatePipe('en-US');

  protected readonly ruleKeys = RULE_KEYS;
  protected readonly noteMax = NOTE_MAX;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly customerId = signal<string | null>(null);
  protected readonly customerName = signal<string | null>(null);
  protected readonly form = new FormGroup({
    number: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(40)],
    }),
    dueAt: new FormControl<Date | null>(null, {
      validators: [Validators.required, dueAtValidator()],
    }),
    queueId: new FormControl<string | null>(null, { validators: [Validators.required] }),
    mode: new FormControl<CallbackMode>('personal', { nonNullable: true }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(NOTE_MAX)] }),
  });

  protected readonly existing = computed(() => this.store.editingCallback());

  /** Days before today or past the 90-day limit cannot be picked. */
  protected readonly outOfRange = (day: Date): boolean => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    return day < start || day.getTime() > Date.now() + 90 * 86_400_000;
  };

  constructor() {
    effect(() => {
      const editing = this.store.editing();
      if (editing === null) return;
      this.unmatched.set([]);
      if (editing.kind === 'new') {
        const prefill = editing.prefill;
        this.customerId.set(prefill.customerId ?? null);
        this.customerName.set(prefill.customerName ?? null);
        this.form.reset({
          number: prefill.number ?? '',
          dueAt: suggestedDueAt(new Date()),
          queueId: prefill.queueId ?? null,
          mode: 'personal',
          note: '',
        });
        this.form.controls.number.enable();
      } else {
        const callback = editing.callback;
        this.customerId.set(callback.customerId);
        this.customerName.set(callback.customerName);
        this.form.reset({
          number: callback.number,
          dueAt: new Date(callback.dueAt),
          queueId: callback.queueId,
          mode: callback.mode,
          note: callback.note ?? '',
        });
        this.form.controls.number.disable();
      }
    });
    // Without a queue from the call, the first of the user's queues is the usual choice.
    effect(() => {
      const queues = this.store.queues();
      const control = this.form.controls.queueId;
      if (this.store.editing()?.kind === 'new' && queues?.length && !control.value) {
        control.setValue(queues[0]!.id);
      }
    });
  }

  protected unlinkCustomer(): void {
    this.customerId.set(null);
    this.customerName.set(null);
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const existing = this.existing();
    const dueAt = value.dueAt?.toISOString() ?? '';
    const note = value.note.trim() || null;
    const outcome = await submitForm(this.form, this.unmatched, () =>
      existing
        ? this.store.reschedule(existing.id, {
            dueAt,
            mode: value.mode,
            queueId: value.queueId ?? undefined,
            note,
          })
        : this.store.schedule({
            number: value.number.trim(),
            dueAt,
            queueId: value.queueId ?? '',
            mode: value.mode,
            note,
            customerId: this.customerId(),
          }),
    );
    if (outcome?.ok) {
      const time = this.datePipe.transform(outcome.value.dueAt, 'yyyy-MM-dd HH:mm');
      this.toast.success(existing ? 'callbacks.rescheduled' : 'callbacks.scheduled', { time });
    }
  }
}
