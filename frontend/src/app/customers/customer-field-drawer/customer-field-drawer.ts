import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { CustomerFieldsStore } from '../customer-fields-store';
import { CUSTOM_FIELD_TYPES, CustomerField, CustomFieldType } from '../customers-api';
import { hasOptions, toFieldInput } from './field-input';

/** Drawer to define a custom customer field. Key and type are fixed once the field exists. */
@Component({
  selector: 'app-customer-field-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSwitchModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.drawerOpen()"
      [nzWidth]="480"
      [nzTitle]="(field() ? 'customers.fields.editTitle' : 'customers.fields.createTitle') | transloco"
      [nzFooter]="footer"
      (nzOnClose)="store.closeDrawer()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form
          nz-form
          nzLayout="vertical"
          id="customer-field-form"
          [formGroup]="form"
          (ngSubmit)="submit()"
          data-testid="customer-field-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors" [keys]="errorKeys"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="field-label">{{
              'customers.fields.label' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input nz-input id="field-label" formControlName="label" data-testid="field-label" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label
              nzRequired
              nzFor="field-key"
              [nzTooltipTitle]="'customers.fields.keyHelp' | transloco"
              >{{ 'customers.fields.key' | transloco }}</nz-form-label
            >
            <nz-form-control [nzErrorTip]="errorTip">
              <input
                nz-input
                id="field-key"
                formControlName="key"
                autocomplete="off"
                data-testid="field-key"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="field-type">{{ 'customers.fields.type' | transloco }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-select nzId="field-type" formControlName="type" data-testid="field-type">
                @for (type of types; track type) {
                  <nz-option [nzValue]="type" [nzLabel]="'customers.fields.types.' + type | transloco" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          @if (withOptions()) {
            <nz-form-item>
              <nz-form-label nzRequired nzFor="field-options">{{
                'customers.fields.options' | transloco
              }}</nz-form-label>
              <nz-form-control [nzErrorTip]="errorTip">
                <nz-select
                  nzId="field-options"
                  nzMode="tags"
                  formControlName="options"
                  [nzPlaceHolder]="'customers.fields.optionsPlaceholder' | transloco"
                  data-testid="field-options"
                />
              </nz-form-control>
            </nz-form-item>
          }
          <div class="row">
            <nz-form-item>
              <nz-form-label nzFor="field-position">{{
                'customers.fields.position' | transloco
              }}</nz-form-label>
              <nz-form-control [nzErrorTip]="errorTip">
                <nz-input-number
                  nzId="field-position"
                  [nzMin]="0"
                  [nzMax]="1000"
                  [nzPrecision]="0"
                  formControlName="position"
                  data-testid="field-position"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="field-required">{{
                'customers.fields.required' | transloco
              }}</nz-form-label>
              <nz-form-control>
                <nz-switch nzId="field-required" formControlName="required" data-testid="field-required" />
              </nz-form-control>
            </nz-form-item>
          </div>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="drawer-footer">
          <button nz-button type="button" (click)="store.closeDrawer()" data-testid="field-cancel">
            {{ 'common.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="submit"
            form="customer-field-form"
            [nzLoading]="store.saving()"
            data-testid="field-submit"
          >
            {{ 'common.save' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 16px;
    }
    nz-input-number {
      width: 100%;
    }
  `,
})
export class CustomerFieldDrawer {
  protected readonly store = inject(CustomerFieldsStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly types = CUSTOM_FIELD_TYPES;
  protected readonly field = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly withOptions = signal(false);
  protected readonly errorKeys = { pattern: 'customers.fields.keyRule' };

  protected readonly form = new FormGroup({
    label: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    key: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(40), Validators.pattern(/^[a-z0-9_]+$/)],
    }),
    type: new FormControl<CustomFieldType>('text', { nonNullable: true }),
    options: new FormControl<string[]>([], { nonNullable: true }),
    required: new FormControl(false, { nonNullable: true }),
    position: new FormControl(0, { nonNullable: true, validators: [Validators.min(0)] }),
  });

  constructor() {
    this.form.controls.type.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((type) => this.syncOptions(type));
    effect(() => {
      this.store.editing();
      untracked(() => this.reset(this.store.edited()));
    });
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.save(this.field()?.id ?? null, toFieldInput(this.form.getRawValue())),
    );
    if (outcome?.ok) this.toast.success('customers.fields.saved', { label: outcome.value.label });
  }

  private reset(field: CustomerField | null): void {
    this.unmatched.set([]);
    const next = this.store.fields().reduce((max, row) => Math.max(max, row.position + 1), 0);
    this.form.reset({
      label: field?.label ?? '',
      key: field?.key ?? '',
      type: field?.type ?? 'text',
      options: [...(field?.options ?? [])],
      required: field?.required ?? false,
      position: field?.position ?? next,
    });
    for (const fixed of [this.form.controls.key, this.form.controls.type]) {
      if (field) fixed.disable({ emitEvent: false });
      else fixed.enable({ emitEvent: false });
    }
    this.syncOptions(this.form.controls.type.value);
  }

  /** Options are asked (and required) only for the choice types. */
  private syncOptions(type: CustomFieldType): void {
    const options = this.form.controls.options;
    this.withOptions.set(hasOptions(type));
    if (hasOptions(type)) {
      options.setValidators(Validators.required);
      options.enable({ emitEvent: false });
    } else {
      options.clearValidators();
      options.disable({ emitEvent: false });
    }
    options.updateValueAndValidity({ emitEvent: false });
  }
}
