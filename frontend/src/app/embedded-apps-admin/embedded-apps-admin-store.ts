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
import { catchError, of, pipe, switchMap, tap } from 'rxjs';
import { upsertById, withEditor } from '../shared/store/with-editor';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import {
  EmbeddedApp,
  EmbeddedAppInput,
  EmbeddedAppsAdminApi,
  QueueOption,
} from './embedded-apps-admin-api';

interface EmbeddedAppsAdminState {
  readonly apps: EmbeddedApp[];
  readonly queues: QueueOption[];
}

/** Sorts the way the workspace shows the apps' tabs: by position, then by name. */
export function byPosition(apps: readonly EmbeddedApp[]): EmbeddedApp[] {
  return [...apps].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}

/** State of the embedded apps admin page and its drawer. */
export const EmbeddedAppsAdminStore = signalStore(
  withState<EmbeddedAppsAdminState>({ apps: [], queues: [] }),
  withLoad(),
  withMutation(),
  withEditor<EmbeddedApp>(),
  withComputed((store) => ({
    /** Where a new app goes by default: after the last one. */
    nextPosition: computed(() => Math.max(0, ...store.apps().map((app) => app.position)) + 1),
    /** Queue names by id (a queue the list does not know shows its id). */
    queueNames: computed(() => new Map(store.queues().map((q) => [q.id, q.name]))),
  })),
  withMethods((store, api = inject(EmbeddedAppsAdminApi)) => ({
    load: loadMethod(
      store,
      () => api.list(),
      (apps) => patchState(store, { apps: byPosition(apps) }),
    ),
    loadQueues: rxMethod<void>(
      pipe(
        switchMap(() =>
          api.queues().pipe(
            tap((queues) => patchState(store, { queues })),
            // Without queues.view the form still works: an app then applies to every queue.
            catchError(() => of(null)),
          ),
        ),
      ),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(app: EmbeddedApp): void {
      patchState(store, { editing: app, saveError: null });
    },
    async save(id: string | null, body: EmbeddedAppInput) {
      const outcome = await store.mutate(id ? api.update(id, body) : api.create(body));
      if (outcome.ok) {
        patchState(store, {
          editing: null,
          apps: byPosition(upsertById(store.apps(), outcome.value)),
        });
      }
      return outcome;
    },
    /** Turns an app on or off straight from the table. */
    async setEnabled(app: EmbeddedApp, enabled: boolean) {
      const outcome = await store.mutate(api.update(app.id, { enabled }));
      if (outcome.ok) {
        patchState(store, { apps: byPosition(upsertById(store.apps(), outcome.value)) });
      }
      return outcome;
    },
    async remove(app: EmbeddedApp) {
      const outcome = await store.mutate(api.remove(app.id));
      if (outcome.ok) {
        patchState(store, { apps: store.apps().filter((row) => row.id !== app.id) });
      }
      return outcome;
    },
  })),
  withHooks({
    onInit(store) {
      store.load();
      store.loadQueues();
    },
  }),
);
