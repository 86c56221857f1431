-- 15-minute rollups per tenant, queue, agent, channel and direction (zero uuid: no queue / no
-- agent). Rebuilt by the ingestor for the buckets a batch touched, from the facts read with FINAL;
-- the newest rebuild (version = when it read) wins. Waits are kept as 5-second histograms
-- (61 bins, the last is 300 s and more) so any service-level threshold can be applied later.
CREATE TABLE IF NOT EXISTS call_rollup_15m (
  tenant_id UUID,
  bucket DateTime('UTC'),
  queue_id UUID,
  agent_id UUID,
  channel LowCardinality(String),
  direction LowCardinality(String),
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
ORDER BY (tenant_id, bucket, queue_id, agent_id, channel, direction);

-- Seconds per agent, state and reason in each 15-minute bucket (an interval is split across buckets).
CREATE TABLE IF NOT EXISTS agent_state_rollup_15m (
  tenant_id UUID,
  bucket DateTime('UTC'),
  agent_id UUID,
  state LowCardinality(String),
  reason String,
  seconds Float64,
  version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (tenant_id, bucket, agent_id, state, reason);
