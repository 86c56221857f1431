import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, throwError } from 'rxjs';
import { Paged } from '../../shared/api/api-types';
import {
  Customer,
  CustomerField,
  CustomerFieldChanges,
  CustomerFieldInput,
  CustomerInput,
  CustomerOwner,
  CustomersQuery,
} from '../customers-api';

/** A customer as the API answers it. */
export const customer = (id: string, extra: Partial<Customer> = {}): Customer => ({
  id,
  kind: 'person',
  name: '王小明',
  phones: [{ id: 'p1', number: '+8613800138000', raw: '138 0013 8000', label: 'mobile' }],
  emails: [],
  addresses: [
    {
      id: 'a1',
      label: 'home',
      country: 'CN',
      region: '广东省',
      city: '广州市',
      district: '天河区',
      street: '天河路 385 号',
      postalCode: '510620',
    },
  ],
  idNumber: '110***********1234',
  ownerId: 'u-ada',
  ownerName: 'Ada',
  source: null,
  status: 'active',
  tags: ['vip'],
  categories: [],
  notes: null,
  customFields: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  createdBy: 'u-ada',
  updatedBy: 'u-ada',
  ...extra,
});

/** A custom field definition. */
export const customField = (key: string, extra: Partial<CustomerField> = {}): CustomerField => ({
  id: `f-${key}`,
  key,
  label: key,
  type: 'text',
  options: [],
  required: false,
  position: 0,
  ...extra,
});

/** A 422 answer as the API sends it. */
export const unprocessable = (errors: { field: string; rule: string; message: string }[]) =>
  new HttpErrorResponse({ status: 422, error: { errors } });

/** A CustomersApi that answers from memory and remembers what it was asked. */
export class FakeCustomersApi {
  readonly queries: CustomersQuery[] = [];
  readonly created: CustomerInput[] = [];
  readonly updated: { id: string; body: Partial<CustomerInput> }[] = [];
  readonly removed: string[] = [];
  readonly fieldBodies: (CustomerFieldInput | CustomerFieldChanges)[] = [];
  fieldList: CustomerField[] = [customField('tier', { position: 2 }), customField('age', { position: 1 })];
  ownerCalls = 0;
  failOwners = false;
  /** Set to make the next create answer 422. */
  createError: HttpErrorResponse | null = null;

  list(query: CustomersQuery): Observable<Paged<Customer>> {
    this.queries.push(query);
    return of({
      data: [customer('c1')],
      meta: { total: 57, perPage: query.perPage, currentPage: query.page, lastPage: 3 },
    });
  }
  get(id: string): Observable<Customer> {
    if (id === 'gone') {
      return throwError(
        () => new HttpErrorResponse({ status: 404, error: { error: { code: 'E_NOT_FOUND', message: 'Not found' } } }),
      );
    }
    return of(customer(id));
  }
  create(body: CustomerInput): Observable<Customer> {
    this.created.push(body);
    if (this.createError) return throwError(() => this.createError);
    return of(customer('new', { name: body.name }));
  }
  update(id: string, body: Partial<CustomerInput>): Observable<Customer> {
    this.updated.push({ id, body });
    return of(customer(id, { name: body.name ?? '王小明' }));
  }
  remove(id: string): Observable<void> {
    this.removed.push(id);
    return of(undefined);
  }
  fields(): Observable<CustomerField[]> {
    return of(this.fieldList);
  }
  createField(body: CustomerFieldInput): Observable<CustomerField> {
    this.fieldBodies.push(body);
    return of({ ...body, id: `f-${body.key}` });
  }
  updateField(id: string, body: CustomerFieldChanges): Observable<CustomerField> {
    this.fieldBodies.push(body);
    const current = this.fieldList.find((f) => f.id === id) ?? customField('x');
    return of({ ...current, ...body });
  }
  removeField(): Observable<void> {
    return of(undefined);
  }
  owners(): Observable<CustomerOwner[]> {
    this.ownerCalls += 1;
    if (this.failOwners) return throwError(() => new HttpErrorResponse({ status: 403 }));
    return of([
      { id: 'u-zoe', displayName: 'Zoe' },
      { id: 'u-ada', displayName: 'Ada' },
    ]);
  }
}
