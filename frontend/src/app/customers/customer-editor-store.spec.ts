import { TestBed } from '@angular/core/testing';
import { CustomerEditorStore } from './customer-editor-store';
import { CustomerInput, CustomersApi } from './customers-api';
import { customer, FakeCustomersApi, unprocessable } from './testing/customer-fixtures';

function setup(configure: (api: FakeCustomersApi) => void = () => {}) {
  const api = new FakeCustomersApi();
  configure(api);
  TestBed.configureTestingModule({
    providers: [CustomerEditorStore, { provide: CustomersApi, useValue: api }],
  });
  const store = TestBed.inject(CustomerEditorStore);
  TestBed.tick();
  return { store, api };
}

const body: CustomerInput = {
  kind: 'person',
  name: 'Jane Smith',
  phones: [{ number: '(415) 555-0100', label: 'work' }],
  emails: [],
  source: null,
  status: 'active',
  tags: [],
  notes: null,
  customFields: {},
};

describe('CustomerEditorStore', () => {
  it('reads the custom fields in their order when it starts', () => {
    const { store } = setup();
    expect(store.fields().map((f) => f.key)).toEqual(['age', 'tier']);
    expect(store.fieldsByKey().get('tier')?.position).toBe(2);
  });

  it('reads the owners once, sorted by name', () => {
    const { store, api } = setup();
    store.loadOwners();
    store.loadOwners();
    expect(store.owners().map((o) => o.displayName)).toEqual(['Ada', 'Zoe']);
    expect(api.ownerCalls).toBe(1);
  });

  it('offers no owners when users cannot be read', () => {
    const { store } = setup((api) => (api.failOwners = true));
    store.loadOwners();
    expect(store.owners()).toEqual([]);
    expect(store.saveError()).toBeNull();
  });

  it('creates a customer and closes the drawer', async () => {
    const { store, api } = setup();
    store.openCreate();
    const outcome = await store.save(null, body);
    expect(outcome.ok).toBe(true);
    expect(api.created).toEqual([body]);
    expect(store.drawerOpen()).toBe(false);
  });

  it('changes an existing customer through PATCH', async () => {
    const { store, api } = setup();
    store.openEdit(customer('c1'));
    expect(store.edited()?.id).toBe('c1');
    await store.save('c1', body);
    expect(api.updated).toEqual([{ id: 'c1', body }]);
  });

  it('keeps the drawer open with the field errors of a 422', async () => {
    const { store } = setup((api) => {
      api.createError = unprocessable([
        { field: 'phones.0.number', rule: 'phone', message: 'Not a phone number' },
      ]);
    });
    store.openCreate();
    const outcome = await store.save(null, body);
    expect(outcome.ok).toBe(false);
    expect(store.drawerOpen()).toBe(true);
    expect(store.saveError()?.fieldErrors[0]?.field).toBe('phones.0.number');
  });
});
