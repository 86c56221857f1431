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
import { catchError, forkJoin, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { ApiError } from '../shared/api/api-types';
import { withMutation } from '../shared/store/with-mutation';
import { groupPermissions } from './permission-groups';
import { Permission, Role, RoleInput, RolesApi } from './roles-api';

interface RolesState {
  readonly roles: Role[];
  readonly permissions: Permission[];
  readonly loading: boolean;
  readonly loadError: ApiError | null;
  /** `null`: drawer closed; `'new'`: create; a role: edit (or view when built in). */
  readonly editing: Role | 'new' | null;
}

/** State of the roles page: roles, the permission catalogue and the role drawer. */
export const RolesStore = signalStore(
  withState<RolesState>({
    roles: [],
    permissions: [],
    loading: false,
    loadError: null,
    editing: null,
  }),
  withMutation(),
  withComputed((store) => ({
    permissionGroups: computed(() => groupPermissions(store.permissions())),
    drawerOpen: computed(() => store.editing() !== null),
  })),
  withMethods((store, api = inject(RolesApi)) => ({
    load: rxMethod<void>(
      pipe(
        tap(() => patchState(store, { loading: true, loadError: null })),
        switchMap(() =>
          forkJoin({ roles: api.list(), permissions: api.permissions() }).pipe(
            tap(({ roles, permissions }) =>
              patchState(store, { roles, permissions, loading: false }),
            ),
            catchError((err: unknown) => {
              patchState(store, { loading: false, loadError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(role: Role): void {
      patchState(store, { editing: role, saveError: null });
    },
    closeDrawer(): void {
      patchState(store, { editing: null });
    },
    async save(id: string | null, body: RoleInput) {
      const outcome = await store.mutate(id ? api.update(id, body) : api.create(body));
      if (outcome.ok) {
        const saved = outcome.value;
        const exists = store.roles().some((role) => role.id === saved.id);
        patchState(store, {
          editing: null,
          roles: exists
            ? store.roles().map((role) => (role.id === saved.id ? saved : role))
            : [...store.roles(), saved],
        });
      }
      return outcome;
    },
    async remove(role: Role) {
      const outcome = await store.mutate(api.remove(role.id));
      if (outcome.ok) patchState(store, { roles: store.roles().filter((r) => r.id !== role.id) });
      return outcome;
    },
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);
