import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import {
  catchError,
  EMPTY,
  exhaustMap,
  forkJoin,
  Observable,
  of,
  pipe,
  switchMap,
  takeWhile,
  tap,
  timer,
} from 'rxjs';
import { Outcome } from '../../shared/api/outcome';
import { JOB_POLL_MS } from '../../shared/api/jobs-api';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import { byPosition } from '../customer-form';
import { CustomerField, CustomerOwner, CustomersApi } from '../customers-api';
import {
  CustomerImport,
  CustomerImportsApi,
  Dedupe,
  DedupeKey,
  DedupePolicy,
  ImportEncoding,
  ImportPreview,
  isMoving,
} from './customer-imports-api';
import { mappingOf, mappingProblems, reportFileName, targetsOf } from './import-mapping';

/** The wizard's steps, in order. */
export type ImportStep = 'upload' | 'mapping' | 'preview' | 'result';
export const IMPORT_STEPS: readonly ImportStep[] = ['upload', 'mapping', 'preview', 'result'];

interface ImportWizardState {
  readonly step: ImportStep;
  /** The import as the server last answered it (null before the upload). */
  readonly current: CustomerImport | null;
  /** The mapping being edited: one target per file column. */
  readonly targets: string[];
  readonly dedupe: Dedupe;
  readonly defaultOwnerId: string | null;
  /** Server messages of a refused mapping, by file column. */
  readonly columnErrors: Readonly<Record<number, string>>;
  readonly preview: ImportPreview | null;
  /** Custom fields a column can fill, and the users a default owner is picked from. */
  readonly fields: CustomerField[];
  readonly owners: CustomerOwner[];
}

const INITIAL: ImportWizardState = {
  step: 'upload',
  current: null,
  targets: [],
  dedupe: { keys: ['phone', 'email', 'idNumber'], policy: 'skip' },
  defaultOwnerId: null,
  columnErrors: {},
  preview: null,
  fields: [],
  owners: [],
};

/** The editable settings as the server holds them for `current`. */
function settingsOf(current: CustomerImport): Partial<ImportWizardState> {
  return {
    current,
    targets: targetsOf(current.headers.length, current.mapping),
    dedupe: current.dedupe,
    defaultOwnerId: current.defaultOwnerId,
    columnErrors: {},
    preview: null,
  };
}

/** Server errors on `mapping.<i>…` belong to the column of the i-th entry of the sent mapping. */
function columnErrorsOf(
  sent: readonly { column: number }[],
  errors: readonly { field: string; message: string }[],
): Record<number, string> {
  const byColumn: Record<number, string> = {};
  for (const error of errors) {
    const index = /^mapping\.(\d+)/.exec(error.field)?.[1];
    const entry = index === undefined ? undefined : sent[Number(index)];
    if (entry) byColumn[entry.column] = error.message;
  }
  return byColumn;
}

/**
 * State of the import wizard: the uploaded file, its column mapping and dedupe settings, the dry run,
 * and the running job, followed every second while it moves (the polling ends with the page).
 */
export const CustomerImportStore = signalStore(
  withState<ImportWizardState>(INITIAL),
  withLoad(),
  withMutation(),
  withComputed(({ current, targets }) => ({
    moving: computed(() => {
      const status = current()?.status;
      return status ? isMoving(status) : false;
    }),
    problems: computed(() => mappingProblems(targets())),
    /** Percent of rows processed; a finished import is complete. */
    percent: computed(() => {
      const value = current();
      if (!value) return 0;
      if (value.status === 'succeeded' || value.status === 'rolled_back') return 100;
      const { done, total, percent } = value.progress;
      if (percent !== null) return Math.round(percent);
      return total ? Math.floor((done / total) * 100) : 0;
    }),
  })),
  withComputed(({ problems }) => ({
    mappingValid: computed(() => !problems().nameMissing && problems().repeated.length === 0),
  })),
  withMethods(
    (
      store,
      api = inject(CustomerImportsApi),
      customers = inject(CustomersApi),
      scheduler = inject(POLL_SCHEDULER),
    ) => {
      /** Polls the import every second until it stops moving (or the store is destroyed). */
      const follow = rxMethod<string>(
        pipe(
          switchMap((id) =>
            timer(JOB_POLL_MS, JOB_POLL_MS, scheduler).pipe(
              exhaustMap(() => api.get(id).pipe(catchError(() => EMPTY))),
              takeWhile((current) => isMoving(current.status), true),
            ),
          ),
          tap((current) => patchState(store, { current })),
        ),
      );
      /** Shows an import the server answered with, on the step its status belongs to. */
      const show = (current: CustomerImport) => {
        patchState(store, {
          ...settingsOf(current),
          step: current.status === 'uploaded' ? 'mapping' : 'result',
        });
        if (isMoving(current.status)) follow(current.id);
      };
      /** Runs a job command (run, resume, roll back) and follows the job it started. */
      const command = async (call: (id: string) => Observable<CustomerImport>) => {
        const id = store.current()?.id;
        if (!id) return null;
        const outcome = await store.mutate(call(id));
        if (outcome.ok) {
          patchState(store, { current: outcome.value, step: 'result' });
          follow(outcome.value.id);
        }
        return outcome;
      };
      const idOf = () => store.current()?.id ?? '';
      /** The dry run of the first 100 rows. */
      const loadPreview = loadMethod(
        store,
        () => api.preview(idOf()),
        (preview: ImportPreview) => patchState(store, { preview }),
      );
      return {
        /** Starts over with no file. */
        begin(): void {
          patchState(store, { ...INITIAL, fields: store.fields(), owners: store.owners() });
        },
        /** Opens an earlier import (from the history or a reload of the page). */
        open: loadMethod(store, (id: string) => api.get(id), show),
        /** Reads the custom fields and, when the user may read users, the owner choices. */
        loadChoices: rxMethod<boolean>(
          pipe(
            switchMap((withOwners) =>
              forkJoin([
                customers.fields().pipe(catchError(() => of<CustomerField[]>([]))),
                withOwners
                  ? customers.owners().pipe(catchError(() => of<CustomerOwner[]>([])))
                  : of<CustomerOwner[]>([]),
              ]),
            ),
            tap(([fields, owners]) =>
              patchState(store, {
                fields: byPosition(fields),
                owners: [...owners].sort((a, b) => a.displayName.localeCompare(b.displayName)),
              }),
            ),
          ),
        ),
        /** Uploads a file; the wizard stays on the first step to show what was detected. */
        async upload(file: File): Promise<Outcome<CustomerImport>> {
          const outcome = await store.mutate(api.upload(file));
          if (outcome.ok) patchState(store, { ...settingsOf(outcome.value), step: 'upload' });
          return outcome;
        },
        backToUpload(): void {
          patchState(store, { step: 'upload', saveError: null });
        },
        goToMapping(): void {
          if (store.current()?.status === 'uploaded') patchState(store, { step: 'mapping' });
        },
        setTarget(column: number, target: string): void {
          const targets = [...store.targets()];
          targets[column] = target;
          const { [column]: _dropped, ...columnErrors } = store.columnErrors();
          patchState(store, { targets, columnErrors });
        },
        toggleDedupeKey(key: DedupeKey, on: boolean): void {
          const keys = store.dedupe().keys.filter((k) => k !== key);
          patchState(store, { dedupe: { ...store.dedupe(), keys: on ? [...keys, key] : keys } });
        },
        setPolicy(policy: DedupePolicy): void {
          patchState(store, { dedupe: { ...store.dedupe(), policy } });
        },
        setDefaultOwner(defaultOwnerId: string | null): void {
          patchState(store, { defaultOwnerId });
        },
        /** Reads the CSV file again with another encoding (headers, samples and guess change). */
        async changeEncoding(encoding: ImportEncoding) {
          const outcome = await store.mutate(api.update(idOf(), { encoding }));
          if (outcome.ok) patchState(store, settingsOf(outcome.value));
          return outcome;
        },
        /** Saves mapping and dedupe settings (remembered for files with the same headers), then previews. */
        async saveMapping(): Promise<Outcome<CustomerImport> | null> {
          if (!store.mappingValid()) return null;
          const mapping = mappingOf(store.targets());
          const outcome = await store.mutate(
            api.update(idOf(), {
              mapping,
              dedupe: store.dedupe(),
              defaultOwnerId: store.defaultOwnerId(),
            }),
          );
          if (outcome.ok) {
            patchState(store, { current: outcome.value, step: 'preview', preview: null });
            loadPreview();
          } else {
            patchState(store, { columnErrors: columnErrorsOf(mapping, outcome.error.fieldErrors) });
          }
          return outcome;
        },
        loadPreview,
        backToMapping(): void {
          patchState(store, { step: 'mapping', loadError: null, saveError: null });
        },
        run: () => command((id) => api.run(id)),
        resume: () => command((id) => api.resume(id)),
        rollback: () => command((id) => api.rollback(id)),
        /** The row-by-row report of the import as a file. */
        downloadReport() {
          const current = store.current();
          return store.mutate(api.report(idOf(), reportFileName(current?.fileName ?? '')));
        },
      };
    },
  ),
);
