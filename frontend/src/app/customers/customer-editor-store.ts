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
import { withEditor } from '../shared/store/with-editor';
import { withMutation } from '../shared/store/with-mutation';
import { byPosition } from './customer-form';
import { Customer, CustomerField, CustomerInput, CustomerOwner, CustomersApi } from './customers-api';

interface CustomerEditorState {
  /** The tenant's custom fields, in their order. */
  readonly fields: CustomerField[];
  /** Users the owner picker offers (empty when the user may not read users). */
  readonly owners: CustomerOwner[];
  readonly ownersLoaded: boolean;
}

/**
 * State of the customer drawer, shared by the list and the detail page: which customer is edited,
 * the custom fields it renders and the owners it offers.
 */
export const CustomerEditorStore = signalStore(
  withState<CustomerEditorState>({ fields: [], owners: [], ownersLoaded: false }),
  withMutation(),
  withEditor<Customer>(),
  withComputed((store) => ({
    fieldsByKey: computed(() => new Map(store.fields().map((field) => [field.key, field]))),
  })),
  withMethods((store, api = inject(CustomersApi)) => ({
    /** Reads the custom fields; without them the forms still work, only without extra fields. */
    loadFields: rxMethod<void>(
      pipe(
        switchMap(() => api.fields().pipe(catchError(() => of<CustomerField[]>([])))),
        tap((fields) => patchState(store, { fields: byPosition(fields) })),
      ),
    ),
    /** Reads the owner choices once. */
    loadOwners: rxMethod<void>(
      pipe(
        switchMap(() =>
          store.ownersLoaded() ? of(null) : api.owners().pipe(catchError(() => of(null))),
        ),
        tap((owners) => {
          if (owners) {
            const sorted = [...owners].sort((a, b) => a.displayName.localeCompare(b.displayName));
            patchState(store, { owners: sorted, ownersLoaded: true });
          }
        }),
      ),
    ),
    openCreate(): void {
      patchState(store, { editing: 'new', saveError: null });
    },
    openEdit(customer: Customer): void {
      patchState(store, { editing: customer, saveError: null });
    },
    /** Creates (`id` null) or changes a customer; the drawer closes when the server agreed. */
    async save(id: string | null, body: CustomerInput) {
      const outcome = await store.mutate(id ? api.update(id, body) : api.create(body));
      if (outcome.ok) patchState(store, { editing: null });
      return outcome;
    },
  })),
  withHooks({
    onInit(store) {
      store.loadFields();
    },
  }),
);
