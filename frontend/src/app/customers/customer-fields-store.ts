import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { upsertById, withEditor } from '../shared/store/with-editor';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { byPosition } from './customer-form';
import { CustomerField, CustomerFieldInput, CustomersApi } from './customers-api';

/** State of the custom fields page and its drawer. */
export const CustomerFieldsStore = signalStore(
  withState<{ fields: CustomerField[] }>({ fields: [] }),
  withLoad(),
  withMutation(),
  withEditor<CustomerField>(),
  withMethods((store, api = inject(CustomersApi)) => ({
    load: loadMethod(
      store,
      () => api.fields(),
      (fields) => patchState(store, { fields: byPosition(fields) }),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(field: CustomerField): void {
      patchState(store, { editing: field, saveError: null });
    },
    /** Creates or changes a field; the key and type of an existing field are never sent (they stay). */
    async save(id: string | null, body: CustomerFieldInput) {
      const { key: _key, type: _type, ...changes } = body;
      const outcome = await store.mutate(id ? api.updateField(id, changes) : api.createField(body));
      if (outcome.ok) {
        patchState(store, {
          fields: byPosition(upsertById(store.fields(), outcome.value)),
          editing: null,
        });
      }
      return outcome;
    },
    async remove(field: CustomerField) {
      const outcome = await store.mutate(api.removeField(field.id));
      if (outcome.ok) {
        patchState(store, { fields: store.fields().filter((row) => row.id !== field.id) });
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
