import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
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
import { toApiError } from '../shared/api/api-error';
import { ApiError, EMPTY_META, PageMeta } from '../shared/api/api-types';
import { RoleRef, TeamRef, User, UserStatus } from '../shared/api/models';
import { DEBOUNCE_SCHEDULER } from '../shared/store/schedulers';
import { withMutation } from '../shared/store/with-mutation';
import { InviteUser, UpdateUser, UserAction, UsersApi, UsersQuery } from './users-api';

interface UsersState {
  readonly query: UsersQuery;
  readonly users: User[];
  readonly meta: PageMeta;
  readonly loading: boolean;
  readonly loadError: ApiError | null;
  readonly roles: RoleRef[];
  readonly teams: TeamRef[];
  /** `null`: closed; `'new'`: invite; a user: edit. */
  readonly editing: User | 'new' | null;
}

const initialState: UsersState = {
  query: { search: '', status: null, page: 1, perPage: 20 },
  users: [],
  meta: EMPTY_META,
  loading: false,
  loadError: null,
  roles: [],
  teams: [],
  editing: null,
};

/** State of the users page: the server-paged table, its filters and the invite/edit drawer. */
export const UsersStore = signalStore(
  withState(initialState),
  withMutation(),
  withComputed((store) => ({
    drawerOpen: computed(() => store.editing() !== null),
  })),
  withMethods((store, api = inject(UsersApi), scheduler = inject(DEBOUNCE_SCHEDULER)) => {
    const load = rxMethod<UsersQuery>(
      pipe(
        tap(() => patchState(store, { loading: true, loadError: null })),
        switchMap((query) =>
          api.list(query).pipe(
            tap((page) => patchState(store, { users: page.data, meta: page.meta, loading: false })),
            catchError((err: unknown) => {
              patchState(store, { loading: false, loadError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
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
      closeDrawer(): void {
        patchState(store, { editing: null });
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
