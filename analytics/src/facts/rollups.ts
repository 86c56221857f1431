import type { TenantQueries } from '../store/tenant_query.ts'
import { chTime } from './time.ts'

/** A time range of whole 15-minute buckets, in ms: [from, to). */
export interface BucketRange {
  from: number
  to: number
}

const ZERO = "toUUID('00000000-0000-0000-0000-000000000000')"
const WAIT_BINS = 'arrayMap(i -> toUInt32(i = least(intDiv(toUInt32(wait_seconds), 5), 60)), range(61))'

/** The call rollup's table (migration 0006 added the dialled number to its sort key, hence a new table). */
export const CALL_ROLLUP_TABLE = 'call_rollup_15m_v2'
/** The call rollup without the agent (migration 0007): what KPIs read when no agent is asked for. */
export const COARSE_CALL_ROLLUP_TABLE = 'call_rollup_15m_coarse'
/** Agents' state seconds per agent (migration 0007: no reason, no offline). */
export const AGENT_ROLLUP_TABLE = 'agent_state_rollup_15m_v2'
/** Agents' state seconds of all agents together, per bucket and state (migration 0007). */
export const COARSE_AGENT_ROLLUP_TABLE = 'agent_state_rollup_15m_coarse'

/**
 * Rebuilds one tenant's call rollup for the buckets in the range, from the segments as they are
 * now (FINAL). Column order is the table's. Deterministic: the same segments give the same rows,
 * so a replayed batch changes nothing, and the newest rebuild (version = when it read) wins.
 * The number is the DNIS of inbound calls ('' when a call has none); outbound calls keep '' (their
 * DNIS is the customer's number, which would make a row per call). Migration 0006 backfills with
 * the same grouping.
 *
 * A RONA counts for the agent who let the offer ring out (`rona_agents`), in the segment's bucket,
 * queue, channel and number: each segment is read once and joined to its roles, (its agent, 1) and
 * (each RONA's agent, 0); the segment's own numbers are summed on the first, the RONAs counted on
 * the others. A segment derived before the list existed (migration 0010) counts its RONAs for its
 * own agent, as before.
 */
const CALL_ROLLUP = `
SELECT tenant_id, toStartOfFifteenMinutes(started_at) AS b, ifNull(queue_id, ${ZERO}) AS q, role.1 AS a, channel, direction,
  if(direction = 'inbound', dnis, '') AS n,
  countIf(role.2 = 1), countIf(role.2 = 1 AND queued_at IS NOT NULL), sumIf(offers, role.2 = 1), countIf(role.2 = 1 AND answered = 1),
  countIf(role.2 = 1 AND abandoned = 1), countIf(role.2 = 1 AND transferred = 1), countIf(role.2 = 1 AND outcome = 'overflowed'),
  countIf(role.2 = 0) + sumIf(rona - least(rona, length(rona_agents)), role.2 = 1), sumIf(holds, role.2 = 1),
  sumIf(wait_seconds, role.2 = 1 AND answered = 1), sumIf(wait_seconds, role.2 = 1 AND abandoned = 1),
  sumIf(talk_seconds, role.2 = 1), sumIf(hold_seconds, role.2 = 1), sumIf(wrap_seconds, role.2 = 1),
  sumForEachIf(${WAIT_BINS}, role.2 = 1 AND answered = 1), sumForEachIf(${WAIT_BINS}, role.2 = 1 AND abandoned = 1),
  toUnixTimestamp64Micro(now64(6))
FROM call_segments FINAL
ARRAY JOIN arrayConcat([(ifNull(agent_id, ${ZERO}), 1)], arrayMap(r -> (r, 0), rona_agents)) AS role
WHERE tenant_id = {tenant:UUID} AND started_at >= {from:DateTime64(3, 'UTC')} AND started_at < {to:DateTime64(3, 'UTC')}
GROUP BY tenant_id, b, q, a, channel, direction, n`

/**
 * The coarse call rollup of the buckets in the range, summed from the per-agent rollup as it is now
 * (FINAL), so it follows every rebuild of the per-agent one. Migration 0007 backfills the same way.
 */
const COARSE_CALL_ROLLUP = `
SELECT tenant_id, bucket, queue_id, channel, direction, dnis,
  sum(segments), sum(queued), sum(offers), sum(answered), sum(abandoned), sum(transferred), sum(overflowed), sum(rona), sum(holds),
  sum(wait_answered_seconds), sum(wait_abandoned_seconds), sum(talk_seconds), sum(hold_seconds), sum(wrap_seconds),
  sumForEach(answer_wait_5s), sumForEach(abandon_wait_5s), toUnixTimestamp64Micro(now64(6))
FROM ${CALL_ROLLUP_TABLE} FINAL
WHERE tenant_id = {tenant:UUID} AND bucket >= toDateTime({from:DateTime64(3, 'UTC')}, 'UTC') AND bucket < toDateTime({to:DateTime64(3, 'UTC')}, 'UTC')
GROUP BY tenant_id, bucket, queue_id, channel, direction, dnis`

/**
 * Rebuilds one tenant's agent-state rollup for the buckets in the range: every interval that
 * overlaps the range is split at bucket edges and its seconds summed per agent and state. Offline
 * time is left out (no KPI reads it; a night offline would be a row in every bucket), and so is
 * the not-ready reason (no KPI reads it either; it multiplied the rows).
 */
const AGENT_ROLLUP = `
SELECT tenant_id, b, agent_id, state,
  sum(dateDiff('millisecond', greatest(started_at, toDateTime64(b, 3, 'UTC')), least(ended_at, toDateTime64(b + INTERVAL 15 MINUTE, 3, 'UTC'))) / 1000) AS seconds,
  toUnixTimestamp64Micro(now64(6))
FROM agent_state_intervals FINAL
ARRAY JOIN arrayMap(x -> toDateTime(x, 'UTC'), range(toUInt32(toStartOfFifteenMinutes(started_at)), toUInt32(toUnixTimestamp(ended_at)) + 1, 900)) AS b
WHERE tenant_id = {tenant:UUID} AND ended_at > {from:DateTime64(3, 'UTC')} AND started_at < {to:DateTime64(3, 'UTC')} AND state != 'offline'
  AND b >= toDateTime({from:DateTime64(3, 'UTC')}, 'UTC') AND b < toDateTime({to:DateTime64(3, 'UTC')}, 'UTC')`
const AGENT_ROLLUP_GROUPS = `
GROUP BY tenant_id, b, agent_id, state
HAVING seconds > 0`

/** The coarse agent-state rollup of the buckets in the range, summed from the per-agent one (FINAL). */
const COARSE_AGENT_ROLLUP = `
SELECT tenant_id, bucket, state, sum(seconds), toUnixTimestamp64Micro(now64(6))
FROM ${AGENT_ROLLUP_TABLE} FINAL
WHERE tenant_id = {tenant:UUID} AND bucket >= toDateTime({from:DateTime64(3, 'UTC')}, 'UTC') AND bucket < toDateTime({to:DateTime64(3, 'UTC')}, 'UTC')
GROUP BY tenant_id, bucket, state`

/** Rebuilds the call rollups (per agent, then the coarse one from it) of one tenant for a bucket range. */
export async function rebuildCallRollup(tenant: TenantQueries, range: BucketRange) {
  const params = { from: chTime(range.from), to: chTime(range.to) }
  await tenant.insertSelect(CALL_ROLLUP_TABLE, CALL_ROLLUP, params)
  await tenant.insertSelect(COARSE_CALL_ROLLUP_TABLE, COARSE_CALL_ROLLUP, params)
}

/**
 * Rebuilds the agent-state rollups (per agent, then the coarse one from it) of one tenant for a
 * bucket range; with `agents`, only those agents' rows (an agent's rows depend on its intervals
 * alone, and the intervals' sort key starts with the agent, so a batch's agents are read, not all).
 */
export async function rebuildAgentRollup(tenant: TenantQueries, range: BucketRange, agents?: readonly string[]) {
  const params = { from: chTime(range.from), to: chTime(range.to), agents: [...(agents ?? [])] }
  await tenant.insertSelect(AGENT_ROLLUP_TABLE, `${AGENT_ROLLUP}${agents ? ' AND agent_id IN {agents:Array(UUID)}' : ''}${AGENT_ROLLUP_GROUPS}`, params)
  await tenant.insertSelect(COARSE_AGENT_ROLLUP_TABLE, COARSE_AGENT_ROLLUP, params)
}
