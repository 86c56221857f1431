import {
  AddressLabel,
  ContactLabel,
  CustomerAddress,
  CustomerAddressInput,
  EmailLabel,
  CustomerField,
  CustomerInput,
  CustomerKind,
  CustomerSort,
  CustomerStatus,
  CustomFieldValue,
} from './customers-api';

/** What a custom field's control holds: a date picker works with `Date`, the API with `YYYY-MM-DD`. */
export type FieldFormValue = string | number | Date | string[] | null;

/** One address row of the drawer's form: every part is text, the country a code or none. */
export interface AddressFormValue {
  readonly label: AddressLabel;
  readonly country: string | null;
  readonly region: string;
  readonly city: string;
  readonly district: string;
  readonly street: string;
  readonly postalCode: string;
}

/** The raw value of the customer drawer's form. */
export interface CustomerFormValue {
  readonly kind: CustomerKind;
  readonly name: string;
  readonly phones: readonly { readonly number: string; readonly label: ContactLabel }[];
  readonly emails: readonly { readonly address: string; readonly label: EmailLabel }[];
  readonly addresses: readonly AddressFormValue[];
  readonly idNumber: string;
  readonly ownerId: string | null;
  readonly source: string;
  readonly status: CustomerStatus;
  readonly tags: readonly string[];
  readonly notes: string;
  readonly customFields: Readonly<Record<string, FieldFormValue>>;
}

/** What the drawer knows beyond the form's value when it builds the request. */
export interface CustomerBodyOptions {
  /** Whether the ID number was typed in (a masked one shown by the server is never sent back). */
  readonly idNumberChanged: boolean;
  /** Whether the user could pick the owner; otherwise the owner is left to `defaultOwnerId`. */
  readonly ownerEditable: boolean;
  /** Owner of a new customer when the user cannot pick one ("me"); null leaves it to the server. */
  readonly defaultOwnerId: string | null;
  /** Whether the customer is new (POST) rather than changed (PATCH). */
  readonly creating: boolean;
}

/** Whether the server masked an ID number (`110***********1234`). */
export function isMasked(idNumber: string | null): boolean {
  return idNumber !== null && idNumber.includes('*');
}

const blankToNull = (text: string): string | null => {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a calendar day as the user picked it (local time, no UTC shift). */
export function toIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local `Date` of a `YYYY-MM-DD` string (null when it is not one). */
export function fromIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The control value of a custom field from what the API stored. */
export function toFieldFormValue(field: CustomerField, value: CustomFieldValue | undefined): FieldFormValue {
  if (value === undefined || value === null) return field.type === 'multi_choice' ? [] : null;
  switch (field.type) {
    case 'multi_choice':
      return Array.isArray(value) ? [...value] : [String(value)];
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'date':
      return typeof value === 'string' ? fromIsoDate(value) : null;
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** The API value of a custom field from its control; empty (blank, no choice) is null. */
export function fromFieldFormValue(field: CustomerField, value: FieldFormValue): CustomFieldValue {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'multi_choice':
      return Array.isArray(value) && value.length > 0 ? [...value] : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'date':
      return value instanceof Date ? toIsoDate(value) : typeof value === 'string' ? blankToNull(value) : null;
    default:
      return typeof value === 'string' ? blankToNull(value) : null;
  }
}

/** The form row of a stored address, or of a new one in `country` when none is given. */
export function toAddressFormValue(
  address: CustomerAddress | null,
  country: string | null = null,
): AddressFormValue {
  return {
    label: address?.label ?? 'home',
    country: address ? address.country : country,
    region: address?.region ?? '',
    city: address?.city ?? '',
    district: address?.district ?? '',
    street: address?.street ?? '',
    postalCode: address?.postalCode ?? '',
  };
}

/**
 * An address row as the API takes it: parts trimmed, blank parts left out (on PATCH the list
 * replaces the stored one, so a part left out is cleared). Null for a row with no text at all.
 */
export function toAddressInput(row: AddressFormValue): CustomerAddressInput | null {
  const region = blankToNull(row.region);
  const city = blankToNull(row.city);
  const district = blankToNull(row.district);
  const postalCode = blankToNull(row.postalCode);
  const street = row.street.trim();
  if (street === '' && !region && !city && !district && !postalCode) return null;
  return {
    label: row.label,
    ...(row.country ? { country: row.country } : {}),
    ...(region ? { region } : {}),
    ...(city ? { city } : {}),
    ...(district ? { district } : {}),
    street,
    ...(postalCode ? { postalCode } : {}),
  };
}

/** The request body of the drawer's form: blank rows dropped, blanks as null, dates as `YYYY-MM-DD`. */
export function toCustomerInput(
  value: CustomerFormValue,
  fields: readonly CustomerField[],
  options: CustomerBodyOptions,
): CustomerInput {
  const customFields: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    customFields[field.key] = fromFieldFormValue(field, value.customFields[field.key] ?? null);
  }
  const body: CustomerInput = {
    kind: value.kind,
    name: value.name.trim(),
    phones: value.phones
      .map((phone) => ({ number: phone.number.trim(), label: phone.label }))
      .filter((phone) => phone.number !== ''),
    emails: value.emails
      .map((email) => ({ address: email.address.trim(), label: email.label }))
      .filter((email) => email.address !== ''),
    addresses: value.addresses
      .map(toAddressInput)
      .filter((address): address is CustomerAddressInput => address !== null),
    source: blankToNull(value.source),
    status: value.status,
    tags: [...new Set(value.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    notes: blankToNull(value.notes),
    customFields,
  };
  const owner = options.ownerEditable
    ? { ownerId: value.ownerId }
    : options.creating && options.defaultOwnerId
      ? { ownerId: options.defaultOwnerId }
      : {};
  const idNumber =
    options.creating || options.idNumberChanged ? { idNumber: blankToNull(value.idNumber) } : {};
  return { ...body, ...owner, ...idNumber };
}

/** A custom field value as text for reading ('' when there is none). */
export function formatFieldValue(value: CustomFieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Table columns the API can sort by. */
export type SortableColumn = 'name' | 'createdAt' | 'updatedAt';

/** The `sort` parameter for the table's sort state (the first sorted column wins). */
export function sortParam(
  sort: readonly { readonly key: string; readonly value: string | null }[],
): CustomerSort | null {
  const active = sort.find((entry) => entry.value === 'ascend' || entry.value === 'descend');
  if (!active || !['name', 'createdAt', 'updatedAt'].includes(active.key)) return null;
  return (active.value === 'descend' ? `-${active.key}` : active.key) as CustomerSort;
}

/** The table's sort order of a column for a `sort` parameter. */
export function sortOrderOf(
  sort: CustomerSort | null,
  column: SortableColumn,
): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

/** Custom fields in the order the tenant set, then by label. */
export function byPosition(fields: readonly CustomerField[]): CustomerField[] {
  return [...fields].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
}
