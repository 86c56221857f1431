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
import { AgentsApi } from '../agents/agents-api';
import { LiveCallsStore } from '../calls/live-calls-store';
import { AgentSelf, AgentState, CallSummary, ChosenState } from '../shared/api/acd-models';
import { ApiError } from '../shared/api/api-types';
import { withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { Clock } from '../shared/time/clock';
import { elapsedSince } from '../shared/time/duration';
import {
  LiveKpis,
  LiveKpiSettings,
  LiveQueue,
  SupervisedAgent,
  SupervisorApi,
} from './supervisor-api';
import { SupervisorFeed } from './supervisor-feed';
import { AgentRow, agentRows, stateCounts, teamsOf } from './supervisor-rows';

interface SupervisorState {
  readonly agents: SupervisedAgent[];
  readonly queues: LiveQueue[];
  /** All queues together (null until the first read). */
  readonly total: LiveKpis | null;
  /** The organisation's KPI settings the numbers follow (null until the first read). */
  readonly kpiSettings: LiveKpiSettings | null;
  /** Whether the first list of agents has arrived (later reads do not show the spinner). */
  readonly loaded: boolean;
  /** Why today's queue numbers could not be read (null while they can). */
  readonly statsError: ApiError | null;
  readonly teamFilter: string | null;
  readonly stateFilter: AgentState | null;
}

/** The agent's fields from a command's answer; the teams stay as they were. */
function merged(row: SupervisedAgent, answer: AgentSelf): SupervisedAgent {
  const { userId, displayName, state, reason, locked, since, currentCallId } = answer;
  return { ...row, userId, displayName, state, reason, locked, since, currentCallId };
}

/**
 * State of the supervisor console and wallboard: agents with their teams and today's queue numbers
 * (the data center's KPI definitions, the organisation's settings), both re-read on every push of
 * the wallboard channel (a call or agent event), at most `PUSH_COALESCE_MS` after it; the agent grid joins each agent's live call
 * from the live-calls store (when the page provides one), which also runs the supervision commands.
 */
export const SupervisorStore = signalStore(
  withState<SupervisorState>({
    agents: [],
    queues: [],
    total: null,
    kpiSettings: null,
    loaded: false,
    statsError: null,
    teamFilter: null,
    stateFilter: null,
  }),
  withLoad(),
  withMutation(),
  withComputed(
    (store, live = inject(LiveCallsStore, { optional: true }), clock = inject(Clock)) => {
      const calls = computed<readonly CallSummary[]>(() => live?.calls() ?? []);
      return {
        calls,
        teams: computed(() => teamsOf(store.agents())),
        counts: computed(() => stateCounts(store.agents())),
        rows: computed<AgentRow[]>(() =>
          agentRows(store.agents(), calls(), store.queues(), {
            teamId: store.teamFilter(),
            state: store.stateFilter(),
          }),
        ),
        /** Per agent, "mm:ss" in the current state and on the current call, ticking every second. */
        timers: computed(() => {
          const now = clock.now();
          const timers: Record<string, { inState: string | null; onCall: string | null }> = {};
          for (const agent of store.agents()) {
            const call = calls().find((c) => c.id === agent.currentCallId);
            timers[agent.userId] = {
              inState: elapsedSince(agent.since, now),
              onCall: call
                ? elapsedSince(call.answeredAt ?? call.queuedAt ?? call.createdAt, now)
                : null,
            };
          }
          return timers;
        }),
        /** Per queue, "mm:ss" the oldest waiting call has waited, ticking every second. */
        longestWaits: computed(() => {
          const now = clock.now();
          return Object.fromEntries(
            store.queues().map((q) => [q.queueId, elapsedSince(q.oldestQueuedAt, now)]),
          ) as Record<string, string | null>;
        }),
        /** "mm:ss" the oldest call waiting in any queue has waited. */
        totalLongestWait: computed(() => elapsedSince(store.total()?.oldestQueuedAt, clock.now())),
      };
    },
  ),
  withMethods(
    (
      store,
      api = inject(SupervisorApi),
      agentsApi = inject(AgentsApi),
      feed = inject(SupervisorFeed),
    ) => {
      const apply = (answer: AgentSelf): void =>
        patchState(store, {
          agents: store
            .agents()
            .map((row) => (row.userId === answer.userId ? merged(row, answer) : row)),
        });
      return {
        watchAgents: rxMethod<void>(
          pipe(
            tap(() => patchState(store, { loading: !store.loaded() })),
            switchMap(() => feed.watch(() => api.agents())),
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
        watchQueues: rxMethod<void>(
          pipe(
            switchMap(() => feed.watch(() => api.queueBoard())),
            tap((outcome) =>
              outcome.ok
                ? patchState(store, {
                    queues: outcome.value.queues,
                    total: outcome.value.total,
                    kpiSettings: outcome.value.settings,
                    statsError: null,
                  })
                : patchState(store, { statsError: outcome.error }),
            ),
          ),
        ),
        filterTeam(teamId: string | null): void {
          patchState(store, { teamFilter: teamId });
        },
        filterState(state: AgentState | null): void {
          patchState(store, { stateFilter: state });
        },
        async forceState(agent: SupervisedAgent, state: ChosenState, reason?: string) {
          const outcome = await store.mutate(
            agentsApi.forceState(agent.userId, reason ? { state, reason } : { state }),
          );
          if (outcome.ok) apply(outcome.value);
          return outcome;
        },
        async setLocked(agent: SupervisedAgent, locked: boolean) {
          const outcome = await store.mutate(agentsApi.setLocked(agent.userId, locked));
          if (outcome.ok) apply(outcome.value);
          return outcome;
        },
      };
    },
  ),
  withHooks({
    onInit(store) {
      store.watchAgents();
      store.watchQueues();
    },
  }),
);
