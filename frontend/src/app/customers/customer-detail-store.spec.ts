import { TestBed } from '@angular/core/testing';
import { CustomerDetailStore } from './customer-detail-store';
import { CustomersApi } from './customers-api';
import { customer, FakeCustomersApi } from './testing/customer-fixtures';

function setup() {
  const api = new FakeCustomersApi();
  TestBed.configureTestingModule({
    providers: [CustomerDetailStore, { provide: CustomersApi, useValue: api }],
  });
  return { store: TestBed.inject(CustomerDetailStore), api };
}

describe('CustomerDetailStore', () => {
  it('loads one customer', () => {
    const { store } = setup();
    store.load('c7');
    expect(store.customer()?.id).toBe('c7');
    expect(store.loading()).toBe(false);
  });

  it('reports a customer that does not exist (or belongs to someone else)', () => {
    const { store } = setup();
    store.load('gone');
    expect(store.customer()).toBeNull();
    expect(store.loadError()?.status).toBe(404);
  });

  it('shows what the drawer saved', () => {
    const { store } = setup();
    store.load('c7');
    store.show(customer('c7', { name: 'Renamed' }));
    expect(store.customer()?.name).toBe('Renamed');
  });

  it('deletes the loaded customer', async () => {
    const { store, api } = setup();
    store.load('c7');
    const outcome = await store.remove();
    expect(outcome.ok).toBe(true);
    expect(api.removed).toEqual(['c7']);
  });
});
