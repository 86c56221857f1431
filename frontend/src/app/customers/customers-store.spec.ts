import { TestBed } from '@angular/core/testing';
import { VirtualTimeScheduler } from 'rxjs';
import { DEBOUNCE_SCHEDULER } from '../shared/store/schedulers';
import { CustomersApi } from './customers-api';
import { CustomersStore, INITIAL_CUSTOMERS_QUERY } from './customers-store';
import { FakeCustomersApi } from './testing/customer-fixtures';

function setup() {
  const api = new FakeCustomersApi();
  const scheduler = new VirtualTimeScheduler();
  TestBed.configureTestingModule({
    providers: [
      CustomersStore,
      { provide: CustomersApi, useValue: api },
      { provide: DEBOUNCE_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(CustomersStore);
  TestBed.tick();
  return { store, api, scheduler };
}

describe('CustomersStore', () => {
  it('loads the first page, most recently changed first', () => {
    const { store, api } = setup();
    expect(api.queries).toEqual([INITIAL_CUSTOMERS_QUERY]);
    expect(INITIAL_CUSTOMERS_QUERY.sort).toBe('-updatedAt');
    expect(store.meta().total).toBe(57);
    expect(store.customers()).toHaveLength(1);
  });

  it('searches only once typing pauses, from the first page', () => {
    const { store, api, scheduler } = setup();
    store.changeTable(3, 20, '-updatedAt');
    TestBed.tick();
    store.search('13');
    store.search('1380');
    store.search('王');
    scheduler.flush();
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ search: '王', page: 1 });
    expect(api.queries.filter((q) => q.search !== '')).toHaveLength(1);
  });

  it('filters by status and tag from the first page', () => {
    const { store, api } = setup();
    store.changeTable(2, 20, '-updatedAt');
    TestBed.tick();
    store.filterStatus('inactive');
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ status: 'inactive', page: 1 });
    store.filterTag(' vip ');
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ tag: 'vip', page: 1 });
    const count = api.queries.length;
    store.filterTag('vip');
    TestBed.tick();
    expect(api.queries).toHaveLength(count);
  });

  it('sorts on the server and starts again from the first page', () => {
    const { store, api } = setup();
    store.changeTable(2, 20, '-updatedAt');
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ page: 2 });
    store.changeTable(2, 20, 'name');
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ page: 1, sort: 'name' });
  });

  it('does not reload when the table reports what it already shows', () => {
    const { store, api } = setup();
    store.changeTable(1, 20, '-updatedAt');
    TestBed.tick();
    expect(api.queries).toHaveLength(1);
  });
});
