import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { forkJoin } from 'rxjs';
import { upsertById, withEditor } from '../shared/store/with-editor';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { groupPermissions } from './permission-groups';
import { Permission, Role, RoleInput, RolesApi } from './roles-api';

interface RolesState {
  readonly roles: Role[];
  readonly permissions: Permission[];
}

/** State of the roles page: roles, the permission catalogue and the role drawer. */
export const RolesStore = signalStore(
  withState<RolesState>({
    roles: [],
    permissions: [],
  }),
  withLoad(),
  withMutation(),
  // A built-in role in the drawer is only looked at, not edited.
  withEditor<Role>(),
  withComputed((store) => ({
    permissionGroups: computed(() => groupPermissions(store.permissions())),
  })),
  withMethods((store, api = inject(RolesApi)) => ({
    load: loadMethod(
      store,
      () => forkJoin({ roles: api.list(), permissions: api.permissions() }),
      ({ roles, permissions }) => patchState(store, { roles, permissions }),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(role: Role): void {
      patchState(store, { editing: role, saveError: null });
    },
    async save(id: string | null, body: RoleInput) {
      const outcome = await store.mutate(id ? api.update(id, body) : api.create(body));
      if (outcome.ok) {
        patchState(store, { editing: null, roles: upsertById(store.roles(), outcome.value) });
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
