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

/**
 * Rebuilds one tenant's call rollup for the buckets in the range, from the segments as they are
 * now (FINAL). Column order is the table's. Deterministic: the same segments give the same rows,
 * so a replayed batch changes nothing, and the newest rebuild (version = when it read) wins.
 * The number is the DNIS of inbound calls ('' when a call has none); outbound calls keep '' (their
 * DNIS is the customer's number, which would make a row per call). Migration 0006 backfills with
 * the same grouping.
 */
const CALL_ROLLUP = `
SELECT tenant_id, toStartOfFifteenMinutes(started_at) AS b, ifNull(queue_id, ${ZERO}) AS q, ifNull(agent_id, ${ZERO}) AS a, channel, direction,
  if(direction = 'inbound', dnis, '') AS n,
  count(), countIf(queued_at IS NOT NULL), sum(offers), countIf(answered = 1), countIf(abandoned = 1), countIf(transferred = 1),
  countIf(outcome = 'overflowed'), sum(rona), sum(holds),
  sumIf(wait_seconds, answered = 1), sumIf(wait_seconds, abandoned = 1), sum(talk_seconds), sum(hold_seconds), sum(wrap_seconds),
  sumForEachIf(${WAIT_BINS}, answered = 1), sumForEachIf(${WAIT_BINS}, abandoned = 1),
  toUnixTimestamp64Micro(now64(6))
FROM call_segments FINAL
WHERE tenant_id = {tenant:UUID} AND started_at >= {from:DateTime64(3, 'UTC')} AND started_at < {to:DateTime64(3, 'UTC')}
GROUP BY tenant_id, b, q, a, channel, direction, n`

/**
 * Rebuilds one tenant's agent-state rollup for the buckets in the range: every interval that
 * overlaps the range is split at bucket edges and its seconds summed per agent, state and reason.
 */
const AGENT_ROLLUP = `
SELECT tenant_id, b, agent_id, state, reason,
  sum(dateDiff('millisecond', greatest(started_at, toDateTime64(b, 3, 'UTC')), least(ended_at, toDateTime64(b + INTERVAL 15 MINUTE, 3, 'UTC'))) / 1000) AS seconds,
  toUnixTimestamp64Micro(now64(6))
FROM agent_state_intervals FINAL
ARRAY JOIN arrayMap(x -> toDateTime(x, 'UTC'), range(toUInt32(toStartOfFifteenMinutes(started_at)), toUInt32(toUnixTimestamp(ended_at)) + 1, 900)) AS b
WHERE tenant_id = {tenant:UUID} AND ended_at > {from:DateTime64(3, 'UTC')} AND started_at < {to:DateTime64(3, 'UTC')}
  AND b >= toDateTime({from:DateTime64(3, 'UTC')}, 'UTC') AND b < toDateTime({to:DateTime64(3, 'UTC')}, 'UTC')
GROUP BY tenant_id, b, agent_id, state, reason
HAVING seconds > 0`

/** Rebuilds the call rollup of one tenant for a bucket range. */
export function rebuildCallRollup(tenant: TenantQueries, range: BucketRange) {
  return tenant.insertSelect(CALL_ROLLUP_TABLE, CALL_ROLLUP, { from: chTime(range.from), to: chTime(range.to) })
}

/** Rebuilds the agent-state rollup of one tenant for a bucket range. */
export function rebuildAgentRollup(tenant: TenantQueries, range: BucketRange) {
  return tenant.insertSelect('agent_state_rollup_15m', AGENT_ROLLUP, { from: chTime(range.from), to: chTime(range.to) })
}
