import type { EventEnvelope } from '../envelope.ts'
import type { AnalyticsStore } from '../store/analytics_store.ts'
import type { TenantQueries } from '../store/tenant_query.ts'
import { intervalsOfAgent, type AgentIntervalRow } from './agent_intervals.ts'
import { segmentsOfCall, wrapIntervalOf, type CallSegmentRow } from './call_segments.ts'
import { rebuildAgentRollup, rebuildCallRollup, type BucketRange } from './rollups.ts'
import { STORED_EVENT_COLUMNS, storedEventOf, type StoredEvent, type StoredEventRow } from './stored_event.ts'
import { bucketOf, chTime, fromChTime } from './time.ts'

/** What one refresh wrote. */
export interface FactCounts {
  intervals: number
  segments: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Brings the facts up to date after a batch of events was stored: the intervals of the agents it
 * touched, the segments of the calls it touched (their own events, or their agents' wrap-up), then
 * the rollup buckets those facts fall in. Everything is derived again from what is stored, never
 * from the batch alone, so a replayed or reordered batch gives the same rows.
 */
export async function refreshFacts(store: AnalyticsStore, batch: readonly EventEnvelope[]): Promise<FactCounts> {
  const counts: FactCounts = { intervals: 0, segments: 0 }
  for (const [tenantId, events] of groupBy(batch, (e) => e.tenantId)) {
    const tenant = store.forTenant(tenantId)
    const agentEvents = events.filter((e) => e.type === 'agent.state_changed')
    const calls = new Set(events.filter((e) => e.entity.type === 'call').map((e) => e.entity.id))
    for (const e of agentEvents) if (typeof e.payload.callId === 'string') calls.add(e.payload.callId)

    const intervals = agentEvents.length ? await refreshIntervals(store, tenant, agentEvents) : []
    for (const interval of intervals) if (interval.state === 'wrap_up' && interval.call_id) calls.add(interval.call_id)
    const segments = await refreshSegments(store, tenant, [...calls].filter((id) => UUID.test(id)))

    const callRange = rangeOf(segments.map((s) => fromChTime(s.started_at)))
    if (callRange) await rebuildCallRollup(tenant, callRange)
    const agentRange = rangeOf(intervals.flatMap((i) => [fromChTime(i.started_at), fromChTime(i.ended_at)]))
    if (agentRange) await rebuildAgentRollup(tenant, agentRange)
    counts.intervals += intervals.length
    counts.segments += segments.length
  }
  return counts
}

/** The intervals the batch's agent events closed: each agent's events from its last one before the batch. */
async function refreshIntervals(store: AnalyticsStore, tenant: TenantQueries, agentEvents: readonly EventEnvelope[]) {
  const agents = [...new Set(agentEvents.map((e) => e.entity.id))].filter((id) => UUID.test(id))
  if (!agents.length) return []
  const since = Math.min(...agentEvents.map((e) => Date.parse(e.occurredAt)))
  const before = await tenant.select<{ at: string }>(
    `SELECT toString(min(last)) AS at FROM (SELECT max(occurred_at) AS last FROM events
     WHERE tenant_id = {tenant:UUID} AND type = 'agent.state_changed' AND entity_id IN {agents:Array(String)} AND occurred_at < {since:DateTime64(3, 'UTC')}
     GROUP BY entity_id)`,
    { agents, since: chTime(since) }
  )
  const from = before[0]?.at && !before[0].at.startsWith('1970') ? Math.min(since, fromChTime(before[0].at)) : since
  const rows = await tenant.select<StoredEventRow>(
    `SELECT ${STORED_EVENT_COLUMNS} FROM events FINAL
     WHERE tenant_id = {tenant:UUID} AND type = 'agent.state_changed' AND entity_id IN {agents:Array(String)} AND occurred_at >= {from:DateTime64(3, 'UTC')}`,
    { agents, from: chTime(from) }
  )
  const byAgent = groupBy(rows.map(storedEventOf), (e) => e.entityId)
  const intervals: AgentIntervalRow[] = []
  for (const [agentId, events] of byAgent) {
    intervals.push(...intervalsOfAgent(tenant.tenantId, agentId, events).filter((i) => fromChTime(i.ended_at) >= since))
  }
  await store.insert('agent_state_intervals', intervals)
  return intervals
}

/** The segments of the calls, derived from all their stored events and wrap-up intervals. */
async function refreshSegments(store: AnalyticsStore, tenant: TenantQueries, calls: string[]): Promise<CallSegmentRow[]> {
  if (!calls.length) return []
  const rows = await tenant.select<StoredEventRow>(
    `SELECT ${STORED_EVENT_COLUMNS} FROM events FINAL
     WHERE tenant_id = {tenant:UUID} AND entity_type = 'call' AND entity_id IN {calls:Array(String)}`,
    { calls }
  )
  const wraps = await tenant.select<{ call: string; agent: string; started: string; ended: string }>(
    `SELECT toString(call_id) AS call, toString(agent_id) AS agent, toString(started_at) AS started, toString(ended_at) AS ended
     FROM agent_state_intervals FINAL
     WHERE tenant_id = {tenant:UUID} AND state = 'wrap_up' AND call_id IN {calls:Array(UUID)}`,
    { calls }
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
