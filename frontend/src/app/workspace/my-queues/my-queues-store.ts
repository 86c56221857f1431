import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { Store } from '@ngrx/store';
import { catchError, distinctUntilChanged, EMPTY, of, pipe, switchMap, tap, timer } from 'rxjs';
import { authFeature } from '../../auth/auth.reducer';
import { AgentSelf } from '../../shared/api/acd-models';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { QueueStats, SupervisorApi } from '../../supervisor/supervisor-api';

/** How often the card re-reads the figures when no call event made it do so sooner. */
export const MY_QUEUES_POLL_MS = 15_000;

/** What changes in the agent's state when a call event was pushed (offer, call, its status). */
export function callEventKey(agent: AgentSelf | null): string {
  if (!agent) return '';
  return [agent.state, agent.offer?.id, agent.call?.id, agent.call?.status].join('|');
}

interface MyQueuesState {
  /** Live figures of every queue the agent may see (null until the first answer). */
  readonly stats: QueueStats[] | null;
}

/**
 * The live figures of the signed-in agent's queues (GET /queues/stats, kept to the queues that
 * list the agent as a member), re-read on each call event and every 15 s otherwise.
 */
export const MyQueuesStore = signalStore(
  withState<MyQueuesState>({ stats: null }),
  withComputed((_store, auth = inject(Store)) => {
    const user = auth.selectSignal(authFeature.selectUser);
    const permissions = auth.selectSignal(authFeature.selectPermissionSet);
    return {
      /** Whether the session may read queue figures at all. */
      allowed: computed(() => permissions().has('queues.view')),
      userId: computed(() => user()?.id ?? null),
    };
  }),
  withComputed((store) => ({
    /** The agent's queues, in the API's order. */
    mine: computed(() => {
      const me = store.userId();
      return (store.stats() ?? []).filter((q) => me !== null && q.memberIds.includes(me));
    }),
  })),
  withMethods((store, api = inject(SupervisorApi), scheduler = inject(POLL_SCHEDULER)) => ({
    /** Reads at once and whenever `events` (a call event key) changes, and every 15 s between. */
    follow: rxMethod<string>(
      pipe(
        distinctUntilChanged(),
        switchMap(() =>
          store.allowed()
            ? timer(0, MY_QUEUES_POLL_MS, scheduler).pipe(
                switchMap(() =>
                  api.queueStats().pipe(
                    tap((stats) => patchState(store, { stats })),
                    // The card is a nicety: a failed read keeps the last figures.
                    catchError(() => of(null)),
                  ),
                ),
              )
            : EMPTY,
        ),
      ),
    ),
  })),
);
