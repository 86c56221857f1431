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
import { IvrMenu, IvrMenuInput, IvrTarget, Prompt, QueueRef, VoiceApi } from '../voice-api';

interface IvrState {
  readonly menus: IvrMenu[];
  /** What the editor's pickers offer. */
  readonly queues: QueueRef[];
  readonly prompts: Prompt[];
}

const byName = <T extends { readonly name: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

/** State of the IVR menus page and its editor. */
export const IvrStore = signalStore(
  withState<IvrState>({ menus: [], queues: [], prompts: [] }),
  withLoad(),
  withMutation(),
  withEditor<IvrMenu>(),
  withComputed((store) => ({
    queueNames: computed(() => new Map(store.queues().map((queue) => [queue.id, queue.name]))),
    menuNames: computed(() => new Map(store.menus().map((menu) => [menu.id, menu.name]))),
    promptNames: computed(() => new Map(store.prompts().map((prompt) => [prompt.id, prompt.name]))),
  })),
  withComputed((store) => ({
    /** The name of a queue or sub-menu ('' when it was deleted meanwhile). */
    targetName: computed(
      () => (target: IvrTarget) =>
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
          menus: api.ivrMenus(),
          queues: api.queues().pipe(catchError(() => of([]))),
          prompts: api.prompts().pipe(catchError(() => of([]))),
        }),
      ({ menus, queues, prompts }) =>
        patchState(store, {
          menus: byName(menus),
          queues: byName(queues),
          prompts: byName(prompts),
        }),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(menu: IvrMenu): void {
      patchState(store, { editing: menu, saveError: null });
    },
    async save(id: string | null, body: IvrMenuInput) {
      const outcome = await store.mutate(
        id ? api.updateIvrMenu(id, body) : api.createIvrMenu(body),
      );
      if (outcome.ok) {
        patchState(store, {
          editing: null,
          menus: byName(upsertById(store.menus(), outcome.value)),
        });
      }
      return outcome;
    },
    async remove(menu: IvrMenu) {
      const outcome = await store.mutate(api.removeIvrMenu(menu.id));
      if (outcome.ok) {
        patchState(store, { menus: store.menus().filter((row) => row.id !== menu.id) });
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
