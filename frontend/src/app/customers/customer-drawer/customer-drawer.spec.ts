import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideMockStore } from '@ngrx/store/testing';
import { provideNzNativeDateAdapter } from 'ng-zorro-antd/core/time';
import { en_US, provideNzI18n } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../icons';
import { initialAuthState } from '../../auth/auth.reducer';
import { ACME, ADA } from '../../auth/testing/auth-fixtures';
import { CategoryGroupsStore } from '../classification/category-groups-store';
import { ClassificationApi } from '../classification/classification-api';
import { FakeClassificationApi } from '../testing/classification-fixtures';
import { CustomerEditorStore } from '../customer-editor-store';
import { CustomersApi } from '../customers-api';
import { customField, customer, FakeCustomersApi, unprocessable } from '../testing/customer-fixtures';
import { CustomerDrawer } from './customer-drawer';

async function render(permissions: string[], configure: (api: FakeCustomersApi) => void = () => {}) {
  const api = new FakeCustomersApi();
  api.fieldList = [customField('tier', { type: 'choice', options: ['gold'] }), customField('since', { type: 'date' })];
  configure(api);
  TestBed.configureTestingModule({
    imports: [
      CustomerDrawer,
      TranslocoTestingModule.forRoot({
        langs: { en: {} },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      CustomerEditorStore,
      CategoryGroupsStore,
      { provide: ClassificationApi, useValue: new FakeClassificationApi() },
      provideNzIcons(APP_ICONS),
      provideNzI18n(en_US),
      provideNzNativeDateAdapter({ locale: 'en-US', firstDayOfWeek: 1 }),
      { provide: CustomersApi, useValue: api },
      provideMockStore({
        initialState: { auth: { ...initialAuthState, user: ADA, tenant: ACME, permissions } },
      }),
    ],
  });
  const editor = TestBed.inject(CustomerEditorStore);
  const fixture = TestBed.createComponent(CustomerDrawer);
  await fixture.whenStable();
  const find = <T extends HTMLElement>(testId: string) =>
    document.querySelector<T>(`[data-testid="${testId}"]`);
  const type = (testId: string, value: string) => {
    const input = find<HTMLInputElement>(testId);
    if (!input) throw new Error(`no field ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  /** Types into the `testId` input of the `n`-th address row (0-based). */
  const typeInAddress = (n: number, testId: string, value: string) => {
    const row = document.querySelectorAll('[data-testid="customer-address-row"]')[n];
    const input = row?.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(`no field ${testId} in address ${n}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const addAddress = async () => {
    find<HTMLButtonElement>('customer-add-address')?.click();
    await fixture.whenStable();
  };
  const submit = async () => {
    find<HTMLFormElement>('customer-form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  return { api, editor, fixture, find, type, typeInAddress, addAddress, submit };
}

describe('CustomerDrawer', () => {
  afterEach(() => document.body.replaceChildren());

  it('makes a new customer mine when I may not pick owners', async () => {
    const { api, editor, fixture, find, type, submit } = await render(['customers.manage']);
    editor.openCreate();
    await fixture.whenStable();
    expect(find('customer-owner-readonly')?.textContent).toContain(ADA.displayName);
    type('customer-name', ' 王小明 ');
    type('customer-phone-number', '138 0013 8000');
    await submit();
    expect(api.created[0]).toMatchObject({
      name: '王小明',
      phones: [{ number: '138 0013 8000', label: 'mobile' }],
      ownerId: ADA.id,
      customFields: { tier: null, since: null },
    });
    expect(api.ownerCalls).toBe(0);
  });

  it('offers the owners to whoever may read users', async () => {
    const { api, editor, fixture, find } = await render(['customers.manage', 'users.view']);
    editor.openCreate();
    await fixture.whenStable();
    expect(find('customer-owner')).not.toBeNull();
    expect(api.ownerCalls).toBe(1);
  });

  it('puts the server errors on the phone row and the custom field', async () => {
    const { editor, fixture, type, submit } = await render(['customers.manage'], (api) => {
      api.createError = unprocessable([
        { field: 'phones.0.number', rule: 'phone', message: 'Not a phone number' },
        { field: 'customFields.tier', rule: 'required', message: 'Tier is required' },
        { field: 'somethingElse', rule: 'x', message: 'Other problem' },
      ]);
    });
    editor.openCreate();
    await fixture.whenStable();
    type('customer-name', 'Jane');
    type('customer-phone-number', '12');
    await submit();
    const texts = [...document.querySelectorAll('[data-testid="field-error"]')].map((e) =>
      e.textContent?.trim(),
    );
    expect(texts).toContain('Not a phone number');
    expect(texts).toContain('Tier is required');
    expect(document.body.textContent).toContain('Other problem');
    expect(editor.drawerOpen()).toBe(true);
  });

  it('does not send back a masked ID number', async () => {
    const { api, editor, fixture, find, submit } = await render(['customers.manage']);
    editor.openEdit(customer('c1'));
    await fixture.whenStable();
    expect(find<HTMLInputElement>('customer-id-number-input')?.value).toBe('');
    await submit();
    expect(api.updated[0]?.body).not.toHaveProperty('idNumber');
    expect(api.updated[0]?.body).not.toHaveProperty('ownerId');
  });

  it('shows the stored addresses and sends them back with a new one in the organisation’s country', async () => {
    const { api, editor, fixture, addAddress, typeInAddress, submit } = await render(['customers.manage']);
    editor.openEdit(customer('c1'));
    await fixture.whenStable();
    const streets = () =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid="customer-address-street"]')].map(
        (input) => input.value,
      );
    expect(streets()).toEqual(['天河路 385 号']);
    await addAddress();
    typeInAddress(1, 'customer-address-city', 'Berlin');
    typeInAddress(1, 'customer-address-street', ' Unter den Linden 1 ');
    await submit();
    expect(api.updated[0]?.body.addresses).toEqual([
      {
        label: 'home',
        country: 'CN',
        region: '广东省',
        city: '广州市',
        district: '天河区',
        street: '天河路 385 号',
        postalCode: '510620',
      },
      { label: 'home', country: ACME.defaultCountry, city: 'Berlin', street: 'Unter den Linden 1' },
    ]);
  });

  it('starts with no address row and sends none until one is added', async () => {
    const { api, editor, fixture, find, type, submit } = await render(['customers.manage']);
    editor.openCreate();
    await fixture.whenStable();
    expect(document.querySelectorAll('[data-testid="customer-address-row"]')).toHaveLength(0);
    expect(find('customer-add-address')).not.toBeNull();
    type('customer-name', 'Jane');
    await submit();
    expect(api.created[0]?.addresses).toEqual([]);
  });

  it('keeps an address without a street from being sent', async () => {
    const { api, editor, fixture, type, addAddress, typeInAddress, submit } = await render([
      'customers.manage',
    ]);
    editor.openCreate();
    await fixture.whenStable();
    type('customer-name', 'Jane');
    await addAddress();
    typeInAddress(0, 'customer-address-city', '深圳市');
    await submit();
    expect(api.created).toHaveLength(0);
    const row = document.querySelector('[data-testid="customer-address-row"]');
    expect(row?.querySelector('[data-testid="field-error"]')).not.toBeNull();
  });

  it('puts a server error about the second address on its street', async () => {
    const { editor, fixture, type, addAddress, typeInAddress, submit } = await render(
      ['customers.manage'],
      (api) => {
        api.createError = unprocessable([
          { field: 'addresses.1.street', rule: 'maxLength', message: 'Street is too long' },
        ]);
      },
    );
    editor.openCreate();
    await fixture.whenStable();
    type('customer-name', 'Jane');
    await addAddress();
    await addAddress();
    typeInAddress(0, 'customer-address-street', '天河路 385 号');
    typeInAddress(1, 'customer-address-street', '中山路 1 号');
    await submit();
    await fixture.whenStable();
    const rows = document.querySelectorAll('[data-testid="customer-address-row"]');
    expect(rows[0]?.querySelector('[data-testid="field-error"]')).toBeNull();
    expect(rows[1]?.querySelector('[data-testid="field-error"]')?.textContent?.trim()).toBe(
      'Street is too long',
    );
    expect(document.querySelector('app-api-error-alert')?.textContent).not.toContain('Street is too long');
  });
});
