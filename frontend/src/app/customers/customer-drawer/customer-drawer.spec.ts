import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideMockStore } from '@ngrx/store/testing';
import { provideNzNativeDateAdapter } from 'ng-zorro-antd/core/time';
import { en_US, provideNzI18n } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../icons';
import { initialAuthState } from '../../auth/auth.reducer';
import { ADA } from '../../auth/testing/auth-fixtures';
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
        initialState: { auth: { ...initialAuthState, user: ADA, permissions } },
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
  const submit = async () => {
    find<HTMLFormElement>('customer-form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  return { api, editor, fixture, find, type, submit };
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
});
