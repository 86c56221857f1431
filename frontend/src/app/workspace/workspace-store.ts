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
import { catchError, Observable, of, pipe, switchMap, tap } from 'rxjs';
import { AgentSelf, ChosenState } from '../shared/api/acd-models';
import { ApiError } from '../shared/api/api-types';
import { Outcome } from '../shared/api/outcome';
import { withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { AgentApi, QueueName } from './agent-api';
import { AgentFeed } from './agent-feed';
import { activeCallId, callBarMode, stateChoices, stateRequest } from './call-bar-mode';

interface WorkspaceState {
  readonly agent: AgentSelf | null;
  readonly queues: QueueName[];
}

/** A command that cannot be sent because there is nothing to send it about. */
const nothingToDo = (): Outcome<AgentSelf> => ({
  ok: false,
  error: { status: 409, code: 'E_CONFLICT', message: '', fieldErrors: [], retryAfterSeconds: null },
});

/** State of the agent workspace: the agent's live state and the call bar's commands. */
export const WorkspaceStore = signalStore(
  withState<WorkspaceState>({ agent: null, queues: [] }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    mode: computed(() => callBarMode(store.agent())),
    choices: computed(() => stateChoices(store.agent())),
    queueName: computed(() => {
      const agent = store.agent();
      const id = agent?.call?.queueId;
      return id ? (store.queues().find((queue) => queue.id === id)?.name ?? null) : null;
    }),
  })),
  withMethods((store, api = inject(AgentApi), feed = inject(AgentFeed)) => {
    /** Runs a command; its answer is the agent's new state. */
    const command = async (call: Observable<AgentSelf>): Promise<Outcome<AgentSelf>> => {
      const outcome = await store.mutate(call);
      if (outcome.ok) patchState(store, { agent: outcome.value });
      return outcome;
    };
    const failed = (error: ApiError) => patchState(store, { loading: false, loadError: error });
    return {
      watch: rxMethod<void>(
        pipe(
          tap(() => patchState(store, { loading: store.agent() === null })),
          switchMap(() => feed.watch()),
          tap((outcome) => {
            if (!outcome.ok) return failed(outcome.error);
            // A poll answered while a command runs may predate it: the command's answer wins.
            if (store.saving()) return;
            patchState(store, { agent: outcome.value, loading: false, loadError: null });
          }),
        ),
      ),
      loadQueues: rxMethod<void>(
        pipe(
          switchMap(() =>
            api.queueNames().pipe(
              tap((queues) => patchState(store, { queues })),
              // The queue name is a nicety: without it the call still shows.
              catchError(() => of(null)),
            ),
          ),
        ),
      ),
      setState(state: ChosenState, reason?: string | null): Promise<Outcome<AgentSelf>> {
        return command(api.setState(stateRequest(state, reason)));
      },
      answer(): Promise<Outcome<AgentSelf>> {
        const offer = store.agent()?.offer;
        return offer ? command(api.accept(offer.id)) : Promise.resolve(nothingToDo());
      },
      decline(): Promise<Outcome<AgentSelf>> {
        const offer = store.agent()?.offer;
        return offer ? command(api.reject(offer.id)) : Promise.resolve(nothingToDo());
      },
      hangUp(): Promise<Outcome<AgentSelf>> {
        const callId = activeCallId(store.agent());
        return callId ? command(api.hangUp(callId)) : Promise.resolve(nothingToDo());
      },
    };
  }),
  withHooks({
    onInit(store) {
      store.watch();
      store.loadQueues();
    },
  }),
);
