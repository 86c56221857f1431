-- One row per finished call segment (a leg of the call at one queue/agent: a transfer, an overflow
-- or an intercept ends a segment and starts the next). Derived by the ingestor from the call's
-- events and its agents' wrap-up intervals; derived again when more arrives (a later wrap-up), with
-- a higher version. Readers use FINAL.
CREATE TABLE IF NOT EXISTS call_segments (
  tenant_id UUID,
  started_at DateTime64(3, 'UTC'),
  call_id UUID,
  segment_no UInt16,
  direction LowCardinality(String),
  channel LowCardinality(String),
  ani String,
  dnis String,
  entry_point_id Nullable(UUID),
  queue_id Nullable(UUID),
  agent_id Nullable(UUID),
  created_at DateTime64(3, 'UTC'),
  queued_at Nullable(DateTime64(3, 'UTC')),
  first_offered_at Nullable(DateTime64(3, 'UTC')),
  answered_at Nullable(DateTime64(3, 'UTC')),
  ended_at DateTime64(3, 'UTC'),
  wrap_ended_at Nullable(DateTime64(3, 'UTC')),
  wait_seconds Float64,
  talk_seconds Float64,
  hold_seconds Float64,
  wrap_seconds Float64,
  offers UInt16,
  rona UInt16,
  holds UInt16,
  outcome LowCardinality(String),
  end_reason LowCardinality(String),
  answered UInt8,
  abandoned UInt8,
  transferred UInt8,
  transferred_to LowCardinality(String),
  version UInt32
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (tenant_id, started_at, call_id, segment_no);
