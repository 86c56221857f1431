-- One row per finished agent-state interval: from one agent.state_changed to the agent's next. An
-- interval is fixed once its end is known, so a replay writes the identical row (same sort key).
CREATE TABLE IF NOT EXISTS agent_state_intervals (
  tenant_id UUID,
  agent_id UUID,
  started_at DateTime64(3, 'UTC'),
  start_event_id UUID,
  ended_at DateTime64(3, 'UTC'),
  end_event_id UUID,
  state LowCardinality(String),
  reason String,
  call_id Nullable(UUID),
  changed_by LowCardinality(String),
  seconds Float64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY (tenant_id, agent_id, started_at, start_event_id);
