import { TestBed } from '@angular/core/testing';
import { Observable, of, VirtualTimeScheduler } from 'rxjs';
import { Paged } from '../shared/api/api-types';
import { User } from '../shared/api/models';
import { DEBOUNCE_SCHEDULER } from '../shared/store/schedulers';
import { ADA } from '../auth/testing/auth-fixtures';
import { UserAction, UsersApi, UsersQuery } from './users-api';
import { UsersStore } from './users-store';

/** A UsersApi that answers from memory and remembers the queries it got. */
class FakeUsersApi {
  readonly queries: UsersQuery[] = [];
  list(query: UsersQuery): Observable<Paged<User>> {
    this.queries.push(query);
    return of({
      data: [ADA],
      meta: { total: 41, perPage: query.perPage, currentPage: query.page, lastPage: 3 },
    });
  }
  run(_id: string, action: UserAction): Observable<User> {
    return of({ ...ADA, status: action === 'deactivate' ? 'deactivated' : 'active' });
  }
  roles = () => of([]);
  teams = () => of([]);
}

function setup() {
  const api = new FakeUsersApi();
  const scheduler = new VirtualTimeScheduler();
  TestBed.configureTestingModule({
    providers: [
      UsersStore,
      { provide: UsersApi, useValue: api },
      { provide: DEBOUNCE_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(UsersStore);
  TestBed.tick();
  return { store, api, scheduler };
}

describe('UsersStore', () => {
  it('loads the first page when the page opens', () => {
    const { store, api } = setup();
    expect(api.queries).toEqual([{ search: '', status: null, page: 1, perPage: 20 }]);
    expect(store.meta().total).toBe(41);
    expect(store.users()).toEqual([ADA]);
  });

  it('searches only once typing pauses, from the first page', () => {
    const { store, api, scheduler } = setup();
    store.changePage(3, 20);
    TestBed.tick();
    store.search('a');
    store.search('ad');
    store.search('ada');
    scheduler.flush();
    TestBed.tick();
    expect(api.queries.at(-1)).toEqual({ search: 'ada', status: null, page: 1, perPage: 20 });
    expect(api.queries.filter((q) => q.search !== '')).toHaveLength(1);
  });

  it('goes back to the first page when the page size changes', () => {
    const { store, api } = setup();
    store.changePage(2, 20);
    TestBed.tick();
    store.changePage(2, 50);
    TestBed.tick();
    expect(api.queries.at(-1)).toMatchObject({ page: 1, perPage: 50 });
  });

  it('shows the answer of an account action in the table', async () => {
    const { store } = setup();
    await store.run(ADA, 'deactivate');
    expect(store.users()[0]?.status).toBe('deactivated');
  });
});
