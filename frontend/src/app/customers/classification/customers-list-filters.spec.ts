import { TestBed } from '@angular/core/testing';
import { VirtualTimeScheduler } from 'rxjs';
import { DEBOUNCE_SCHEDULER } from '../../shared/store/schedulers';
import { CustomersApi } from '../customers-api';
import { CustomersStore } from '../customers-store';
import { FakeCustomersApi } from '../testing/customer-fixtures';

function setup() {
  const api = new FakeCustomersApi();
  TestBed.configureTestingModule({
    providers: [
      CustomersStore,
      { provide: CustomersApi, useValue: api },
      { provide: DEBOUNCE_SCHEDULER, useValue: new VirtualTimeScheduler() },
    ],
  });
  const store = TestBed.inject(CustomersStore);
  TestBed.tick();
  return { store, api };
}

describe('the customer list filtered by classification', () => {
  it('lists a segment’s members and customers with a category value, from the first page', () => {
    const { store, api } = setup();
    store.changeTable(3, 20, '-updatedAt');
    TestBed.tick();
    store.filterSegment('s1');
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ segmentId: 's1', categoryId: null, page: 1 });
    store.filterCategory('grade-a');
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ segmentId: 's1', categoryId: 'grade-a', page: 1 });
    const count = api.queries.length;
    store.filterCategory('grade-a');
    TestBed.tick();
    expect(api.queries).toHaveLength(count);
    store.filterSegment(null);
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ segmentId: null });
  });
});
