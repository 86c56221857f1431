import { TestBed } from '@angular/core/testing';
import { CustomerFieldsStore } from './customer-fields-store';
import { CustomersApi } from './customers-api';
import { customField, FakeCustomersApi } from './testing/customer-fixtures';

function setup() {
  const api = new FakeCustomersApi();
  TestBed.configureTestingModule({
    providers: [CustomerFieldsStore, { provide: CustomersApi, useValue: api }],
  });
  const store = TestBed.inject(CustomerFieldsStore);
  TestBed.tick();
  return { store, api };
}

describe('CustomerFieldsStore', () => {
  it('lists the fields in their order', () => {
    const { store } = setup();
    expect(store.fields().map((f) => f.key)).toEqual(['age', 'tier']);
  });

  it('adds a new field where its position puts it', async () => {
    const { store } = setup();
    store.openCreate();
    await store.save(null, {
      key: 'segment',
      label: 'Segment',
      type: 'choice',
      options: ['b2b', 'b2c'],
      required: false,
      position: 0,
    });
    expect(store.fields().map((f) => f.key)).toEqual(['segment', 'age', 'tier']);
    expect(store.drawerOpen()).toBe(false);
  });

  it('never sends the key or the type of an existing field', async () => {
    const { store, api } = setup();
    const tier = customField('tier', { position: 2 });
    store.openEdit(tier);
    await store.save(tier.id, { ...tier, label: 'Level', position: 9 });
    expect(api.fieldBodies.at(-1)).not.toHaveProperty('key');
    expect(api.fieldBodies.at(-1)).not.toHaveProperty('type');
    expect(store.fields().find((f) => f.id === tier.id)?.label).toBe('Level');
  });

  it('removes a deleted field from the table', async () => {
    const { store } = setup();
    await store.remove(customField('age', { position: 1 }));
    expect(store.fields().map((f) => f.key)).toEqual(['tier']);
  });
});
