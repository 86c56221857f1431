import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { catchError, forkJoin, of } from 'rxjs';
import { upsertById, withEditor } from '../../shared/store/with-editor';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import {
  EntryPoint,
  EntryPointInput,
  EntryPointTarget,
  IvrMenu,
  QueueRef,
  VoiceApi,
} from '../voice-api';

interface EntryPointsState {
  readonly entryPoints: EntryPoint[];
  /** Targets the pickers offer. */
  readonly queues: QueueRef[];
  readonly menus: Pick<IvrMenu, 'id' | 'name'>[];
}

/** Numbers first, then widgets, each by name. */
export function entryPointOrder(list: readonly EntryPoint[]): EntryPoint[] {
  return [...list].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'number' ? -1 : 1) || a.name.localeCompare(b.name),
  );
}

/** State of the "Numbers & web call" page and its drawer. */
export const EntryPointsStore = signalStore(
  withState<EntryPointsState>({ entryPoints: [], queues: [], menus: [] }),
  withLoad(),
  withMutation(),
  withEditor<EntryPoint>(),
  withComputed((store) => ({
    queueNames: computed(() => new Map(store.queues().map((queue) => [queue.id, queue.name]))),
    menuNames: computed(() => new Map(store.menus().map((menu) => [menu.id, menu.name]))),
  })),
  withComputed((store) => ({
    /** The name of what an entry point leads to ('' when it was deleted meanwhile). */
    targetName: computed(
      () => (target: EntryPointTarget) =>
        target.type === 'queue'
          ? (store.queueNames().get(target.queueId) ?? '')
          : (store.menuNames().get(target.ivrMenuId) ?? ''),
    ),
  })),
  withMethods((store, api = inject(VoiceApi)) => ({
    load: loadMethod(
      store,
      () =>
        forkJoin({
          entryPoints: api.entryPoints(),
          // The pickers can do without one list; the table cannot.
          queues: api.queues().pipe(catchError(() => of([]))),
          menus: api.ivrMenus().pipe(catchError(() => of([]))),
        }),
      ({ entryPoints, queues, menus }) =>
        patchState(store, {
          entryPoints: entryPointOrder(entryPoints),
          queues: [...queues].sort((a, b) => a.name.localeCompare(b.name)),
          menus: menus
            .map(({ id, name }) => ({ id, name }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        }),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(entryPoint: EntryPoint): void {
      patchState(store, { editing: entryPoint, saveError: null });
    },
    /**
     * Creates or updates an entry point. A new web widget stays open in the drawer, since its
     * key and embed snippet only exist once the server made them.
     */
    async save(id: string | null, body: EntryPointInput) {
      const { kind: _kind, ...changes } = body;
      const outcome = await store.mutate(
        id ? api.updateEntryPoint(id, changes) : api.createEntryPoint(body),
      );
      if (outcome.ok) {
        const saved = outcome.value;
        patchState(store, {
          entryPoints: entryPointOrder(upsertById(store.entryPoints(), saved)),
          editing: !id && saved.kind === 'web' ? saved : null,
        });
      }
      return outcome;
    },
    async remove(entryPoint: EntryPoint) {
      const outcome = await store.mutate(api.removeEntryPoint(entryPoint.id));
      if (outcome.ok) {
        patchState(store, {
          entryPoints: store.entryPoints().filter((row) => row.id !== entryPoint.id),
        });
      }
      return outcome;
    },
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);
