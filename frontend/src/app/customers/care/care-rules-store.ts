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
import { catchError, forkJoin, of, pipe, switchMap, tap } from 'rxjs';
import { upsertById, withEditor } from '../../shared/store/with-editor';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import { Team, TeamsApi } from '../../teams/teams-api';
import { CustomerField, CustomersApi } from '../customers-api';
import { CareApi, CareRule, CareRuleInput } from './care-api';

interface CareRulesState {
  readonly rules: CareRule[];
  /** Teams a rule may give its tasks to (empty when the user may not list teams). */
  readonly teams: Team[];
  /** The organisation's custom fields; anniversaries use the date ones. */
  readonly fields: CustomerField[];
}

/** The care rules page: the rules, their drawer, and the teams and date fields the drawer offers. */
export const CareRulesStore = signalStore(
  withState<CareRulesState>({ rules: [], teams: [], fields: [] }),
  withLoad(),
  withMutation(),
  withEditor<CareRule>(),
  withComputed((store) => ({
    dateFields: computed(() => store.fields().filter((field) => field.type === 'date')),
  })),
  withMethods(
    (store, api = inject(CareApi), teams = inject(TeamsApi), customers = inject(CustomersApi)) => ({
      load: loadMethod(
        store,
        () => api.rules(),
        (rules) => patchState(store, { rules }),
      ),
      /** Reads what the drawer offers; a list the user may not read stays empty. */
      loadOptions: rxMethod<void>(
        pipe(
          switchMap(() =>
            forkJoin({
              teams: teams.list().pipe(catchError(() => of<Team[]>([]))),
              fields: customers.fields().pipe(catchError(() => of<CustomerField[]>([]))),
            }),
          ),
          tap((options) => patchState(store, options)),
        ),
      ),
      openCreate(): void {
        patchState(store, { editing: 'new', saveError: null });
      },
      openEdit(rule: CareRule): void {
        patchState(store, { editing: rule, saveError: null });
      },
      /** Creates a rule, or changes one (its kind is never sent: it stays). */
      async save(id: string | null, body: CareRuleInput) {
        const { kind: _kind, ...changes } = body;
        const outcome = await store.mutate(id ? api.updateRule(id, changes) : api.createRule(body));
        if (outcome.ok) {
          patchState(store, { rules: upsertById(store.rules(), outcome.value), editing: null });
        }
        return outcome;
      },
      /** Switches a rule on or off. */
      async setActive(rule: CareRule, active: boolean) {
        const outcome = await store.mutate(api.updateRule(rule.id, { active }));
        if (outcome.ok) patchState(store, { rules: upsertById(store.rules(), outcome.value) });
        return outcome;
      },
      async remove(rule: CareRule) {
        const outcome = await store.mutate(api.removeRule(rule.id));
        if (outcome.ok) patchState(store, { rules: store.rules().filter((r) => r.id !== rule.id) });
        return outcome;
      },
    }),
  ),
  withHooks({
    onInit(store) {
      store.load();
      store.loadOptions();
    },
  }),
);
