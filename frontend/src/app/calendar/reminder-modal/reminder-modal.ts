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
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, debounceTime, of, Subject, switchMap } from 'rxjs';
import { toSignal } from '@angular/core/rxjs-interop';
import { authFeature } from '../../auth/auth.reducer';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { CalendarApi, CustomerOption } from '../calendar-api';
import { CalendarStore } from '../calendar-store';

/** Modal to add or change a reminder: title, when, a note and optionally a customer. */
@Component({
  selector: 'app-reminder-modal',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    ApiErrorAlert,
    DeleteButton,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="store.editing() !== null"
      [nzTitle]="(existing() ? 'calendar.editReminder' : 'calendar.newReminder') | transloco"
      [nzFooter]="footer"
      (nzOnCancel)="store.closeEditor()"
    >
      <ng-container *nzModalContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="save()" id="reminder-form">
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="rem-title">{{
              'calendar.fields.title' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input nz-input id="rem-title" formControlName="title" data-testid="reminder-title" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="rem-due">{{
              'calendar.fields.dueAt' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-date-picker
                nzId="rem-due"
                nzShowTime
                nzFormat="yyyy-MM-dd HH:mm"
                formControlName="dueAt"
                data-testid="reminder-due"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="rem-note">{{ 'calendar.fields.note' | transloco }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <textarea nz-input id="rem-note" rows="3" formControlName="note"></textarea>
            </nz-form-control>
          </nz-form-item>
          @if (canLinkCustomers()) {
            <nz-form-item>
              <nz-form-label nzFor="rem-customer">{{
                'calendar.fields.customer' | transloco
              }}</nz-form-label>
              <nz-form-control [nzErrorTip]="errorTip">
                <nz-select
                  nzId="rem-customer"
                  nzShowSearch
                  nzAllowClear
                  nzServerSearch
                  formControlName="customerId"
                  [nzPlaceHolder]="'calendar.searchCustomer' | transloco"
                  (nzOnSearch)="searches.next($event)"
                >
                  @for (option of customerOptions(); track option.id) {
                    <nz-option [nzValue]="option.id" [nzLabel]="option.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          }
          @if (existing()) {
            <label nz-checkbox formControlName="done">{{
              'calendar.fields.done' | transloco
            }}</label>
          }
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="footer">
          @if (existing(); as reminder) {
            <app-delete-button
              [question]="'calendar.deleteQuestion' | transloco"
              testId="reminder-delete"
              (confirmed)="remove()"
            />
          }
          <span class="grow"></span>
          <button nz-button type="button" (click)="store.closeEditor()">
            {{ 'calendar.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="submit"
            form="reminder-form"
            [nzLoading]="store.saving()"
            data-testid="reminder-submit"
          >
            {{ 'calendar.save' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .footer {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .grow {
      flex: 1;
    }
  `,
})
export class ReminderModal {
  protected readonly store = inject(CalendarStore);
  private readonly api = inject(CalendarApi);
  private readonly toast = inject(OutcomeToast);
  private readonly session = inject(Store);

  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    dueAt: new FormControl<Date | null>(null, { validators: [Validators.required] }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
    customerId: new FormControl<string | null>(null),
    done: new FormControl(false, { nonNullable: true }),
  });

  protected readonly existing = computed(() => {
    const editing = this.store.editing();
    return editing === 'new' ? null : editing;
  });
  protected readonly canLinkCustomers = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.view'),
  );

  protected readonly searches = new Subject<string>();
  private readonly found = toSignal(
    this.searches.pipe(
      debounceTime(250),
      switchMap((text) =>
        text.trim() ? this.api.searchCustomers(text.trim()).pipe(catchError(() => of([]))) : of([]),
      ),
    ),
    { initialValue: [] as CustomerOption[] },
  );
  /** The search results, plus the linked customer so its name shows before any search. */
  protected readonly customerOptions = computed(() => {
    const reminder = this.existing();
    const linked: CustomerOption[] =
      reminder?.customerId && reminder.customerName
        ? [{ id: reminder.customerId, name: reminder.customerName }]
        : [];
    return [...linked, ...this.found().filter((c) => c.id !== reminder?.customerId)];
  });

  constructor() {
    effect(() => {
      const editing = this.store.editing();
      if (editing === null) return;
      this.unmatched.set([]);
      if (editing === 'new') {
        const at = new Date(this.store.selected());
        at.setHours(9, 0, 0, 0);
        this.form.reset({ title: '', dueAt: at, note: '', customerId: null, done: false });
      } else {
        this.form.reset({
          title: editing.title,
          dueAt: new Date(editing.dueAt),
          note: editing.note ?? '',
          customerId: editing.customerId,
          done: editing.done,
        });
      }
    });
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const reminder = this.existing();
    const body = {
      title: value.title.trim(),
      dueAt: value.dueAt?.toISOString(),
      note: value.note.trim() || null,
      customerId: value.customerId,
      ...(reminder ? { done: value.done } : {}),
    };
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.save(reminder?.id ?? null, body),
    );
    if (outcome?.ok) this.toast.success('calendar.saved', { title: outcome.value.title });
  }

  protected async remove(): Promise<void> {
    const reminder = this.existing();
    if (!reminder) return;
    const outcome = await this.store.remove(reminder);
    this.toast.report(outcome, 'calendar.deleted');
  }
}
