import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import { Customer } from '../customers-api';
import {
  CategoryGroup,
  CategoryGroupInput,
  CategoryValue,
  CategoryValueInput,
  ClassificationApi,
} from './classification-api';

const byPosition = <T extends { readonly position: number; readonly name: string }>(
  rows: readonly T[],
): T[] => [...rows].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));

/** The group list with one group's values replaced by `values` (kept in display order). */
function withValues(
  groups: readonly CategoryGroup[],
  groupId: string,
  values: (list: CategoryValue[]) => CategoryValue[],
) {
  return groups.map((g) => (g.id === groupId ? { ...g, values: byPosition(values(g.values)) } : g));
}

/**
 * The tenant's category groups and values, shared below the customers route: the admin page
 * changes them, the list's filter, the drawer's picker and the detail page read them.
 */
export const CategoryGroupsStore = signalStore(
  withState<{ groups: CategoryGroup[] }>({ groups: [] }),
  withLoad(),
  withMutation(),
  withComputed(({ groups }) => ({
    /** Every value by id, with its group. */
    valueById: computed(
      () =>
        new Map(
          groups().flatMap((group) =>
            group.values.map((value) => [value.id, { value, group }] as const),
          ),
        ),
    ),
  })),
  withMethods((store, api = inject(ClassificationApi)) => ({
    load: loadMethod(
      store,
      () => api.groups(),
      (groups) => patchState(store, { groups: byPosition(groups) }),
    ),
    /** Creates (`id` null) or changes a group; initial values are only sent on create. */
    async saveGroup(id: string | null, input: CategoryGroupInput) {
      const { values: _values, ...changes } = input;
      const outcome = await store.mutate(
        id ? api.updateGroup(id, changes) : api.createGroup(input),
      );
      if (outcome.ok) {
        const others = store.groups().filter((g) => g.id !== outcome.value.id);
        patchState(store, { groups: byPosition([...others, outcome.value]) });
      }
      return outcome;
    },
    async removeGroup(group: CategoryGroup) {
      const outcome = await store.mutate(api.removeGroup(group.id));
      if (outcome.ok)
        patchState(store, { groups: store.groups().filter((g) => g.id !== group.id) });
      return outcome;
    },
    /** Adds a value to a group (`valueId` null) or changes one. */
    async saveValue(groupId: string, valueId: string | null, input: CategoryValueInput) {
      const outcome = await store.mutate(
        valueId ? api.updateValue(valueId, input) : api.createValue(groupId, input),
      );
      if (outcome.ok) {
        const saved = outcome.value;
        patchState(store, {
          groups: withValues(store.groups(), groupId, (values) => [
            ...values.filter((v) => v.id !== saved.id),
            saved,
          ]),
        });
      }
      return outcome;
    },
    async removeValue(value: CategoryValue) {
      const outcome = await store.mutate(api.removeValue(value.id));
      if (outcome.ok) {
        patchState(store, {
          groups: withValues(store.groups(), value.groupId, (values) =>
            values.filter((v) => v.id !== value.id),
          ),
        });
      }
      return outcome;
    },
    /** Gives a customer exactly these values; resolves to the customer as the server answers it. */
    assign(customer: Pick<Customer, 'id'>, valueIds: string[]) {
      return store.mutate(api.setCustomerCategories(customer.id, valueIds));
    },
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);

/**
 * The selection after a change in the picker: of an exclusive group only the value picked last
 * stays, so choosing "B" in "Grade" replaces "A".
 */
export function exclusiveSelection(
  previous: readonly string[],
  next: readonly string[],
  groups: readonly CategoryGroup[],
): string[] {
  const groupOf = new Map(groups.flatMap((g) => g.values.map((v) => [v.id, g] as const)));
  const added = next.filter((id) => !previous.includes(id));
  const replaced = new Set(
    added.flatMap((id) => {
      const group = groupOf.get(id);
      return group?.exclusive ? group.values.map((v) => v.id).filter((other) => other !== id) : [];
    }),
  );
  return next.filter((id) => !replaced.has(id));
}
