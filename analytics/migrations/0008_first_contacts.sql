-- First-contact resolution without a window over the call segments: every inbound call with a
-- number (its first segment) once, with in how many days the same number called next, rounded up
-- (`repeat_days`: 0 for the same instant, 255 when not within 90 days, the longest FCR window a
-- tenant can choose). A call is repeated within N whole days exactly when the gap is at most
-- N × 24 h, i.e. when repeat_days <= N, so FCR(N) for any N from 1 to 90 is a count over a time
-- range: repeat_days > N. One byte a call: reading a year of them is cheap.
-- Two tables: `first_contacts` sorted by time (what KPIs read), `first_contacts_by_number` sorted
-- by number, with the calls' creation times (where the ingestor finds a call's neighbours when a
-- call arrives; it rewrites the call and the number's previous call, with a newer version, see
-- src/facts/first_contacts.ts).
-- "Next" orders a number's calls by creation, then by call id as text.
-- Safe to repeat: the backfill is deterministic and the newest copy of a row wins (version).
CREATE TABLE IF NOT EXISTS first_contacts_by_number (
  tenant_id UUID,
  ani String,
  created_at DateTime64(3, 'UTC'),
  call_id UUID,
  started_at DateTime64(3, 'UTC'),
  queue_id Nullable(UUID),
  agent_id Nullable(UUID),
  channel LowCardinality(String),
  dnis LowCardinality(String),
  answered UInt8,
  repeat_days UInt8,
  version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(created_at)
ORDER BY (tenant_id, ani, created_at, call_id);

CREATE TABLE IF NOT EXISTS first_contacts (
  tenant_id UUID,
  started_at DateTime64(3, 'UTC'),
  call_id UUID,
  queue_id Nullable(UUID),
  agent_id Nullable(UUID),
  channel LowCardinality(String),
  dnis LowCardinality(String),
  answered UInt8,
  repeat_days UInt8,
  version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (tenant_id, started_at, call_id);

-- The same rows as `buildFirstContacts` (src/facts/first_contacts.ts), over every tenant; the
-- window's sort spills to disk past 1 GB.
INSERT INTO first_contacts_by_number
SELECT tenant_id, ani, created_at, call_id, started_at, queue_id, agent_id, channel, dnis, answered,
  if(next_ms = 0 OR next_ms - toUnixTimestamp64Milli(created_at) > 90 * 86400000, 255, toUInt8(intDiv(next_ms - toUnixTimestamp64Milli(created_at) + 86399999, 86400000))),
  toUnixTimestamp64Micro(now64(6))
FROM (
  SELECT tenant_id, ani, created_at, call_id, started_at, queue_id, agent_id, channel, dnis, answered,
    leadInFrame(toUnixTimestamp64Milli(created_at), 1, 0) OVER (PARTITION BY tenant_id, ani ORDER BY created_at, toString(call_id) ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_ms
  FROM call_segments FINAL
  WHERE segment_no = 1 AND direction = 'inbound' AND ani != ''
)
SETTINGS max_bytes_before_external_sort = 1000000000;

INSERT INTO first_contacts
SELECT tenant_id, started_at, call_id, queue_id, agent_id, channel, dnis, answered, repeat_days, version
FROM first_contacts_by_number FINAL;
