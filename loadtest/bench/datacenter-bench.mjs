/**
 * Data center throughput and latency, in two parts (each in its own process: chDB takes one data
 * folder per process).
 *
 * ingest: starts its own Kafka node (free loopback ports, a fresh folder under the system's tmp;
 * KAFKA_BROKERS uses an existing one instead), publishes N synthetic envelopes (the generator's
 * events, whole days, about 20,000 calls a day) the way the outbox relay does (idempotent producer,
 * acks=all, the relay's topic, key, value and headers, `--publish-batch` envelopes per send), then
 * runs the real Ingestor behind a KafkaIngestSource consumer group (`--batch` records per insert and
 * commit) into a fresh chDB store, and measures until every offset is committed and the rows are
 * counted. Publish and ingest are timed apart.
 *
 * dashboard: a chDB folder (default `.data/bench/analytics-10m`, kept) with `--calls` calls for one
 * tenant and `--small-calls` for a second one over the same days, generated in direct mode unless
 * the folder already holds that data set (same calls, seed and end date; migrations added since
 * are applied to it); then the data center's reads, each up to `--runs` times (at least 3, while the
 * query's `--query-seconds` last) after one cold run: the standard dashboard (KPIs by total, day, weekday_hour, queue and
 * agent over the last 30 days, issued together as the page does), interval_15m over 30 days, a
 * drill-down page of contacts (the SQL of backend/app/datacenter/queries/contacts_query.ts, through
 * the tenant query layer) and the same as a report over 365 days. Prints p50/p95/max per query
 * against the goals (dashboard < 1 s, any report < 5 s, the customer's bound 30 s) and where the
 * time goes (the SQL statements inside kpis()).
 *
 *   node loadtest/bench/datacenter-bench.mjs [--part=ingest,dashboard] [--events=200000] [--batch=1000]
 *     [--publish-batch=500] [--calls=10000000] [--small-calls=100000] [--runs=10] [--end=2026-11-29]
 *     [--seed=bench] [--dir=.data/bench/analytics-10m] [--query-seconds=120] [--max-seconds=7200]
 */
import fs from 'node:fs'
import os from 'node:os'
import net from 'node:net'
import path from 'node:path'
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const flag = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const number = (name, fallback, max) => {
  const value = Number(String(flag(name, fallback)).replace(/_/g, ''))
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} takes an integer from 1 to ${max.toLocaleString('en')}`)
  return value
}
const PARTS = flag('part', 'ingest,dashboard').split(',')
const EVENTS = number('events', 200_000, 1_000_000)
const BATCH = number('batch', 1000, 50_000)
const PUBLISH_BATCH = number('publish-batch', 500, 50_000)
const CALLS = number('calls', 10_000_000, 50_000_000)
const SMALL_CALLS = number('small-calls', 100_000, 1_000_000)
const RUNS = number('runs', 10, 100)
const QUERY_SECONDS = number('query-seconds', 120, 3600)
const MAX_SECONDS = number('max-seconds', 7200, 6 * 3600)
const END = flag('end', '2026-11-29')
const SEED = flag('seed', 'bench')
const DIR = path.resolve(ROOT, flag('dir', '.data/bench/analytics-10m'))
const DEADLINE = Date.now() + MAX_SECONDS * 1000
// The history is read in Asia/Shanghai (UTC+8, no daylight saving), as the generator writes it.
const TZ = 'Asia/Shanghai'
const TENANT = 'dc000000-0000-4000-8000-00000000000a'
const SMALL_TENANT = 'dc000000-0000-4000-8000-00000000000b'
const GOAL = { dashboard: 1000, report: 5000, bound: 30000 }
if (!/^\d{4}-\d{2}-\d{2}$/.test(END)) throw new Error('--end must be YYYY-MM-DD')
if (PARTS.some((p) => !['ingest', 'dashboard'].includes(p))) throw new Error('--part takes ingest, dashboard or both')

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const seconds = (ms) => (ms / 1000).toFixed(1)
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`)
const count = (n) => Number(n).toLocaleString('en')

function machine() {
  const cpus = os.cpus()
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`
}

if (PARTS.length > 1) {
  // One process per part: chDB allows one data folder per process.
  const self = fileURLToPath(import.meta.url)
  const rest = process.argv.slice(2).filter((a) => !a.startsWith('--part='))
  for (const part of PARTS) {
    const child = spawnSync(process.execPath, [self, `--part=${part}`, ...rest], { stdio: 'inherit' })
    if (child.status !== 0) process.exit(child.status ?? 1)
  }
  process.exit(0)
}
console.log(`[${PARTS[0]}] ${machine()}`)
if (PARTS[0] === 'ingest') await ingestPart()
else await dashboardPart()
console.log(`[${PARTS[0]}] done, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)

/** A free loopback port (the kernel's pick). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The generator's envelopes as the relay's Kafka messages, whole days until at least `wanted`. */
async function syntheticMessages(wanted) {
  const { parseGenerateArgs } = await import('../../analytics/src/synthetic/options.ts')
  const { Simulation } = await import('../../analytics/src/synthetic/simulate.ts')
  const { DayEvents } = await import('../../analytics/src/synthetic/events_mode.ts')
  const { topicOf, partitionKeyOf } = await import('../../analytics/src/envelope.ts')
  const tenantId = crypto.randomUUID()
  // About 9.5 events a call (call and agent events), so a little more than wanted; about 20,000 calls a day.
  const calls = Math.max(1000, Math.ceil(wanted / 8.5))
  const options = parseGenerateArgs([`--tenant=${tenantId}`, `--calls=${calls}`, `--days=${Math.max(1, Math.round(calls / 20_000))}`, `--seed=${SEED}`, '--mode=events', `--end=${END}`])
  const sim = new Simulation(options)
  const sink = new DayEvents(tenantId)
  const messages = []
  let days = 0
  for (let d = 0; d < sim.days.length && messages.length < wanted; d++, days++) {
    sim.runDay(d, sink)
    for (const event of sink.envelopes()) {
      messages.push({
        topic: topicOf(event.type),
        message: {
          key: partitionKeyOf(event),
          value: JSON.stringify(event),
          timestamp: String(Date.parse(event.occurredAt)),
          headers: { 'event-id': event.id, 'event-type': event.type, 'tenant-id': event.tenantId, 'schema-version': String(event.schemaVersion) },
        },
      })
    }
  }
  return { tenantId, messages, days, agents: sim.agents.length }
}

async function ingestPart() {
  const { startKafka } = await import('../../scripts/lib/kafka.mjs')
  const { Kafka, Partitioners, logLevel } = await import('kafkajs')
  const { openStore } = await import('../../analytics/src/store/analytics_store.ts')
  const { Ingestor } = await import('../../analytics/src/ingest/ingestor.ts')
  const { KafkaIngestSource } = await import('../../analytics/src/ingest/kafka_source.ts')
  const { EVENT_TOPICS } = await import('../../analytics/src/envelope.ts')

  const kafkaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-datacenter-bench-kafka-'))
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-datacenter-bench-chdb-'))
  const kafka = await startKafka({ dataDir: kafkaDir, port: await freePort(), controllerPort: await freePort(), fresh: true, log: (line) => console.log(`[ingest] ${line}`) })
  if (kafka.missing) throw new Error(`no Kafka: ${kafka.missing}`)
  const brokers = kafka.env.KAFKA_BROKERS.split(',')
  const store = openStore({ chdbDir: storeDir })
  try {
    await store.migrate()
    const made = performance.now()
    const { tenantId, messages, days, agents } = await syntheticMessages(EVENTS)
    const bytes = messages.reduce((sum, m) => sum + m.message.value.length, 0)
    console.log(`[ingest] ${count(messages.length)} envelopes (${days} days, ${agents} agents, tenant ${tenantId}, ${(bytes / 1e6).toFixed(0)} MB of JSON) simulated in ${seconds(performance.now() - made)} s`)

    // Publish as the relay does, in outbox (time) order, `PUBLISH_BATCH` envelopes per send.
    const client = new Kafka({ clientId: 'cc-datacenter-bench', brokers, logLevel: logLevel.WARN })
    const producer = client.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner })
    await producer.connect()
    const publishStart = performance.now()
    for (let i = 0; i < messages.length; i += PUBLISH_BATCH) {
      if (Date.now() > DEADLINE) throw new Error('--max-seconds passed while publishing')
      const byTopic = new Map()
      for (const { topic, message } of messages.slice(i, i + PUBLISH_BATCH)) {
        if (!byTopic.has(topic)) byTopic.set(topic, [])
        byTopic.get(topic).push(message)
      }
      await producer.sendBatch({ acks: -1, timeout: 30000, topicMessages: [...byTopic].map(([topic, batch]) => ({ topic, messages: batch })) })
    }
    const publishMs = performance.now() - publishStart
    await producer.disconnect()
    console.log(`[ingest] published ${count(messages.length)} envelopes in ${seconds(publishMs)} s = ${count(Math.round(messages.length / (publishMs / 1000)))} events/s (idempotent producer, acks=all, ${PUBLISH_BATCH} per send, ${EVENT_TOPICS.length} topics × 3 partitions)`)

    // Consume from the beginning with the real ingest path until every offset is committed.
    let stored = 0
    let chunks = 0
    let firstChunkAt = null
    let lastChunkAt = null
    const source = new KafkaIngestSource({
      brokers,
      groupId: `cc-datacenter-bench-${crypto.randomUUID()}`,
      maxRecords: BATCH,
      log: (level, message) => level !== 'info' && console.error(`[ingest] ${message}`),
      afterInsert: ({ firstOffset, lastOffset }) => {
        stored += Number(lastOffset) - Number(firstOffset) + 1
        chunks += 1
        lastChunkAt = performance.now()
        firstChunkAt ??= lastChunkAt
      },
    })
    const ingestStart = performance.now()
    await source.start(new Ingestor(store, (level, message) => level !== 'info' && console.error(`[ingest] ${message}`)))
    let lastLog = ingestStart
    let committedAt = null
    try {
      while (Date.now() < DEADLINE) {
        await new Promise((r) => setTimeout(r, 500))
        const now = performance.now()
        if (now - lastLog > 10_000) {
          lastLog = now
          console.log(`[ingest]   ${count(stored)} events stored in ${seconds(now - ingestStart)} s (${count(Math.round(stored / ((now - ingestStart) / 1000)))} events/s)`)
        }
        if (stored < messages.length) continue
        const lag = await source.lag()
        if (lag.length && lag.every((p) => p.committed === p.end)) {
          committedAt = performance.now()
          break
        }
      }
    } finally {
      await source.stop()
    }
    if (committedAt === null) throw new Error(`--max-seconds passed with ${count(stored)} of ${count(messages.length)} events stored`)
    const tenant = store.forTenant(tenantId)
    const [rows] = await tenant.select(
      `SELECT (SELECT count() FROM events FINAL WHERE tenant_id = {tenant:UUID}) AS events,
              (SELECT count() FROM call_segments FINAL WHERE tenant_id = {tenant:UUID}) AS segments,
              (SELECT count() FROM agent_state_intervals FINAL WHERE tenant_id = {tenant:UUID}) AS intervals`
    )
    const ingestMs = committedAt - ingestStart
    if (Number(rows.events) !== messages.length) throw new Error(`${rows.events} events stored, ${messages.length} published`)
    console.log(`[ingest] ingested ${count(rows.events)} events (${count(rows.segments)} call segments, ${count(rows.intervals)} agent intervals derived) in ${seconds(ingestMs)} s = ` +
      `**${count(Math.round(messages.length / (ingestMs / 1000)))} events/s** end to end (group join to all offsets committed), ` +
      `${count(Math.round(messages.length / ((lastChunkAt - firstChunkAt) / 1000)))} events/s from the first chunk stored to the last; ` +
      `${chunks} chunks of at most ${BATCH} records (--batch), first stored ${seconds(firstChunkAt - ingestStart)} s after start`)
  } finally {
    await store.close()
    await kafka.stop()
    fs.rmSync(kafkaDir, { recursive: true, force: true })
    fs.rmSync(storeDir, { recursive: true, force: true })
  }
}

/** The data set's description; the folder is reused only for the same one. */
function datasetSpec() {
  return { calls: CALLS, smallCalls: SMALL_CALLS, seed: SEED, end: END, tz: TZ, tenants: [TENANT, SMALL_TENANT] }
}

/** Opens the data set's store, generating it first unless the folder already holds the same data set. */
async function openDataset() {
  const { openStore } = await import('../../analytics/src/store/analytics_store.ts')
  const { generate } = await import('../../analytics/src/synthetic/generate.ts')
  const { parseGenerateArgs } = await import('../../analytics/src/synthetic/options.ts')
  const markerFile = path.join(DIR, 'bench-dataset.json')
  const spec = datasetSpec()
  const marker = fs.existsSync(markerFile) ? JSON.parse(fs.readFileSync(markerFile, 'utf8')) : null
  if (marker && JSON.stringify(marker.spec) === JSON.stringify(spec)) {
    console.log(`[dashboard] reusing the data set in ${path.relative(ROOT, DIR)}: generated ${marker.generatedAt} in ${seconds(marker.seconds * 1000)} s (${count(marker.big.segments)} segments, ${count(marker.big.intervals)} intervals for ${count(CALLS)} calls)`)
    const store = openStore({ chdbDir: DIR })
    // A data set made before a schema change gets the new migrations (their backfills) first.
    const started = performance.now()
    const { applied } = await store.migrate()
    if (applied.length) console.log(`[dashboard] migrated it: ${applied.join(', ')} in ${seconds(performance.now() - started)} s`)
    return store
  }
  if (fs.existsSync(DIR)) {
    console.log(`[dashboard] ${path.relative(ROOT, DIR)} holds ${marker ? `another data set (${JSON.stringify(marker.spec)})` : 'no complete data set'}: generating it again`)
    fs.rmSync(DIR, { recursive: true, force: true })
  }
  const store = openStore({ chdbDir: DIR })
  await store.migrate()
  const started = performance.now()
  const budget = Math.max(1, Math.floor((DEADLINE - Date.now()) / 1000))
  const big = parseGenerateArgs([`--tenant=${TENANT}`, `--calls=${CALLS}`, `--seed=${SEED}`, '--mode=direct', `--end=${END}`, `--tz=${TZ}`, `--max-seconds=${budget}`])
  const log = (line) => console.log(`[dashboard] ${line}`)
  const bigReport = await generate(store, big, { log })
  if (bigReport.stoppedAfterDay) throw new Error('--max-seconds passed while generating; the folder is incomplete and will be generated again next time')
  const small = parseGenerateArgs([`--tenant=${SMALL_TENANT}`, `--calls=${SMALL_CALLS}`, `--days=${big.days}`, `--seed=${SEED}-small`, '--mode=direct', `--end=${END}`, `--tz=${TZ}`])
  const smallReport = await generate(store, small, { log })
  const took = (performance.now() - started) / 1000
  fs.writeFileSync(markerFile, JSON.stringify({ spec, generatedAt: new Date().toISOString(), seconds: took, big: bigReport, small: smallReport }, null, 2) + '\n')
  console.log(`[dashboard] generated ${count(CALLS)} + ${count(SMALL_CALLS)} calls (${count(bigReport.segments + smallReport.segments)} segments, ${count(bigReport.intervals + smallReport.intervals)} intervals) in ${seconds(took * 1000)} s = ${count(Math.round((CALLS + SMALL_CALLS) / took))} calls/s`)
  return store
}

async function dashboardPart() {
  const { TenantQueries } = await import('../../analytics/src/store/tenant_query.ts')
  const { kpis } = await import('../../analytics/src/kpi/kpis.ts')
  const { DEFAULT_KPI_SETTINGS } = await import('../../analytics/src/kpi/definitions.ts')
  const store = await openDataset()
  try {
    /** The tenant query layer, timing each statement by the table it reads. */
    class TimedTenant extends TenantQueries {
      statements = []
      async select(sql, params) {
        const t = performance.now()
        try {
          return await super.select(sql, params)
        } finally {
          const kind = sql.includes('leadInFrame') ? 'fcr(call_segments)' : /FROM (\w+)/.exec(sql)?.[1] ?? 'other'
          this.statements.push({ kind, ms: performance.now() - t })
        }
      }
    }
    const tenant = new TimedTenant(store.executor, TENANT)
    const [version] = await store.executor.select('SELECT version() AS v')
    const parts = await store.executor.select(`SELECT table, count() AS parts, sum(rows) AS rows, round(sum(bytes_on_disk) / 1e6) AS mb FROM system.parts WHERE active AND database = currentDatabase() GROUP BY table ORDER BY table`)
    console.log(`[dashboard] chDB (ClickHouse ${version.v}) at ${path.relative(ROOT, DIR)}: ${parts.map((p) => `${p.table} ${count(p.rows)} rows/${p.parts} parts/${p.mb} MB`).join('; ')}`)

    const settings = { ...DEFAULT_KPI_SETTINGS, timeZone: TZ }
    const to = new Date(Date.parse(`${END}T00:00:00+08:00`) + 86_400_000)
    const daysBack = (n) => new Date(to.getTime() - n * 86_400_000)
    const month = { from: daysBack(30), to }
    const year = { from: daysBack(365), to }
    const contacts = contactsPage(tenant)
    const kpi = (by, range) => () => kpis(tenant, { ...range, by, settings })
    const DASHBOARD = ['total', 'day', 'weekday_hour', 'queue', 'agent']
    const queries = [
      { name: `standard dashboard: ${DASHBOARD.join(' + ')}, 30 d, together`, goal: GOAL.dashboard, together: true, run: () => Promise.all(DASHBOARD.map((by) => kpi(by, month)())) },
      ...DASHBOARD.map((by) => ({ name: `kpis by ${by}, 30 d`, goal: GOAL.dashboard, run: kpi(by, month) })),
      { name: 'kpis by interval_15m, 30 d', goal: GOAL.dashboard, run: kpi('interval_15m', month) },
      { name: 'contacts: answered, page 1 of 50, 30 d', goal: GOAL.dashboard, run: () => contacts({ ...month, kpi: 'answered', page: 1 }) },
      { name: 'contacts: abandoned, page 20 of 50, 30 d', goal: GOAL.dashboard, run: () => contacts({ ...month, kpi: 'abandoned', page: 20 }) },
      ...DASHBOARD.map((by) => ({ name: `report: kpis by ${by}, 365 d`, goal: GOAL.report, run: kpi(by, year) })),
      { name: 'report: contacts: answered, page 1 of 50, 365 d', goal: GOAL.report, run: () => contacts({ ...year, kpi: 'answered', page: 1 }) },
    ]
    console.log(`[dashboard] tenant ${TENANT} (${count(CALLS)} calls; ${SMALL_TENANT} has ${count(SMALL_CALLS)}), time zone ${TZ}; 30 d = ${month.from.toISOString()} … ${to.toISOString()}, 365 d from ${year.from.toISOString()}; up to ${RUNS} runs each (at least 3; ${QUERY_SECONDS} s per query) after 1 cold run not counted`)
    console.log(`| query | p50 | p95 | max | runs | goal | statements inside (p50) |`)
    console.log(`|---|---|---|---|---|---|---|`)
    for (const query of queries) {
      const times = []
      const inside = new Map()
      let rows = 0
      // At least 3 timed runs; then `--runs` as long as the query's `--query-seconds` and `--max-seconds` last.
      const budgetEnd = Date.now() + QUERY_SECONDS * 1000
      for (let i = 0; i <= RUNS && (i < 4 || (Date.now() < DEADLINE && Date.now() < budgetEnd)); i++) {
        tenant.statements = []
        const t = performance.now()
        const result = await query.run()
        const ms = performance.now() - t
        // The first run reads from disk into the caches: reported apart.
        if (i === 0) {
          query.cold = ms
          rows = Array.isArray(result) ? result.flat().length : result.data.length
          continue
        }
        times.push(ms)
        // Per run, the time of each kind of statement summed (the dashboard runs five of each).
        const run = new Map()
        for (const s of tenant.statements) run.set(s.kind, (run.get(s.kind) ?? 0) + s.ms)
        for (const [kind, total] of run) inside.set(kind, [...(inside.get(kind) ?? []), total])
      }
      times.sort((a, b) => a - b)
      const p95 = percentile(times, 0.95)
      const verdict = p95 < query.goal ? `< ${fmt(query.goal)} ✓` : p95 < GOAL.bound ? `**over ${fmt(query.goal)}** (< 30 s bound)` : '**over the 30 s bound**'
      // Issued together, the statements wait in chDB's one-at-a-time queue: their own times overlap, so none are shown.
      const breakdown = query.together ? 'one after another in chDB (one native connection)' : [...inside].map(([kind, ms]) => `${kind} ${fmt(percentile(ms.sort((a, b) => a - b), 0.5))}`).join(', ')
      console.log(`| ${query.name} | ${fmt(percentile(times, 0.5))} | ${fmt(p95)} | ${fmt(times.at(-1))} | ${times.length} (cold ${fmt(query.cold)}, ${rows} rows) | ${verdict} | ${breakdown} |`)
    }
  } finally {
    await store.close()
  }
}

/**
 * The drill-down of backend/app/datacenter/queries/contacts_query.ts (its SQL, through the tenant
 * query layer, default KPI settings): the count and one page.
 */
function contactsPage(tenant) {
  const KPI_CONDITION = {
    answered: 'answered = 1',
    abandoned: 'abandoned = 1',
  }
  const chTime = (at) => at.toISOString().replace('T', ' ').replace('Z', '')
  return async ({ from, to, kpi, page, perPage = 50 }) => {
    const params = { from: chTime(from), to: chTime(to), short_bins: 1, sl_bins: 4, limit: perPage, offset: (page - 1) * perPage }
    const where = [
      'tenant_id = {tenant:UUID}',
      "direction = 'inbound'",
      "toStartOfFifteenMinutes(started_at) >= {from:DateTime64(3, 'UTC')}",
      "toStartOfFifteenMinutes(started_at) < {to:DateTime64(3, 'UTC')}",
      KPI_CONDITION[kpi],
    ].join(' AND ')
    const [{ total }] = await tenant.select(`SELECT count() AS total FROM call_segments FINAL WHERE ${where}`, params)
    const data = await tenant.select(
      `SELECT toString(call_id) AS call_key, segment_no, channel, ani, toString(queue_id) AS queue_key, toString(agent_id) AS agent_key,
         toUnixTimestamp64Milli(started_at) AS started_ms, toUnixTimestamp64Milli(answered_at) AS answered_ms, toUnixTimestamp64Milli(ended_at) AS ended_ms,
         wait_seconds, talk_seconds, hold_seconds, wrap_seconds, offers, rona, outcome, end_reason, transferred_to
       FROM call_segments FINAL WHERE ${where}
       ORDER BY started_at, call_id, segment_no LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
      params
    )
    return { total: Number(total), data }
  }
}
