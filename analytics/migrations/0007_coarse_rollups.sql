-- Rollups that roll up. The per-agent tables keep one row per agent in every bucket, about as many
-- rows as facts; most KPIs (by total, time, queue, channel or number, without an agent filter) need
-- no agent, so they read these coarse tables: the call rollup without the agent (a row per bucket,
-- queue, channel, direction and number) and agents' state seconds per bucket and state. Both are
-- summed from the per-agent rollups (the rebuild does the same for the buckets a batch touched).
-- 15 minutes stay the grain: exact for every zone offset (+05:30, +05:45 included).
--
-- The agent-state rollup was bigger than the intervals it rolls up: its key had the not-ready
-- reason (no KPI reads it) and it kept `offline`, whose overnight intervals became a row in every
-- bucket of the night (no KPI reads offline seconds either). The per-agent rollup moves to
-- agent_state_rollup_15m_v2, keyed by bucket, agent and state, without offline; the old table is
-- dropped by 0009, once this one is recorded (a repeat of this file still finds its source).
-- Safe to repeat: every backfill is deterministic and the newest copy of a row wins (version).
CREATE TABLE IF NOT EXISTS call_rollup_15m_coarse (
  tenant_id UUID,
  bucket DateTime('UTC'),
  queue_id UUID,
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
ORDER BY (tenant_id, bucket, queue_id, channel, direction, dnis);

CREATE TABLE IF NOT EXISTS agent_state_rollup_15m_v2 (
  tenant_id UUID,
  bucket DateTime('UTC'),
  agent_id UUID,
  state LowCardinality(String),
  seconds Float64,
  version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (tenant_id, bucket, agent_id, state);

CREATE TABLE IF NOT EXISTS agent_state_rollup_15m_coarse (
  tenant_id UUID,
  bucket DateTime('UTC'),
  state LowCardinality(String),
  seconds Float64,
  version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (tenant_id, bucket, state);

-- The same sums as `rebuildCallRollup` (analytics/src/facts/rollups.ts), over every tenant, in the
-- source's order (tenant, bucket, queue first): aggregated in order, spilling past 1 GB.
INSERT INTO call_rollup_15m_coarse
SELECT tenant_id, bucket, queue_id, channel, direction, dnis,
  sum(segments), sum(queued), sum(offers), sum(answered), sum(abandoned), sum(transferred), sum(overflowed), sum(rona), sum(holds),
  sum(wait_answered_seconds), sum(wait_abandoned_seconds), sum(talk_seconds), sum(hold_seconds), sum(wrap_seconds),
  sumForEach(answer_wait_5s), sumForEach(abandon_wait_5s), toUnixTimestamp64Micro(now64(6))
FROM call_rollup_15m_v2 FINAL
GROUP BY tenant_id, bucket, queue_id, channel, direction, dnis
SETTINGS optimize_aggregation_in_order = 1, max_bytes_before_external_group_by = 1000000000;

INSERT INTO agent_state_rollup_15m_v2
SELECT tenant_id, bucket, agent_id, state, sum(seconds), toUnixTimestamp64Micro(now64(6))
FROM agent_state_rollup_15m FINAL
WHERE state != 'offline'
GROUP BY tenant_id, bucket, agent_id, state
SETTINGS optimize_aggregation_in_order = 1, max_bytes_before_external_group_by = 1000000000;

INSERT INTO agent_state_rollup_15m_coarse
SELECT tenant_id, bucket, state, sum(seconds), toUnixTimestamp64Micro(now64(6))
FROM agent_state_rollup_15m_v2 FINAL
GROUP BY tenant_id, bucket, state
SETTINGS optimize_aggregation_in_order = 1, max_bytes_before_external_group_by = 1000000000;
