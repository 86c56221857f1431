import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { Job } from '../shared/api/jobs-api';
import { User } from '../shared/api/models';
import { toParams } from '../shared/api/query-params';

/** A private person or an organisation. */
export type CustomerKind = 'person' | 'organisation';
export const CUSTOMER_KINDS: readonly CustomerKind[] = ['person', 'organisation'];

export type CustomerStatus = 'active' | 'inactive';
export const CUSTOMER_STATUSES: readonly CustomerStatus[] = ['active', 'inactive'];

/** What kind of number or address a contact entry is. */
export type ContactLabel = 'mobile' | 'work' | 'home' | 'other';
export const PHONE_LABELS: readonly ContactLabel[] = ['mobile', 'work', 'home', 'other'];
/** E-mail addresses have no mobile kind. */
export type EmailLabel = Exclude<ContactLabel, 'mobile'>;
export const EMAIL_LABELS: readonly EmailLabel[] = ['work', 'home', 'other'];

/** A phone number of a customer: `number` is E.164, `raw` what was typed. */
export interface CustomerPhone {
  readonly id: string;
  readonly number: string;
  readonly raw: string;
  readonly label: ContactLabel;
}

export interface CustomerEmail {
  readonly id: string;
  readonly address: string;
  readonly label: EmailLabel;
}

/** What a postal address is used for. */
export type AddressLabel = 'home' | 'work' | 'billing' | 'shipping' | 'other';
export const ADDRESS_LABELS: readonly AddressLabel[] = ['home', 'work', 'billing', 'shipping', 'other'];
/** Most addresses a customer may have. */
export const MAX_ADDRESSES = 10;

/**
 * A postal address of a customer, in parts: `country` is ISO 3166-1 alpha-2 (`CN`), `region` the
 * province or state (`广东省`), `district` the 区/县 or neighbourhood; only `street` is required.
 */
export interface CustomerAddress {
  readonly id: string;
  readonly label: AddressLabel;
  readonly country: string | null;
  readonly region: string | null;
  readonly city: string | null;
  readonly district: string | null;
  readonly street: string;
  readonly postalCode: string | null;
}

/** An address as POST and PATCH /customers take it (a missing part is none). */
export interface CustomerAddressInput {
  readonly label?: AddressLabel;
  readonly country?: string;
  readonly region?: string;
  readonly city?: string;
  readonly district?: string;
  readonly street: string;
  readonly postalCode?: string;
}

/** Value of one custom field as the API stores it (a date is `YYYY-MM-DD`). */
export type CustomFieldValue = string | number | string[] | null;

/** A category value a customer has ("Grade: A"), in its group's colour. */
export interface CustomerCategory {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly groupId: string;
  readonly groupName: string;
}

/** A customer record. `idNumber` arrives masked unless the user may see it in full. */
export interface Customer {
  readonly id: string;
  readonly kind: CustomerKind;
  readonly name: string;
  readonly phones: CustomerPhone[];
  readonly emails: CustomerEmail[];
  readonly addresses: CustomerAddress[];
  readonly idNumber: string | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly source: string | null;
  readonly status: CustomerStatus;
  readonly tags: string[];
  /** The category values the customer has, in group order. */
  readonly categories: CustomerCategory[];
  readonly notes: string | null;
  readonly customFields: Readonly<Record<string, CustomFieldValue>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string | null;
  readonly updatedBy: string | null;
}

/** Body of POST /customers; PATCH takes any part of it (phones/emails/addresses replace the lists). */
export interface CustomerInput {
  readonly kind: CustomerKind;
  readonly name: string;
  readonly phones: { readonly number: string; readonly label: ContactLabel }[];
  readonly emails: { readonly address: string; readonly label: EmailLabel }[];
  readonly addresses?: CustomerAddressInput[];
  readonly idNumber?: string | null;
  readonly ownerId?: string | null;
  readonly source: string | null;
  readonly status: CustomerStatus;
  readonly tags: string[];
  readonly notes: string | null;
  readonly customFields: Record<string, CustomFieldValue>;
}

/** Sort orders GET /customers accepts. */
export type CustomerSort =
  'name' | '-name' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';

/** File formats of a customer export. */
export type CustomerExportFormat = 'csv' | 'xlsx';

/** Filters, order and page of the customers table. */
export interface CustomersQuery {
  readonly search: string;
  readonly status: CustomerStatus | null;
  readonly tag: string;
  readonly ownerId: string | null;
  /** Only the members of this segment. */
  readonly segmentId: string | null;
  /** Only customers with this category value. */
  readonly categoryId: string | null;
  readonly sort: CustomerSort | null;
  readonly page: number;
  readonly perPage: number;
}

export type CustomFieldType = 'text' | 'number' | 'date' | 'choice' | 'multi_choice';
export const CUSTOM_FIELD_TYPES: readonly CustomFieldType[] = [
  'text',
  'number',
  'date',
  'choice',
  'multi_choice',
];

/** A tenant-defined extra field of customers. */
export interface CustomerField {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly type: CustomFieldType;
  readonly options: string[];
  readonly required: boolean;
  readonly position: number;
}

/** Body of POST /customer-fields. */
export type CustomerFieldInput = Omit<CustomerField, 'id'>;

/** Body of PATCH /customer-fields/:id: the key and the type of a field stay. */
export type CustomerFieldChanges = Partial<Omit<CustomerFieldInput, 'key' | 'type'>>;

/** A user who can own customers. */
export interface CustomerOwner {
  readonly id: string;
  readonly displayName: string;
}

/** Calls of /customers and /customer-fields, plus the users the owner picker offers. */
@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/customers`;
  private readonly fieldsBase = `${API_BASE}/customer-fields`;

  list(query: CustomersQuery): Observable<Paged<Customer>> {
    return this.http.get<Paged<Customer>>(this.base, { params: toParams({ ...query }) });
  }

  /** Starts an export of the filtered list as a background job (POST /customers/exports → 202). */
  startExport(format: CustomerExportFormat, query: CustomersQuery): Observable<Job> {
    const { search, ownerId, status, tag, segmentId, categoryId, sort } = query;
    const body = {
      format,
      ...(search ? { search } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(status ? { status } : {}),
      ...(tag ? { tag } : {}),
      ...(segmentId ? { segmentId } : {}),
      ...(categoryId ? { categoryId } : {}),
      ...(sort ? { sort } : {}),
    };
    return this.http.post<ApiData<Job>>(`${this.base}/exports`, body).pipe(map((r) => r.data));
  }

  get(id: string): Observable<Customer> {
    return this.http.get<ApiData<Customer>>(`${this.base}/${id}`).pipe(map((r) => r.data));
  }

  create(body: CustomerInput): Observable<Customer> {
    return this.http.post<ApiData<Customer>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: Partial<CustomerInput>): Observable<Customer> {
    return this.http.patch<ApiData<Customer>>(`${this.base}/${id}`, body).pipe(map((r) => r.data));
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  fields(): Observable<CustomerField[]> {
    return this.http.get<ApiData<CustomerField[]>>(this.fieldsBase).pipe(map((r) => r.data));
  }

  createField(body: CustomerFieldInput): Observable<CustomerField> {
    return this.http.post<ApiData<CustomerField>>(this.fieldsBase, body).pipe(map((r) => r.data));
  }

  updateField(id: string, body: CustomerFieldChanges): Observable<CustomerField> {
    return this.http
      .patch<ApiData<CustomerField>>(`${this.fieldsBase}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  removeField(id: string): Observable<void> {
    return this.http.delete<void>(`${this.fieldsBase}/${id}`);
  }

  /** Active users the owner picker offers (needs users.view; the API's largest page). */
  owners(): Observable<CustomerOwner[]> {
    return this.http
      .get<Paged<User>>(`${API_BASE}/users`, {
        params: toParams({ status: 'active', perPage: 200, page: 1 }),
      })
      .pipe(map((page) => page.data.map(({ id, displayName }) => ({ id, displayName }))));
  }
}
