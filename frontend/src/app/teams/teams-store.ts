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
import { catchError, debounceTime, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { DEBOUNCE_SCHEDULER } from '../shared/store/schedulers';
import { upsertById, withEditor } from '../shared/store/with-editor';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { Team, TeamDetail, TeamInput, TeamPerson, TeamsApi } from './teams-api';

interface TeamsState {
  readonly teams: Team[];
  /** Team whose members are being edited, once loaded. */
  readonly membersOf: TeamDetail | null;
  readonly membersLoading: boolean;
  /** Users found by the last picker search, and the ones already selected (always offered). */
  readonly found: TeamPerson[];
  readonly pinned: TeamPerson[];
  readonly searching: boolean;
}

const initialState: TeamsState = {
  teams: [],
  membersOf: null,
  membersLoading: false,
  found: [],
  pinned: [],
  searching: false,
};

/** State of the teams page, the team drawer and the members drawer. */
export const TeamsStore = signalStore(
  withState(initialState),
  withLoad(),
  withMutation(),
  withEditor<Team>(),
  withComputed((store) => ({
    userOptions: computed(() => {
      const byId = new Map<string, TeamPerson>();
      for (const person of [...store.pinned(), ...store.found()]) byId.set(person.id, person);
      return [...byId.values()];
    }),
  })),
  withMethods((store, api = inject(TeamsApi), scheduler = inject(DEBOUNCE_SCHEDULER)) => ({
    load: loadMethod(
      store,
      () => api.list(),
      (teams) => patchState(store, { teams }),
    ),
    searchUsers: rxMethod<string>(
      pipe(
        tap(() => patchState(store, { searching: true })),
        debounceTime(250, scheduler),
        switchMap((search) =>
          api.searchUsers(search).pipe(
            tap((found) => patchState(store, { found, searching: false })),
            catchError(() => {
              patchState(store, { searching: false });
              return of(null);
            }),
          ),
        ),
      ),
    ),
    pin(people: TeamPerson[]): void {
      patchState(store, { pinned: people });
    },
    openCreate(): void {
      patchState(store, { editing: 'new', pinned: [], saveError: null });
    },
    openEdit(team: Team): void {
      patchState(store, { editing: team, pinned: team.supervisors, saveError: null });
    },
    openMembers: rxMethod<Team>(
      pipe(
        tap(() => patchState(store, { membersLoading: true, membersOf: null, saveError: null })),
        switchMap((team) =>
          api.get(team.id).pipe(
            tap((detail) =>
              patchState(store, {
                membersOf: detail,
                pinned: detail.members,
                membersLoading: false,
              }),
            ),
            catchError((err: unknown) => {
              patchState(store, { membersLoading: false, saveError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
    ),
    closeMembers(): void {
      patchState(store, { membersOf: null, membersLoading: false });
    },
    async save(id: string | null, body: TeamInput) {
      const outcome = await store.mutate(id ? api.update(id, body) : api.create(body));
      if (outcome.ok) {
        patchState(store, { editing: null, teams: upsertById(store.teams(), outcome.value) });
      }
      return outcome;
    },
    async saveMembers(team: TeamDetail, userIds: string[]) {
      const outcome = await store.mutate(api.setMembers(team.id, userIds));
      if (outcome.ok) {
        patchState(store, {
          membersOf: null,
          teams: store
            .teams()
            .map((row) => (row.id === team.id ? { ...row, memberCount: userIds.length } : row)),
        });
      }
      return outcome;
    },
    async remove(team: Team) {
      const outcome = await store.mutate(api.remove(team.id));
      if (outcome.ok)
        patchState(store, { teams: store.teams().filter((row) => row.id !== team.id) });
      return outcome;
    },
  })),
  withComputed((store) => ({
    membersOpen: computed(() => store.membersOf() !== null || store.membersLoading()),
  })),
  withHooks({
    onInit(store) {
      store.load();
      store.searchUsers('');
    },
  }),
);
