import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  output,
  signal,
  untracked,
} from '@angular/core';
import {
  FormArray,
  FormControl,
  FormGroup,
  FormRecord,
  ReactiveFormsModule,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { authFeature } from '../../auth/auth.reducer';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { CategoryGroupsStore } from '../classification/category-groups-store';
import { CategoryPicker } from '../classification/category-picker/category-picker';
import { CustomerEditorStore } from '../customer-editor-store';
import {
  FieldFormValue,
  isMasked,
  toAddressFormValue,
  toCustomerInput,
  toFieldFormValue,
} from '../customer-form';
import {
  ContactLabel,
  Customer,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  CustomerField,
  CustomerKind,
  CustomerOwner,
  CustomerStatus,
  EMAIL_LABELS,
  EmailLabel,
  PHONE_LABELS,
} from '../customers-api';
import { AddressRow, addressRow, CustomerAddressFields } from './customer-address-fields';

type PhoneRow = FormGroup<{ number: FormControl<string>; label: FormControl<ContactLabel> }>;
type EmailRow = FormGroup<{ address: FormControl<string>; label: FormControl<EmailLabel> }>;

const phoneRow = (number = '', label: ContactLabel = 'mobile'): PhoneRow =>
  new FormGroup({
    number: new FormControl(number, {
      nonNullable: true,
      validators: [Validators.maxLength(40), Validators.pattern(/^[\d\s()+\-.]*$/)],
    }),
    label: new FormControl<ContactLabel>(label, { nonNullable: true }),
  });

const emailRow = (address = '', label: EmailLabel = 'work'): EmailRow =>
  new FormGroup({
    address: new FormControl(address, {
      nonNullable: true,
      validators: [Validators.email, Validators.maxLength(254)],
    }),
    label: new FormControl<EmailLabel>(label, { nonNullable: true }),
  });

/** The control of a custom field, required when the tenant said so. */
const fieldControl = (field: CustomerField, value: FieldFormValue): FormControl<FieldFormValue> => {
  const validators: ValidatorFn[] = [];
  if (field.required) validators.push(Validators.required);
  if (field.type === 'text') validators.push(Validators.maxLength(1000));
  return new FormControl<FieldFormValue>(value, validators);
};

/** Drawer to create or edit a customer: identity, contact data, ownership, tags and custom fields. */
@Component({
  selector: 'app-customer-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDatePickerModule,
    NzDividerModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzRadioModule,
    NzSelectModule,
    ApiErrorAlert,
    CategoryPicker,
    CustomerAddressFields,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-drawer.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 16px;
    }
    .entry {
      display: grid;
      grid-template-columns: 1fr 120px 32px;
      gap: 8px;
      align-items: start;
    }
    .entry + .entry {
      margin-top: 8px;
    }
    nz-input-number,
    nz-date-picker {
      width: 100%;
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      margin: 4px 0 0;
    }
    .readonly {
      line-height: 32px;
    }
    .add {
      margin-top: 8px;
    }
  `,
})
export class CustomerDrawer {
  protected readonly editor = inject(CustomerEditorStore);
  protected readonly categories = inject(CategoryGroupsStore);
  private readonly toast = inject(OutcomeToast);
  private readonly session = inject(Store);

  /** Emits the customer the server saved. */
  readonly saved = output<Customer>();

  protected readonly kinds = CUSTOMER_KINDS;
  protected readonly statuses = CUSTOMER_STATUSES;
  protected readonly phoneLabels = PHONE_LABELS;
  protected readonly emailLabels = EMAIL_LABELS;
  protected readonly customer = this.editor.edited;
  protected readonly unmatched = signal<string[]>([]);
  /** Custom fields that have a control in the form (the template renders only those). */
  protected readonly shownFields = signal<CustomerField[]>([]);

  private readonly me = this.session.selectSignal(authFeature.selectUser);
  private readonly tenant = this.session.selectSignal(authFeature.selectTenant);
  /** Country a new address starts with: the organisation's default country, when it has one. */
  protected readonly defaultCountry = computed(() => this.tenant()?.defaultCountry || null);
  /** Reading users needs users.view: without it the owner is shown, not picked. */
  protected readonly canPickOwner = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('users.view'),
  );
  /** The owners offered, with the current owner even when not among them (e.g. deactivated). */
  protected readonly ownerOptions = computed<CustomerOwner[]>(() => {
    const owners = this.editor.owners();
    const customer = this.customer();
    if (customer?.ownerId && !owners.some((owner) => owner.id === customer.ownerId)) {
      return [{ id: customer.ownerId, displayName: customer.ownerName ?? '—' }, ...owners];
    }
    return owners;
  });
  /** Who owns the customer, as text, when the owner cannot be picked. */
  protected readonly ownerText = computed(() => {
    const customer = this.customer();
    return customer ? (customer.ownerName ?? '—') : (this.me()?.displayName ?? '—');
  });
  /** The masked ID number the server sent, shown as a hint; it is never sent back. */
  protected readonly maskedIdNumber = computed(() => {
    const idNumber = this.customer()?.idNumber ?? null;
    return isMasked(idNumber) ? idNumber : null;
  });

  protected readonly form = new FormGroup({
    kind: new FormControl<CustomerKind>('person', { nonNullable: true }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    phones: new FormArray<PhoneRow>([]),
    emails: new FormArray<EmailRow>([]),
    addresses: new FormArray<AddressRow>([]),
    idNumber: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(64)] }),
    ownerId: new FormControl<string | null>(null),
    source: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(64)] }),
    status: new FormControl<CustomerStatus>('active', { nonNullable: true }),
    tags: new FormControl<string[]>([], { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(10000)] }),
    customFields: new FormRecord<FormControl<FieldFormValue>>({}),
  });
  /** The category values picked; saved through their own call once the customer is saved. */
  protected readonly categoryIds = new FormControl<string[]>([], { nonNullable: true });

  constructor() {
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      const editing = this.editor.editing();
      untracked(() => {
        this.reset(this.editor.edited());
        if (editing !== null && this.canPickOwner()) this.editor.loadOwners();
      });
    });
    effect(() => {
      // Fields that arrive while the drawer is open get a control without losing what was typed.
      const fields = this.editor.fields();
      untracked(() => this.addFieldControls(fields, this.customer()));
    });
  }

  protected get phones(): FormArray<PhoneRow> {
    return this.form.controls.phones;
  }

  protected get emails(): FormArray<EmailRow> {
    return this.form.controls.emails;
  }

  protected get addresses(): FormArray<AddressRow> {
    return this.form.controls.addresses;
  }

  /** The control of a custom field (it exists for every field in `shownFields`). */
  protected fieldControl(key: string): FormControl<FieldFormValue> {
    const control = this.form.controls.customFields.controls[key];
    if (!control) throw new Error(`no control for custom field ${key}`);
    return control;
  }

  protected addPhone(): void {
    this.phones.push(phoneRow());
  }

  protected removePhone(index: number): void {
    this.phones.removeAt(index);
    this.phones.markAsDirty();
  }

  protected addEmail(): void {
    this.emails.push(emailRow());
  }

  protected removeEmail(index: number): void {
    this.emails.removeAt(index);
    this.emails.markAsDirty();
  }

  protected async submit(): Promise<void> {
    const customer = this.customer();
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.editor.save(
        customer?.id ?? null,
        toCustomerInput(this.form.getRawValue(), this.editor.fields(), {
          creating: !customer,
          idNumberChanged: this.form.controls.idNumber.dirty,
          ownerEditable: this.canPickOwner(),
          defaultOwnerId: this.me()?.id ?? null,
        }),
      ),
    );
    if (outcome?.ok) {
      const saved = await this.saveCategories(customer, outcome.value);
      this.toast.success('customers.saved', { name: saved.name });
      this.saved.emit(saved);
    }
  }

  /** Gives the saved customer the picked category values when they changed; a failure is shown, the customer stays saved. */
  private async saveCategories(before: Customer | null, saved: Customer): Promise<Customer> {
    const ids = this.categoryIds.value;
    const old = (before?.categories ?? []).map((c) => c.id);
    if (ids.length === old.length && ids.every((id) => old.includes(id))) return saved;
    const outcome = await this.categories.assign(saved, ids);
    if (outcome.ok) return outcome.value;
    this.toast.failure(outcome.error);
    return saved;
  }

  private reset(customer: Customer | null): void {
    this.unmatched.set([]);
    this.phones.clear({ emitEvent: false });
    for (const phone of customer?.phones ?? []) this.phones.push(phoneRow(phone.number, phone.label), { emitEvent: false });
    if (this.phones.length === 0) this.phones.push(phoneRow(), { emitEvent: false });
    this.emails.clear({ emitEvent: false });
    for (const email of customer?.emails ?? []) this.emails.push(emailRow(email.address, email.label), { emitEvent: false });
    if (this.emails.length === 0) this.emails.push(emailRow(), { emitEvent: false });
    // No empty address row: an address needs a street, and most customers have none.
    this.addresses.clear({ emitEvent: false });
    for (const address of customer?.addresses ?? []) {
      this.addresses.push(addressRow(toAddressFormValue(address)), { emitEvent: false });
    }
    const customFields = this.form.controls.customFields;
    for (const key of Object.keys(customFields.controls)) customFields.removeControl(key, { emitEvent: false });
    this.addFieldControls(this.editor.fields(), customer);
    const idNumber = customer?.idNumber ?? null;
    this.categoryIds.reset((customer?.categories ?? []).map((c) => c.id));
    this.form.reset({
      kind: customer?.kind ?? 'person',
      name: customer?.name ?? '',
      phones: this.phones.getRawValue(),
      emails: this.emails.getRawValue(),
      addresses: this.addresses.getRawValue(),
      idNumber: idNumber && !isMasked(idNumber) ? idNumber : '',
      ownerId: customer ? customer.ownerId : (this.me()?.id ?? null),
      source: customer?.source ?? '',
      status: customer?.status ?? 'active',
      tags: [...(customer?.tags ?? [])],
      notes: customer?.notes ?? '',
      customFields: customFields.getRawValue(),
    });
  }

  private addFieldControls(fields: readonly CustomerField[], customer: Customer | null): void {
    const group = this.form.controls.customFields;
    for (const field of fields) {
      if (group.contains(field.key)) continue;
      group.addControl(field.key, fieldControl(field, toFieldFormValue(field, customer?.customFields[field.key])), {
        emitEvent: false,
      });
    }
    this.shownFields.set([...fields]);
  }
}
