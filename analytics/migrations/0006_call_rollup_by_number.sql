-- The call rollup gains the dialled number (DNIS), so KPIs can be read by number. A sort key can
-- only grow by a column added in the same ALTER, and rows already there would keep an empty number
-- that no rebuild ever replaces (a different key), so the rollup moves to a new table, is
-- backfilled from the facts here, and the old one is dropped; readers and the rebuild use the new
-- one. `dnis` is the number an inbound call dialled (a web call: the name of its entry point, as
-- the backend sends it), '' when the call carries none; outbound calls keep '' (their DNIS is the
-- customer's number: unbounded, and no KPI reads outbound calls by number).
-- Safe to repeat: the backfill is deterministic and the newest copy of a row wins (version).
CREATE TABLE IF NOT EXISTS call_rollup_15m_v2 (
  tenant_id UUID,
  bucket DateTime('UTC'),
  queue_id UUID,
  agent_id UUID,
  channel LowCardinality(String),
  direction LowCardinality(String),
  dnis LowCardinality(String),
  segments UInt32,
  queued UInt32,
  offers UInt32,
  answered UInt32,
  abandoned UInt32,
  transferred UInt32,
  overflowed UInt32,
  rona UInt32,
  holds UInt32,
  wait_answered_seconds Float64,
  wait_abandoned_seconds Float64,
  talk_seconds Float64,
  hold_seconds Float64,
  wrap_seconds Float64,
  answer_wait_5s Array(UInt32),
  abandon_wait_5s Array(UInt32),
  version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (tenant_id, bucket, queue_id, agent_id, channel, direction, dnis);

-- The same grouping as `rebuildCallRollup` (analytics/src/facts/rollups.ts), over every tenant.
-- The groups follow the facts' sort key (tenant, time), so they are aggregated in that order, and
-- spill to disk past 1 GB rather than hold a large store's history in memory at once.
INSERT INTO call_rollup_15m_v2
SELECT tenant_id, toStartOfFifteenMinutes(started_at) AS b,
  ifNull(queue_id, toUUID('00000000-0000-0000-0000-000000000000')) AS q, ifNull(agent_id, toUUID('00000000-0000-0000-0000-000000000000')) AS a,
  channel, direction, if(direction = 'inbound', dnis, '') AS n,
  count(), countIf(queued_at IS NOT NULL), sum(offers), countIf(answered = 1), countIf(abandoned = 1), countIf(transferred = 1),
  countIf(outcome = 'overflowed'), sum(rona), sum(holds),
  sumIf(wait_seconds, answered = 1), sumIf(wait_seconds, abandoned = 1), sum(talk_seconds), sum(hold_seconds), sum(wrap_seconds),
  sumForEachIf(arrayMap(i -> toUInt32(i = least(intDiv(toUInt32(wait_seconds), 5), 60)), range(61)), answered = 1),
  sumForEachIf(arrayMap(i -> toUInt32(i = least(intDiv(toUInt32(wait_seconds), 5), 60)), range(61)), abandoned = 1),
  toUnixTimestamp64Micro(now64(6))
FROM call_segments FINAL
GROUP BY tenant_id, b, q, a, channel, direction, n
SETTINGS optimize_aggregation_in_order = 1, max_bytes_before_external_group_by = 1000000000;

DROP TABLE IF EXISTS call_rollup_15m;
