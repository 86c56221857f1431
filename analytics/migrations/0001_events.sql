-- Every domain event as it came off the bus, once. ReplacingMergeTree on the event id (the sort key
-- ends with it; occurred_at is fixed per id) folds a replayed event into one row at merge time, and
-- readers use FINAL. Insert blocks carry a deduplication token (topic/partition/offset range), which
-- needs the non-replicated deduplication window.
CREATE TABLE IF NOT EXISTS events (
  tenant_id UUID,
  occurred_at DateTime64(3, 'UTC'),
  id UUID,
  type LowCardinality(String),
  schema_version UInt16,
  actor_type LowCardinality(String),
  actor_id Nullable(String),
  entity_type LowCardinality(String),
  entity_id String,
  payload String,
  topic LowCardinality(String),
  kafka_partition Int32,
  kafka_offset Int64,
  ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
  -- The call an event is about: the entity of call events, the payload's callId of agent events (wrap-up).
  call_id String MATERIALIZED if(entity_type = 'call', entity_id, JSONExtractString(payload, 'callId')),
  INDEX events_entity entity_id TYPE bloom_filter GRANULARITY 4,
  INDEX events_call call_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant_id, occurred_at, id)
SETTINGS non_replicated_deduplication_window = 10000;
