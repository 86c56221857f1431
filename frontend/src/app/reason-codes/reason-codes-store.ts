import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { upsertById, withEditor } from '../shared/store/with-editor';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { ReasonCode, ReasonCodeChanges, ReasonCodeInput, ReasonCodesApi } from './reason-codes-api';

interface ReasonCodesState {
  readonly codes: ReasonCode[];
}

/** Sorts the way the pickers show the codes: by position, then by code. */
export function byPosition(codes: readonly ReasonCode[]): ReasonCode[] {
  return [...codes].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}

/** State of the reason codes page and its drawer. */
export const ReasonCodesStore = signalStore(
  withState<ReasonCodesState>({ codes: [] }),
  withLoad(),
  withMutation(),
  withEditor<ReasonCode>(),
  withComputed((store) => ({
    /** Where a new code goes by default: after the last one. */
    nextPosition: computed(() => Math.max(0, ...store.codes().map((code) => code.position)) + 1),
  })),
  withMethods((store, api = inject(ReasonCodesApi)) => ({
    load: loadMethod(
      store,
      () => api.list(),
      (codes) => patchState(store, { codes: byPosition(codes) }),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(code: ReasonCode): void {
      patchState(store, { editing: code, saveError: null });
    },
    async save(id: string | null, body: ReasonCodeInput) {
      const changes: ReasonCodeChanges = {
        label: body.label,
        active: body.active,
        position: body.position,
      };
      const outcome = await store.mutate(id ? api.update(id, changes) : api.create(body));
      if (outcome.ok) {
        patchState(store, {
          editing: null,
          codes: byPosition(upsertById(store.codes(), outcome.value)),
        });
      }
      return outcome;
    },
    /** Turns a code on or off straight from the table. */
    async setActive(code: ReasonCode, active: boolean) {
      const { label, position } = code;
      const outcome = await store.mutate(api.update(code.id, { label, position, active }));
      if (outcome.ok) {
        patchState(store, { codes: byPosition(upsertById(store.codes(), outcome.value)) });
      }
      return outcome;
    },
    async remove(code: ReasonCode) {
      const outcome = await store.mutate(api.remove(code.id));
      if (outcome.ok) {
        patchState(store, { codes: store.codes().filter((row) => row.id !== code.id) });
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
