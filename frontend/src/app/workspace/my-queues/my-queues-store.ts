import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { Store } from '@ngrx/store';
import {
  catchError,
  distinctUntilChanged,
  EMPTY,
  merge,
  of,
  pipe,
  skip,
  switchMap,
  tap,
  throttleTime,
  timer,
} from 'rxjs';
import { authFeature } from '../../auth/auth.reducer';
import { AgentSelf } from '../../shared/api/acd-models';
import { RealtimeClient } from '../../shared/realtime/realtime-client';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { QueueStats, SupervisorApi } from '../../supervisor/supervisor-api';

/** How often the card re-reads the figures when no call event made it do so sooner. */
export const MY_QUEUES_POLL_MS = 15_000;

/** Pushes on the agent's queue channels closer together than this make one re-read. */
export const MY_QUEUES_PUSH_COALESCE_MS = 1000;

/** What changes in the agent's state when a call event was pushed (offer, call, its status). */
export function callEventKey(agent: AgentSelf | null): string {
  if (!agent) return '';
  return [agent.state, agent.offer?.id, agent.call?.id, agent.call?.status].join('|');
}

interface MyQueuesState {
  /** Live figures of every queue the agent may see (null until the first answer). */
  readonly stats: QueueStats[] | null;
  /** How many (coalesced) pushes arrived on the agent's queue channels: each one asks for a re-read. */
  readonly pushes: number;
}

/**
 * The live figures of the signed-in agent's queues (GET /queues/stats, kept to the queues that
 * list the agent as a member), re-read on each call event of the agent, on each push on one of
 * their queues' realtime channels (a call queued, offered, answered, abandoned) and every 15 s
 * otherwise (ready agents elsewhere change without a queue event).
 */
export const MyQueuesStore = signalStore(
  withState<MyQueuesState>({ stats: null, pushes: 0 }),
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
  withComputed((store) => ({
    /** The agent's queue ids, comma-separated (what `followQueues` listens to). */
    queueKey: computed(() =>
      store
        .mine()
        .map((q) => q.queueId)
        .join(','),
    ),
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
  withMethods(
    (
      store,
      realtime = inject(RealtimeClient),
      auth = inject(Store),
      scheduler = inject(POLL_SCHEDULER),
    ) => {
      const tenant = auth.selectSignal(authFeature.selectTenant);
      return {
        /** Listens on the channels of the queues in `key` (see `queueKey`) and counts their pushes. */
        followQueues: rxMethod<string>(
          pipe(
            distinctUntilChanged(),
            switchMap((key) => {
              const tenantId = tenant()?.id;
              if (!tenantId || !key || !store.allowed()) return EMPTY;
              // The first message of a channel is its snapshot (or a refusal): nothing new yet.
              const channels = key
                .split(',')
                .map((id) => realtime.channel(`tenant/${tenantId}/queue/${id}`).pipe(skip(1)));
              return merge(...channels);
            }),
            throttleTime(MY_QUEUES_PUSH_COALESCE_MS, scheduler, { leading: true, trailing: true }),
            tap(() => patchState(store, { pushes: store.pushes() + 1 })),
          ),
        ),
      };
    },
  ),
);
