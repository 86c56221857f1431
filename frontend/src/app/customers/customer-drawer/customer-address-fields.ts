import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { switchMap } from 'rxjs';
import { countryOptions } from '../../shared/i18n/countries';
import { translationTick } from '../../shared/i18n/translation-tick';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { AddressFormValue, toAddressFormValue } from '../customer-form';
import { ADDRESS_LABELS, AddressLabel, MAX_ADDRESSES } from '../customers-api';

/** The controls of one address row; their names are the API's, so 422 errors find them. */
export type AddressRow = FormGroup<{
  label: FormControl<AddressLabel>;
  country: FormControl<string | null>;
  region: FormControl<string>;
  city: FormControl<string>;
  district: FormControl<string>;
  street: FormControl<string>;
  postalCode: FormControl<string>;
}>;

/** A street of spaces is no street. */
const notBlank = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() === '' ? { required: true } : null;

const part = (value: string, max: number): FormControl<string> =>
  new FormControl(value, { nonNullable: true, validators: [Validators.maxLength(max)] });

/** A form row holding `value`; the limits are the database's. */
export function addressRow(value: AddressFormValue): AddressRow {
  return new FormGroup({
    label: new FormControl<AddressLabel>(value.label, { nonNullable: true }),
    country: new FormControl<string | null>(value.country),
    region: part(value.region, 80),
    city: part(value.city, 80),
    district: part(value.district, 80),
    street: new FormControl(value.street, {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(300)],
    }),
    postalCode: part(value.postalCode, 20),
  });
}

/**
 * The postal addresses of the customer drawer: compact rows (kind, country and postal code on one
 * line, province/city/district on the next, the street full width), added and removed in place.
 */
@Component({
  selector: 'app-customer-address-fields',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-address-fields.html',
  styles: `
    .address {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px;
    }
    .address + .address {
      margin-top: 8px;
    }
    .line {
      display: grid;
      gap: 8px;
    }
    .line + .line {
      margin-top: 8px;
    }
    .head {
      grid-template-columns: 120px minmax(0, 1fr) 120px 32px;
    }
    .places {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    nz-form-control {
      min-width: 0;
    }
    nz-select {
      width: 100%;
    }
    .add {
      margin-top: 8px;
    }
  `,
})
export class CustomerAddressFields {
  /** The drawer's address rows. */
  readonly rows = input.required<FormArray<AddressRow>>();
  /** Country a new row starts with (the organisation's), or none. */
  readonly defaultCountry = input<string | null>(null);

  private readonly lang = translationTick(inject(TranslocoService));
  protected readonly labels = ADDRESS_LABELS;
  protected readonly max = MAX_ADDRESSES;
  /** The middle line of a row, largest place first. */
  protected readonly placeNames = ['region', 'city', 'district'] as const;
  protected readonly countries = computed(() => countryOptions(this.lang()));
  /**
   * Changes whenever the rows do, also when the drawer refills them for another customer (the
   * array stays the same object, so the input alone would not re-render this OnPush view).
   */
  private readonly revision = toSignal(toObservable(this.rows).pipe(switchMap((rows) => rows.events)));
  protected readonly controls = computed(() => {
    this.revision();
    return [...this.rows().controls];
  });

  protected add(): void {
    this.rows().push(addressRow(toAddressFormValue(null, this.defaultCountry())));
  }

  protected remove(index: number): void {
    this.rows().removeAt(index);
    this.rows().markAsDirty();
  }
}
