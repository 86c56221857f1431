-- Every call event that names a queue, per queue (a transfer or an overflow names two). Filled by a
-- materialized view from the raw events; the target folds replays on the event id.
CREATE TABLE IF NOT EXISTS queue_events (
  tenant_id UUID,
  queue_id UUID,
  occurred_at DateTime64(3, 'UTC'),
  event_id UUID,
  call_id UUID,
  type LowCardinality(String),
  agent_id Nullable(UUID)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant_id, queue_id, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS queue_events_mv TO queue_events AS
SELECT
  tenant_id,
  toUUID(queue) AS queue_id,
  occurred_at,
  id AS event_id,
  toUUID(entity_id) AS call_id,
  type,
  toUUIDOrNull(JSONExtractString(payload, 'agentId')) AS agent_id
FROM events
ARRAY JOIN arrayDistinct(arrayFilter(q -> isNotNull(toUUIDOrNull(q)), [
  JSONExtractString(payload, 'queueId'),
  JSONExtractString(payload, 'fromQueueId'),
  JSONExtractString(payload, 'from'),
  JSONExtractString(payload, 'to')
])) AS queue
WHERE entity_type = 'call' AND isNotNull(toUUIDOrNull(entity_id));
