import { AgentState, CallSummary } from '../shared/api/acd-models';
import { AgentTeam, QueueStats, SupervisedAgent } from './supervisor-api';

/** A queue an agent serves. */
export interface QueueRef {
  readonly id: string;
  readonly name: string;
}

/** One line of the agents grid: the agent, the call they are on, the queues they serve. */
export interface AgentRow {
  readonly agent: SupervisedAgent;
  readonly call: CallSummary | null;
  readonly queues: readonly QueueRef[];
}

/** What the grid shows: one team, one state, or everything (null). */
export interface GridFilters {
  readonly teamId: string | null;
  readonly state: AgentState | null;
}

/** Agent states in the order summaries show them. */
export const STATE_ORDER: readonly AgentState[] = [
  'ready',
  'reserved',
  'busy',
  'wrap_up',
  'not_ready',
  'offline',
];

/** The agents' rows joined with their live call and queues, filtered. */
export function agentRows(
  agents: readonly SupervisedAgent[],
  calls: readonly CallSummary[],
  stats: readonly QueueStats[],
  filters: GridFilters,
): AgentRow[] {
  const callById = new Map(calls.map((call) => [call.id, call]));
  return agents
    .filter((agent) => !filters.state || agent.state === filters.state)
    .filter((agent) => !filters.teamId || agent.teams.some((team) => team.id === filters.teamId))
    .map((agent) => ({
      agent,
      call:
        (agent.currentCallId ? callById.get(agent.currentCallId) : undefined) ??
        calls.find((call) => call.agentId === agent.userId && call.status !== 'ended') ??
        null,
      queues: stats
        .filter((queue) => queue.memberIds.includes(agent.userId))
        .map((queue) => ({ id: queue.queueId, name: queue.name })),
    }));
}

/** Every team any agent is in, by name. */
export function teamsOf(agents: readonly SupervisedAgent[]): AgentTeam[] {
  const teams = new Map<string, AgentTeam>();
  for (const agent of agents) for (const team of agent.teams) teams.set(team.id, team);
  return [...teams.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** How many agents are in each state. */
export function stateCounts(agents: readonly SupervisedAgent[]): Record<AgentState, number> {
  const counts = Object.fromEntries(STATE_ORDER.map((state) => [state, 0])) as Record<
    AgentState,
    number
  >;
  for (const agent of agents) counts[agent.state]++;
  return counts;
}

/** Service level as a whole percentage, or null before the first offered call. */
export function serviceLevelPercent(queue: Pick<QueueStats, 'serviceLevel'>): number | null {
  return queue.serviceLevel === null ? null : Math.round(queue.serviceLevel * 100);
}
