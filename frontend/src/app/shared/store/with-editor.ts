import { computed } from '@angular/core';
import {
  patchState,
  signalStoreFeature,
  withComputed,
  withMethods,
  withState,
} from '@ngrx/signals';

/** Which item the page's drawer shows: `null` closed, `'new'` create, an item edit. */
export interface EditorState<T> {
  readonly editing: T | 'new' | null;
}

/**
 * SignalStore feature for a list page's create/edit drawer: `editing`, `drawerOpen`, `edited` (the
 * item being edited, `null` when creating) and `closeDrawer()`.
 */
export function withEditor<T>() {
  return signalStoreFeature(
    withState<EditorState<T>>({ editing: null }),
    withComputed(({ editing }) => ({
      drawerOpen: computed(() => editing() !== null),
      edited: computed(() => {
        const item = editing();
        return item === 'new' ? null : item;
      }),
    })),
    withMethods((store) => ({
      closeDrawer(): void {
        patchState(store, { editing: null });
      },
    })),
  );
}

/** `list` with `item` in place of the entry with the same id, or appended when it is new. */
export function upsertById<T extends { readonly id: string }>(list: readonly T[], item: T): T[] {
  return list.some((row) => row.id === item.id)
    ? list.map((row) => (row.id === item.id ? item : row))
    : [...list, item];
}
