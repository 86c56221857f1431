/**
 * KPIs over the facts, by one dimension, for one tenant and a time range, computed with the
 * definitions of `definitions.ts`: the counts and sums come from ClickHouse (the 15-minute rollups,
 * the first contacts for first-contact resolution, the agent-state rollup for occupancy); the waits'
 * bins are classified and the call ratios formed by `formulas.ts`, the same functions the live
 * wallboard uses. Reads go through the tenant query layer.
 *
 * Which rollups: by agent or team, or with an agent filter, the per-agent ones; otherwise the coarse
 * ones without the agent (a few rows per bucket instead of one per agent), which hold the same sums.
 * Both are at the 15-minute grain, exact in every time zone.
 *
 * By `number`: the dialled number (DNIS) of inbound calls, as the backend records it (a web call:
 * its entry point's name); '' for calls that carry none. Agents' time has no number.
 * By `team`: teams live in PostgreSQL, so the caller passes `teams` (team id → its agents' ids),
 * bound as query parameters. A call segment counts in the teams of the agent who handled it (an
 * agent in several teams counts in each; a segment with no agent, e.g. abandoned in queue, in
 * none), so a team's offered calls are the ones its agents took; agents' time counts in the teams
 * of the agent.
 */
import { AGENT_ROLLUP_TABLE, CALL_ROLLUP_TABLE, COARSE_AGENT_ROLLUP_TABLE, COARSE_CALL_ROLLUP_TABLE } from '../facts/rollups.ts'
import type { TenantQueries } from '../store/tenant_query.ts'
import { kpiSettingsProblems, type KpiSettings } from './definitions.ts'
import { binGroups, countWaits, kpiRatios, ratio } from './formulas.ts'

/** What the numbers are grouped by. Times are read in the settings' time zone. */
export type KpiDimension = 'total' | 'queue' | 'team' | 'agent' | 'channel' | 'number' | 'interval_15m' | 'hour' | 'day' | 'weekday_hour'

/** Every dimension, in the order a picker shows them. */
export const KPI_DIMENSIONS: readonly KpiDimension[] = ['total', 'queue', 'team', 'agent', 'channel', 'number', 'interval_15m', 'hour', 'day', 'weekday_hour']

/** The most teams, and team memberships (agent ids over all teams), one query takes. */
export const MAX_TEAMS = 500
export const MAX_TEAM_MEMBERSHIPS = 20_000

export interface KpiQuery {
  /** Start (inclusive) and end (exclusive) of the range, instants. */
  from: Date
  to: Date
  by: KpiDimension
  settings: KpiSettings
  /** Only these queues (call KPIs) or agents (call and agent KPIs). */
  queueIds?: string[]
  agentIds?: string[]
  /** By `team` (required then): each team's id and its agents' ids. */
  teams?: Record<string, readonly string[]>
}

/** One group's KPIs: the raw counts and the ratios (null where the denominator is 0). */
export interface KpiRow {
  key: string
  offered: number
  answered: number
  abandoned: number
  short_abandoned: number
  abandon_rate: number | null
  service_level: number | null
  asa: number | null
  aht: number | null
  avg_talk: number | null
  avg_hold: number | null
  avg_wrap: number | null
  transfers: number
  rona: number
  fcr: number | null
  occupancy: number | null
  utilization: number | null
}

/** A query the library refuses, naming the field (the API answers it as a 422). */
export class KpiQueryError extends Error {
  readonly field: string

  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.field = field
  }
}

/**
 * The ClickHouse expression of a dimension over a time column already in the tenant's zone (`t`);
 * `team` is the column the team join adds, `number` the dialled number ('' where a source has none).
 */
function keyOf(by: KpiDimension, columns: { queue: string; agent: string; channel: string; number: string }): string {
  switch (by) {
    case 'total':
      return `'total'`
    case 'queue':
      return `toString(${columns.queue})`
    case 'agent':
      return `toString(${columns.agent})`
    case 'channel':
      return columns.channel
    case 'team':
      return 'team'
    case 'number':
      return columns.number
    case 'interval_15m':
      return `formatDateTime(toStartOfFifteenMinutes(t), '%Y-%m-%d %H:%i')`
    case 'hour':
      return `formatDateTime(t, '%Y-%m-%d %H:00')`
    case 'day':
      return `formatDateTime(t, '%Y-%m-%d')`
    case 'weekday_hour':
      return `concat(toString(toDayOfWeek(t)), '-', leftPad(toString(toHour(t)), 2, '0'))`
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function check(query: KpiQuery) {
  if (!KPI_DIMENSIONS.includes(query.by)) throw new KpiQueryError('by', `one of ${KPI_DIMENSIONS.join(', ')}`)
  if (!(query.from < query.to)) throw new KpiQueryError('to', 'after from')
  const problem = kpiSettingsProblems(query.settings)[0]
  if (problem) throw new KpiQueryError(`settings.${problem.field}`, problem.message)
}

/**
 * The team mapping as two parallel arrays (agent i is in team i), each membership once; refuses a
 * mapping that is missing, malformed or over the limits.
 */
export function teamMemberships(teams: KpiQuery['teams']): { agents: string[]; teams: string[] } {
  if (!teams || typeof teams !== 'object' || Array.isArray(teams)) throw new KpiQueryError('teams', 'a map of team id to agent ids, needed by team')
  const entries = Object.entries(teams)
  if (entries.length > MAX_TEAMS) throw new KpiQueryError('teams', `at most ${MAX_TEAMS} teams`)
  const pairs = { agents: [] as string[], teams: [] as string[] }
  for (const [team, agents] of entries) {
    if (!UUID.test(team)) throw new KpiQueryError('teams', `team ids are uuids (${JSON.stringify(team.slice(0, 40))})`)
    if (!Array.isArray(agents)) throw new KpiQueryError('teams', `the agents of team ${team} are a list of ids`)
    for (const agent of new Set(agents)) {
      if (typeof agent !== 'string' || !UUID.test(agent)) throw new KpiQueryError('teams', `agent ids are uuids (team ${team})`)
      pairs.agents.push(agent.toLowerCase())
      pairs.teams.push(team.toLowerCase())
      if (pairs.agents.length > MAX_TEAM_MEMBERSHIPS) throw new KpiQueryError('teams', `at most ${MAX_TEAM_MEMBERSHIPS} memberships over all teams`)
    }
  }
  return pairs
}

/** How to read: `perAgent` reads the per-agent rollups even where the coarse ones would do (tests compare the two). */
export interface KpiReadOptions {
  perAgent?: boolean
}

/** Call KPIs (and occupancy, FCR) grouped by `query.by`, ordered by key. */
export async function kpis(tenant: TenantQueries, query: KpiQuery, options: KpiReadOptions = {}): Promise<KpiRow[]> {
  check(query)
  const { settings } = query
  const perAgent = options.perAgent || query.by === 'agent' || query.by === 'team' || Boolean(query.agentIds?.length)
  const members = query.by === 'team' ? teamMemberships(query.teams) : { agents: [], teams: [] }
  const params = {
    from: query.from.toISOString().replace('T', ' ').replace('Z', ''),
    to: query.to.toISOString().replace('T', ' ').replace('Z', ''),
    tz: settings.timeZone,
    fcr_days: settings.fcrDays,
    queues: query.queueIds ?? [],
    agents: query.agentIds ?? [],
    team_agents: members.agents,
    team_ids: members.teams,
  }
  // By team, each row meets its agent's memberships (none: no row; several: one row per team).
  const teamJoin = (agent: string) =>
    query.by === 'team'
      ? ` INNER JOIN (SELECT m.1 AS team_agent, m.2 AS team FROM (SELECT arrayJoin(arrayZip({team_agents:Array(UUID)}, {team_ids:Array(String)})) AS m)) AS memberships ON memberships.team_agent = ${agent}`
      : ''
  const filters = (queue: string, agent: string) =>
    `${query.queueIds?.length ? ` AND ${queue} IN {queues:Array(UUID)}` : ''}${query.agentIds?.length ? ` AND ${agent} IN {agents:Array(UUID)}` : ''}`

  // Seconds are kept to the millisecond; sums are rounded to it, so the order they were added in (which
  // rollup, which parts) never shows in the last digit.
  const calls = await tenant.select<{ key: string } & Record<string, number | string>>(
    `SELECT ${keyOf(query.by, { queue: 'queue_id', agent: 'agent_id', channel: 'channel', number: 'dnis' })} AS key,
       sum(queued) AS offered, sum(answered) AS answered, sum(abandoned) AS abandoned,
       sumForEach(answer_wait_5s) AS answer_bins, sumForEach(abandon_wait_5s) AS abandon_bins,
       round(sum(wait_answered_seconds), 3) AS answer_wait, round(sum(talk_seconds), 3) AS talk, round(sum(hold_seconds), 3) AS hold,
       round(sum(wrap_seconds), 3) AS wrap, sum(transferred) AS transfers, sum(rona) AS rona
     FROM (SELECT *, toTimeZone(bucket, {tz:String}) AS t FROM ${perAgent ? CALL_ROLLUP_TABLE : COARSE_CALL_ROLLUP_TABLE} FINAL
           WHERE tenant_id = {tenant:UUID} AND bucket >= {from:DateTime64(3)} AND bucket < {to:DateTime64(3)}
             AND direction = 'inbound'${filters('queue_id', 'agent_id')}) AS rollup${teamJoin('rollup.agent_id')}
     GROUP BY key ORDER BY key`,
    params
  )

  // First contact: answered calls with a number, and whether that number called again within N days.
  const fcr = await tenant.select<{ key: string; calls: number; resolved: number }>(
    `SELECT ${keyOf(query.by, { queue: 'queue_id', agent: 'agent_id', channel: 'channel', number: 'dnis' })} AS key,
       count() AS calls,
       countIf(repeat_days > {fcr_days:UInt16}) AS resolved
     FROM (SELECT queue_id, agent_id, channel, dnis, repeat_days, toTimeZone(started_at, {tz:String}) AS t FROM first_contacts FINAL
           WHERE tenant_id = {tenant:UUID} AND started_at >= {from:DateTime64(3)} AND started_at < {to:DateTime64(3)} AND answered = 1${filters('queue_id', 'agent_id')}
     ) AS firsts${teamJoin('firsts.agent_id')}
     GROUP BY key`,
    params
  )

  const agentFilter = query.agentIds?.length ? ' AND agent_id IN {agents:Array(UUID)}' : ''
  // Agents' time: only meaningful by agent, team, time or in total (states have no queue, channel or number).
  const agentTime = ['queue', 'channel', 'number'].includes(query.by)
    ? []
    : await tenant.select<{ key: string; handling: number; available: number; signed_in: number }>(
        `SELECT ${keyOf(query.by, { queue: "''", agent: 'agent_id', channel: "''", number: "''" })} AS key,
           round(sumIf(seconds, state IN ('busy', 'wrap_up')), 3) AS handling,
           round(sumIf(seconds, state IN ('busy', 'wrap_up', 'reserved', 'ready')), 3) AS available,
           round(sumIf(seconds, state != 'offline'), 3) AS signed_in
         FROM (SELECT *, toTimeZone(bucket, {tz:String}) AS t FROM ${perAgent ? AGENT_ROLLUP_TABLE : COARSE_AGENT_ROLLUP_TABLE} FINAL
               WHERE tenant_id = {tenant:UUID} AND bucket >= {from:DateTime64(3)} AND bucket < {to:DateTime64(3)}${agentFilter}) AS states${teamJoin('states.agent_id')}
         GROUP BY key`,
        params
      )

  const keys = new Set([...calls.map((c) => String(c.key)), ...fcr.map((f) => f.key), ...agentTime.map((a) => a.key)])
  const byKey = <T extends { key: unknown }>(rows: T[]) => new Map(rows.map((r) => [String(r.key), r]))
  const callRows = byKey(calls)
  const fcrRows = byKey(fcr)
  const timeRows = byKey(agentTime)
  return [...keys].sort().map((key) => {
    const c = callRows.get(key) ?? {}
    const n = (name: string) => Number((c as Record<string, unknown>)[name] ?? 0)
    const bins = (name: string) => ((c as Record<string, unknown>)[name] ?? []) as Array<number | string>
    const waits = countWaits([...binGroups('answered', bins('answer_bins').map(Number)), ...binGroups('abandoned', bins('abandon_bins').map(Number))], settings)
    const answered = n('answered')
    const ratios = kpiRatios(
      {
        ...waits,
        offered: n('offered'),
        answered,
        abandoned: n('abandoned'),
        answerWaitSeconds: n('answer_wait'),
        // Every answered segment in the rollups has ended: its talk, hold and wrap-up are known.
        handled: answered,
        talkSeconds: n('talk'),
        holdSeconds: n('hold'),
        wrapSeconds: n('wrap'),
      },
      settings.serviceLevelAbandons
    )
    const f = fcrRows.get(key)
    const a = timeRows.get(key)
    return {
      key,
      offered: n('offered'),
      answered,
      abandoned: n('abandoned'),
      short_abandoned: waits.shortAbandoned,
      abandon_rate: ratios.abandonRate,
      service_level: ratios.serviceLevel,
      asa: ratios.asa,
      aht: ratios.aht,
      avg_talk: ratios.avgTalk,
      avg_hold: ratios.avgHold,
      avg_wrap: ratios.avgWrap,
      transfers: n('transfers'),
      rona: n('rona'),
      fcr: f ? ratio(Number(f.resolved), Number(f.calls)) : null,
      occupancy: a ? ratio(Number(a.handling), Number(a.available)) : null,
      utilization: a ? ratio(Number(a.handling), Number(a.signed_in)) : null,
    }
  })
}
