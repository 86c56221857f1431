import { binsWithin, WAIT_BIN_SECONDS, WAIT_BINS } from '@cc/analytics/kpi'
import type { TenantScope } from '#shared/scope'
import type { Page } from '#shared/pagination'
import { maskIdNumber } from '#crm/queries/customer_query'
import { analyticsStore } from '#datacenter/store'
import { checkRange, type KpiRange } from '#datacenter/queries/kpi_query'
import { findKpiSettings } from '#datacenter/queries/kpi_settings_query'
import { namesOf } from '#datacenter/queries/names_query'
import { membersOf } from '#datacenter/queries/teams_query'
import type { DRILL_KPIS } from '#datacenter/validators/datacenter'

/** A count the drill-down can open. */
export type DrillKpi = (typeof DRILL_KPIS)[number]

/** A segment's wait bin in the rollups (`waitBin` of the KPI formulas). */
const WAIT_BIN = `least(intDiv(toUInt32(wait_seconds), ${WAIT_BIN_SECONDS}), ${WAIT_BINS - 1})`

/** A segment's queue and agent as the rollups key them: none is the nil uuid (the league table's "no queue"/"no agent" row). */
const NIL = "toUUID('00000000-0000-0000-0000-000000000000')"
const QUEUE = `ifNull(queue_id, ${NIL})`
const AGENT = `ifNull(agent_id, ${NIL})`

/**
 * Behind the RONA count there is a row per RONA, and its agent is the one who let the offer ring
 * out (as the rollups count it): the segment's list of RONA agents, or its own agent for a segment
 * derived before the list existed (analytics migration 0010).
 */
const RONA_ROWS = `ARRAY JOIN arrayConcat(rona_agents, arrayWithConstant(rona - least(rona, length(rona_agents)), ${AGENT})) AS rona_agent`

/** Which call segments are behind a count: the same conditions the rollups count with. */
const KPI_CONDITION: Record<DrillKpi, string> = {
  offered: 'queued_at IS NOT NULL',
  answered: 'answered = 1',
  abandoned: 'abandoned = 1',
  // The rollups keep waits in bins: a threshold compares bins, with the bound the KPI formulas give.
  short_abandoned: `abandoned = 1 AND ${WAIT_BIN} < {short_bins:UInt8}`,
  answered_in_sl: `answered = 1 AND ${WAIT_BIN} < {sl_bins:UInt8}`,
  transfers: 'transferred = 1',
  rona: 'rona > 0',
}

/**
 * The drill-down's filters. The lists are the view's (as on the KPIs; empty or missing: every
 * queue or agent); a single id narrows further: a queue, an agent, a team (the segments one of its
 * members handled, as KPIs by team count them) or a dialled number ('' for calls without one). All
 * combine with AND: a single id outside its list matches nothing.
 */
export interface ContactsInput extends KpiRange {
  kpi: DrillKpi
  queueIds?: string[]
  agentIds?: string[]
  queueId?: string
  agentId?: string
  teamId?: string
  number?: string
  channel?: string
  page?: number
  perPage?: number
}

/** One call segment behind a number (behind the RONA count: one RONA of a segment). */
export interface ContactRow {
  callId: string
  segmentNo: number
  channel: string
  ani: string | null
  queueId: string | null
  queueName: string | null
  /** The segment's agent; behind the RONA count, the agent who let the offer ring out. */
  agentId: string | null
  agentName: string | null
  startedAt: string
  answeredAt: string | null
  endedAt: string
  waitSeconds: number
  talkSeconds: number
  holdSeconds: number
  wrapSeconds: number
  offers: number
  rona: number
  outcome: string
  endReason: string
  transferredTo: string | null
}

/** A ClickHouse DateTime64(3) literal of an instant, in UTC. */
const chTime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '')

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString())

/**
 * The organisation's inbound call segments behind one count of the KPIs (same range semantics: the
 * segment's 15-minute bucket is in [from, to)), oldest first, a page at a time, read through the
 * tenant query layer with FINAL. The caller's number is masked (first 3 and last 4 characters)
 * unless the reader may see ID numbers.
 */
export async function listContacts(scope: TenantScope, input: ContactsInput, revealNumbers: boolean): Promise<Page<ContactRow>> {
  checkRange(input)
  const settings = await findKpiSettings(scope)
  const page = input.page ?? 1
  const perPage = input.perPage ?? 50
  // A team of another organisation has no members here: it matches nothing.
  const teamAgents = input.teamId ? await membersOf(scope, input.teamId) : []
  const ronas = input.kpi === 'rona'
  const agent = ronas ? 'rona_agent' : AGENT
  const source = `call_segments FINAL${ronas ? ` ${RONA_ROWS}` : ''}`
  const params = {
    from: chTime(input.from),
    to: chTime(input.to),
    short_bins: binsWithin(settings.shortAbandonSeconds),
    sl_bins: binsWithin(settings.serviceLevelSeconds),
    queues: input.queueIds ?? [],
    agents: input.agentIds ?? [],
    queue: input.queueId ?? '',
    agent: input.agentId ?? '',
    channel: input.channel ?? '',
    team_agents: teamAgents,
    number: input.number ?? '',
    limit: perPage,
    offset: (page - 1) * perPage,
  }
  const where = [
    'tenant_id = {tenant:UUID}',
    "direction = 'inbound'",
    "toStartOfFifteenMinutes(started_at) >= {from:DateTime64(3, 'UTC')}",
    "toStartOfFifteenMinutes(started_at) < {to:DateTime64(3, 'UTC')}",
    KPI_CONDITION[input.kpi],
    input.queueIds?.length ? `${QUEUE} IN {queues:Array(UUID)}` : null,
    input.agentIds?.length ? `${agent} IN {agents:Array(UUID)}` : null,
    input.queueId ? `${QUEUE} = {queue:UUID}` : null,
    input.agentId ? `${agent} = {agent:UUID}` : null,
    input.teamId ? (teamAgents.length ? `${agent} IN {team_agents:Array(UUID)}` : '0') : null,
    // The rollups key inbound calls by their DNIS, so the same column and value select them.
    input.number !== undefined ? 'dnis = {number:String}' : null,
    input.channel ? 'channel = {channel:String}' : null,
  ].filter(Boolean).join(' AND ')

  const tenant = (await analyticsStore()).forTenant(scope.tenantId)
  const [{ total }] = await tenant.select<{ total: number }>(`SELECT count() AS total FROM ${source} WHERE ${where}`, params)
  const rows = await tenant.select<Record<string, any>>(
    // Aliases differ from the column names: ClickHouse would read an alias in WHERE in place of its column.
    `SELECT toString(call_id) AS call_key, segment_no, channel, ani, toString(queue_id) AS queue_key, ${ronas ? `nullIf(toString(rona_agent), toString(${NIL}))` : 'toString(agent_id)'} AS agent_key,
       toUnixTimestamp64Milli(started_at) AS started_ms, toUnixTimestamp64Milli(answered_at) AS answered_ms, toUnixTimestamp64Milli(ended_at) AS ended_ms,
       wait_seconds, talk_seconds, hold_seconds, wrap_seconds, offers, rona, outcome, end_reason, transferred_to
     FROM ${source} WHERE ${where}
     ORDER BY started_at, call_id, segment_no LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    params
  )
  const names = await namesOf(scope, { queueIds: rows.map((r) => r.queue_key), agentIds: rows.map((r) => r.agent_key) })
  const count = Number(total)
  return {
    data: rows.map((r) => ({
      callId: r.call_key,
      segmentNo: Number(r.segment_no),
      channel: r.channel,
      ani: r.ani ? (revealNumbers ? r.ani : maskIdNumber(r.ani)) : null,
      queueId: r.queue_key ?? null,
      queueName: (r.queue_key && names.queues.get(r.queue_key)) ?? null,
      agentId: r.agent_key ?? null,
      agentName: (r.agent_key && names.agents.get(r.agent_key)) ?? null,
      startedAt: iso(r.started_ms)!,
      answeredAt: iso(r.answered_ms),
      endedAt: iso(r.ended_ms)!,
      waitSeconds: Number(r.wait_seconds),
      talkSeconds: Number(r.talk_seconds),
      holdSeconds: Number(r.hold_seconds),
      wrapSeconds: Number(r.wrap_seconds),
      offers: Number(r.offers),
      rona: Number(r.rona),
      outcome: r.outcome,
      endReason: r.end_reason,
      transferredTo: r.transferred_to || null,
    })),
    meta: { total: count, perPage, currentPage: page, lastPage: Math.max(1, Math.ceil(count / perPage)) },
  }
}
