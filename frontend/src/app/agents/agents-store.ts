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
import { pipe, switchMap, tap } from 'rxjs';
import { AgentSelf, AgentStatus, ChosenState } from '../shared/api/acd-models';
import { withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { AgentsApi } from './agents-api';
import { AgentsFeed } from './agents-feed';

interface AgentsState {
  readonly agents: AgentStatus[];
  /** Whether the first answer has arrived (later polls do not show the spinner). */
  readonly loaded: boolean;
}

/** Only the fields of the table: the answer of a command also carries offer and call. */
function statusOf(agent: AgentSelf): AgentStatus {
  const { userId, displayName, state, reason, locked, since, currentCallId } = agent;
  return { userId, displayName, state, reason, locked, since, currentCallId };
}

/** State of the supervisors' agents page: live states and the commands on one agent. */
export const AgentsStore = signalStore(
  withState<AgentsState>({ agents: [], loaded: false }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    counts: computed(() => {
      const counts: Partial<Record<AgentStatus['state'], number>> = {};
      for (const agent of store.agents()) counts[agent.state] = (counts[agent.state] ?? 0) + 1;
      return counts;
    }),
  })),
  withMethods((store, api = inject(AgentsApi), feed = inject(AgentsFeed)) => {
    const apply = (agent: AgentSelf): void =>
      patchState(store, {
        agents: store.agents().map((row) => (row.userId === agent.userId ? statusOf(agent) : row)),
      });
    return {
      watch: rxMethod<void>(
        pipe(
          tap(() => patchState(store, { loading: !store.loaded() })),
          switchMap(() => feed.watch()),
          tap((outcome) =>
            outcome.ok
              ? patchState(store, {
                  agents: outcome.value,
                  loaded: true,
                  loading: false,
                  loadError: null,
                })
              : patchState(store, { loading: false, loadError: outcome.error }),
          ),
        ),
      ),
      async forceState(agent: AgentStatus, state: ChosenState, reason?: string) {
        const outcome = await store.mutate(
          api.forceState(agent.userId, reason ? { state, reason } : { state }),
        );
        if (outcome.ok) apply(outcome.value);
        return outcome;
      },
      async setLocked(agent: AgentStatus, locked: boolean) {
        const outcome = await store.mutate(api.setLocked(agent.userId, locked));
        if (outcome.ok) apply(outcome.value);
        return outcome;
      },
    };
  }),
  withHooks({
    onInit(store) {
      store.watch();
    },
  }),
);
