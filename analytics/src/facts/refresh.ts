import type { EventEnvelope } from '../envelope.ts'
import type { AnalyticsStore } from '../store/analytics_store.ts'
import type { TenantQueries } from '../store/tenant_query.ts'
import { intervalsOfAgent, type AgentIntervalRow } from './agent_intervals.ts'
import { segmentsOfCall, wrapIntervalOf, type CallSegmentRow } from './call_segments.ts'
import { refreshFirstContacts } from './first_contacts.ts'
import { rebuildAgentRollup, rebuildCallRollup, type BucketRange } from './rollups.ts'
import { STORED_EVENT_COLUMNS, storedEventOf, type StoredEvent, type StoredEventRow } from './stored_event.ts'
import { bucketOf, chTime, fromChTime } from './time.ts'

/** What one refresh wrote. */
export interface FactCounts {
  intervals: number
  segments: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAY = 86_400_000

/**
 * How far from the moments a batch touched a call its other events and wrap-ups are read: a call
 * lasts well under a day. A wrap-up that ends days later is still found (it is read by its start, at
 * the call's end); a call event more than a day away from the batch's events of that call is not:
 * that refresh derives the call's segments without it. Every read below is bounded by time first,
 * like the sort keys, so a batch costs the same whatever the tenant's history.
 */
const CALL_REACH = DAY

/** The windows an agent's neighbouring state change is looked for in, narrowest first. */
const AGENT_LOOKUPS = [DAY, 35 * DAY, Number.POSITIVE_INFINITY]

/**
 * Brings the facts up to date after a batch of events was stored: the intervals of the agents it
 * touched, the segments of the calls it touched (their own events, or their agents' wrap-up), their
 * first contacts (and their numbers' previous calls'), then the rollup buckets those facts fall in.
 * Everything is derived again from what is stored, never from the batch alone, so a replayed or
 * reordered batch gives the same rows.
 */
export async function refreshFacts(store: AnalyticsStore, batch: readonly EventEnvelope[]): Promise<FactCounts> {
  const counts: FactCounts = { intervals: 0, segments: 0 }
  for (const [tenantId, events] of groupBy(batch, (e) => e.tenantId)) {
    const tenant = store.forTenant(tenantId)
    const agentEvents = events.filter((e) => e.type === 'agent.state_changed')
    const calls = new Map<string, number[]>()
    const touch = (callId: string, at: number) => {
      const moments = calls.get(callId)
      if (moments) moments.push(at)
      else calls.set(callId, [at])
    }
    for (const e of events) if (e.entity.type === 'call') touch(e.entity.id, Date.parse(e.occurredAt))
    for (const e of agentEvents) if (typeof e.payload.callId === 'string') touch(e.payload.callId, Date.parse(e.occurredAt))

    const intervals = agentEvents.length ? await refreshIntervals(store, tenant, agentEvents) : []
    for (const interval of intervals) if (interval.state === 'wrap_up' && interval.call_id) touch(interval.call_id, fromChTime(interval.started_at))
    const segments = await refreshSegments(store, tenant, calls)
    await refreshFirstContacts(store, tenant, segments)

    const callRange = rangeOf(segments.map((s) => fromChTime(s.started_at)))
    if (callRange) await rebuildCallRollup(tenant, callRange)
    const agentRange = rangeOf(intervals.flatMap((i) => [fromChTime(i.started_at), fromChTime(i.ended_at)]))
    if (agentRange) await rebuildAgentRollup(tenant, agentRange, [...new Set(intervals.map((i) => i.agent_id))])
    counts.intervals += intervals.length
    counts.segments += segments.length
  }
  return counts
}

/** The intervals the batch's agent events closed: from each agent's change before the batch to its change after it. */
async function refreshIntervals(store: AnalyticsStore, tenant: TenantQueries, agentEvents: readonly EventEnvelope[]) {
  const agents = [...new Set(agentEvents.map((e) => e.entity.id))].filter((id) => UUID.test(id))
  if (!agents.length) return []
  const moments = agentEvents.map((e) => Date.parse(e.occurredAt))
  const since = Math.min(...moments)
  const until = Math.max(...moments)
  const previous = await nearestChanges(tenant, agents, since, 'before')
  const inBatch = await tenant.select<StoredEventRow>(
    `SELECT ${STORED_EVENT_COLUMNS} FROM events FINAL
     WHERE tenant_id = {tenant:UUID} AND occurred_at >= {since:DateTime64(3, 'UTC')} AND occurred_at <= {until:DateTime64(3, 'UTC')}
       AND type = 'agent.state_changed' AND entity_id IN {agents:Array(String)}`,
    { agents, since: chTime(since), until: chTime(until) }
  )
  const next = await nearestChanges(tenant, agents, until, 'after')
  const byAgent = groupBy([...previous, ...inBatch, ...next].map(storedEventOf), (e) => e.entityId)
  const intervals: AgentIntervalRow[] = []
  for (const [agentId, events] of byAgent) intervals.push(...intervalsOfAgent(tenant.tenantId, agentId, events))
  await store.insert('agent_state_intervals', intervals)
  return intervals
}

/**
 * Each agent's last state change before `at` (or first after it), looked for in widening windows
 * so that an active agent costs a day of events, however long the history: a month for an agent
 * back from a long absence, the whole history only for an agent with no change on that side yet
 * (a new agent before, the live edge after, where nothing is stored beyond).
 */
async function nearestChanges(tenant: TenantQueries, agents: readonly string[], at: number, side: 'before' | 'after'): Promise<StoredEventRow[]> {
  const found: StoredEventRow[] = []
  let missing = [...agents]
  for (const span of AGENT_LOOKUPS) {
    if (!missing.length) break
    const edge = side === 'before' ? at - span : at + span
    const window =
      side === 'before'
        ? `occurred_at < {at:DateTime64(3, 'UTC')}${Number.isFinite(span) ? ` AND occurred_at >= {edge:DateTime64(3, 'UTC')}` : ''}`
        : `occurred_at > {at:DateTime64(3, 'UTC')}${Number.isFinite(span) ? ` AND occurred_at <= {edge:DateTime64(3, 'UTC')}` : ''}`
    // The id as text, as byTime compares it (ClickHouse orders UUIDs otherwise).
    const order = side === 'before' ? 'occurred_at DESC, toString(id) DESC' : 'occurred_at, toString(id)'
    // No FINAL: a replayed copy of an event is the same event, and one row per agent is kept anyway.
    const rows = await tenant.select<StoredEventRow>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events
       WHERE tenant_id = {tenant:UUID} AND ${window} AND type = 'agent.state_changed' AND entity_id IN {agents:Array(String)}
       ORDER BY ${order} LIMIT 1 BY entity_id`,
      { agents: missing, at: chTime(at), ...(Number.isFinite(span) ? { edge: chTime(edge) } : {}) }
    )
    found.push(...rows)
    const seen = new Set(rows.map((r) => r.entity_id))
    missing = missing.filter((id) => !seen.has(id))
  }
  return found
}

/**
 * The segments of the calls, derived from their stored events and wrap-up intervals within
 * CALL_REACH of the moments the batch touched them (a call event's time, an agent change naming the
 * call, a wrap-up's start): the read costs the batch's days, not the tenant's history.
 */
async function refreshSegments(store: AnalyticsStore, tenant: TenantQueries, touched: ReadonlyMap<string, number[]>): Promise<CallSegmentRow[]> {
  const calls = [...touched.keys()].filter((id) => UUID.test(id))
  if (!calls.length) return []
  const moments = calls.flatMap((id) => touched.get(id)!)
  const window = { calls, from: chTime(Math.min(...moments) - CALL_REACH), to: chTime(Math.max(...moments) + CALL_REACH) }
  const rows = await tenant.select<StoredEventRow>(
    `SELECT ${STORED_EVENT_COLUMNS} FROM events FINAL
     WHERE tenant_id = {tenant:UUID} AND occurred_at >= {from:DateTime64(3, 'UTC')} AND occurred_at <= {to:DateTime64(3, 'UTC')}
       AND entity_type = 'call' AND entity_id IN {calls:Array(String)}`,
    window
  )
  const wraps = await tenant.select<{ call: string; agent: string; started: string; ended: string }>(
    `SELECT toString(call_id) AS call, toString(agent_id) AS agent, toString(started_at) AS started, toString(ended_at) AS ended
     FROM agent_state_intervals FINAL
     WHERE tenant_id = {tenant:UUID} AND started_at >= {from:DateTime64(3, 'UTC')} AND started_at <= {to:DateTime64(3, 'UTC')}
       AND state = 'wrap_up' AND call_id IN {calls:Array(UUID)}`,
    window
  )
  const eventsByCall = groupBy(rows.map(storedEventOf), (e: StoredEvent) => e.entityId)
  const wrapsByCall = groupBy(wraps, (w) => w.call)
  const segments = [...eventsByCall].flatMap(([callId, events]) => segmentsOfCall(tenant.tenantId, callId, events, (wrapsByCall.get(callId) ?? []).map(wrapIntervalOf)))
  await store.insert('call_segments', segments)
  return segments
}

/** The whole 15-minute buckets covering the moments, or null when there are none. */
function rangeOf(moments: number[]): BucketRange | null {
  if (!moments.length) return null
  return { from: bucketOf(Math.min(...moments)), to: bucketOf(Math.max(...moments)) + 900_000 }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
