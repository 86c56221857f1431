import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import { CustomerImport, CustomerImportsApi } from './customer-imports-api';
import { reportFileName } from './import-mapping';

/** State of the import history: the tenant's 50 newest imports. */
export const CustomerImportsStore = signalStore(
  withState<{ imports: CustomerImport[] }>({ imports: [] }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(CustomerImportsApi)) => ({
    load: loadMethod(
      store,
      () => api.list(),
      (imports: CustomerImport[]) => patchState(store, { imports }),
    ),
    /** The row-by-row report of one import as a file. */
    downloadReport(item: CustomerImport) {
      return store.mutate(api.report(item.id, reportFileName(item.fileName)));
    },
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);
