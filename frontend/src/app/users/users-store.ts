import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  forkJoin,
  of,
  pipe,
  switchMap,
  tap,
} from 'rxjs';
import { EMPTY_META, PageMeta } from '../shared/api/api-types';
import { RoleRef, TeamRef, User, UserStatus } from '../shared/api/models';
import { DEBOUNCE_SCHEDULER } from '../shared/store/schedulers';
import { withEditor } from '../shared/store/with-editor';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { InviteUser, UpdateUser, UserAction, UsersApi, UsersQuery } from './users-api';

interface UsersState {
  readonly query: UsersQuery;
  readonly users: User[];
  readonly meta: PageMeta;
  readonly roles: RoleRef[];
  readonly teams: TeamRef[];
}

const initialState: UsersState = {
  query: { search: '', status: null, page: 1, perPage: 20 },
  users: [],
  meta: EMPTY_META,
  roles: [],
  teams: [],
};

/** State of the users page: the server-paged table, its filters and the invite/edit drawer. */
export const UsersStore = signalStore(
  withState(initialState),
  withLoad(),
  withMutation(),
  // `'new'` is an invitation.
  withEditor<User>(),
  withMethods((store, api = inject(UsersApi), scheduler = inject(DEBOUNCE_SCHEDULER)) => {
    const load = loadMethod(
      store,
      (query: UsersQuery) => api.list(query),
      (page) => patchState(store, { users: page.data, meta: page.meta }),
    );
    const replace = (user: User) =>
      patchState(store, { users: store.users().map((row) => (row.id === user.id ? user : row)) });
    return {
      load,
      reload(): void {
        load(store.query());
      },
      search: rxMethod<string>(
        pipe(
          debounceTime(300, scheduler),
          distinctUntilChanged(),
          tap((search) => patchState(store, { query: { ...store.query(), search, page: 1 } })),
        ),
      ),
      filterStatus(status: UserStatus | null): void {
        patchState(store, { query: { ...store.query(), status, page: 1 } });
      },
      changePage(page: number, perPage: number): void {
        const query = store.query();
        if (query.page === page && query.perPage === perPage) return;
        patchState(store, {
          query: { ...query, page: perPage === query.perPage ? page : 1, perPage },
        });
      },
      loadOptions: rxMethod<void>(
        pipe(
          switchMap(() =>
            forkJoin({
              roles: api.roles().pipe(catchError(() => of<RoleRef[]>([]))),
              teams: api.teams().pipe(catchError(() => of<TeamRef[]>([]))),
            }),
          ),
          tap(({ roles, teams }) => patchState(store, { roles, teams })),
        ),
      ),
      openInvite(): void {
        patchState(store, { editing: 'new', saveError: null });
      },
      openEdit(user: User): void {
        patchState(store, { editing: user, saveError: null });
      },
      async invite(body: InviteUser) {
        const outcome = await store.mutate(api.invite(body));
        if (outcome.ok) {
          patchState(store, { editing: null });
          load(store.query());
        }
        return outcome;
      },
      async update(id: string, body: UpdateUser) {
        const outcome = await store.mutate(api.update(id, body));
        if (outcome.ok) {
          patchState(store, { editing: null });
          replace(outcome.value);
        }
        return outcome;
      },
      async run(user: User, action: UserAction) {
        const outcome = await store.mutate(api.run(user.id, action));
        if (outcome.ok) replace(outcome.value);
        return outcome;
      },
    };
  }),
  withHooks({
    onInit(store) {
      store.load(store.query);
      store.loadOptions();
    },
  }),
);
