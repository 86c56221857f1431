/**
 * Event delivery to N connected agent sockets: N distinct agents, each with their own session
 * token and their own WebSocket, each following what a real agent workspace follows — their agent
 * channel, their user channel, the tenant's broadcast and their queue. Then three kinds of event,
 * E of each, one every INTERVAL ms:
 *   - an announcement to the whole organisation (one message on the broadcast → N sockets),
 *   - an announcement to a team holding every agent (one message on each of the N user channels:
 *     the gateway looks the members up and publishes N times),
 *   - a call queued in the agents' queue (one message on the queue channel → N sockets).
 * Measures the time from the event's `occurredAt` (stamped by the server when it is recorded,
 * before the commit) to its arrival on each socket, p50/p95/p99/max, and per event the time until
 * the last of the N sockets had it. Also reports connect + subscribe time.
 *
 * The agents are seeded directly in PostgreSQL (users, agent role, session tokens, queue and team
 * membership, inside the tenant's RLS context as the runtime role; inviting 3,000 agents through
 * the mailbox would take long); the organisation, queue, team, announcements and calls go through
 * the API. The seeded users are deleted at the end unless --keep. Loopback `npm start` only;
 * bounded in count (--agents ≤ 5000, --events ≤ 200) and time (--max-seconds).
 *
 *   ulimit -n 20000; node loadtest/bench/agent-sockets-bench.mjs --agents=300
 *   ulimit -n 20000; node loadtest/bench/agent-sockets-bench.mjs --agents=3000 --events=20
 *
 * Each socket is a file descriptor in this process and one in the server: raise `ulimit -n` for both
 * (start `npm start` from a shell with the raised limit). Database: DATABASE_APP_URL when set,
 * otherwise the embedded cluster of `npm start` (.data/dev, EMBEDDED_PG_PORT, role cc_app).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import WebSocket from 'ws'
import { databaseUrl, inTenant, percentile } from './dev-db.mjs'

const flag = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? process.env[name.toUpperCase().replace(/-/g, '_')] ?? fallback
const BASE = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3333}`
const AGENTS = Number(flag('agents', 300))
const EVENTS = Number(flag('events', 20))
const INTERVAL_MS = Number(flag('interval', 250))
const CONNECT_CONCURRENCY = Number(flag('connect-concurrency', 100))
const DELIVERY_TIMEOUT_MS = Number(flag('delivery-timeout', 15_000))
const KEEP = process.argv.includes('--keep')
const DEADLINE = Date.now() + Number(flag('max-seconds', 900)) * 1000
const PASSWORD = `bench ${randomBytes(6).toString('hex')}`
if (!/^https?:\/\/(127\.|localhost|\[::1\])/.test(BASE)) throw new Error('Benchmarks target loopback only')
if (!(AGENTS >= 1 && AGENTS <= 5000)) throw new Error('--agents must be between 1 and 5000')
if (!(EVENTS >= 1 && EVENTS <= 200)) throw new Error('--events must be between 1 and 200')

async function api(method, route, token, body) {
  const response = await fetch(`${BASE}/api/v1${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}



const ms = (v) => `${Math.round(v)} ms`

// --- the organisation, its queue and team (API) ---------------------------------------------------
const slug = `sockets-${randomBytes(3).toString('hex')}`
console.log(`organisation ${slug}: ${AGENTS} agents, ${EVENTS} events per scenario, one every ${INTERVAL_MS} ms`)
const signup = await api('POST', '/signup', null, { organisationName: `Agent sockets bench ${slug}`, slug, timeZone: 'UTC', locale: 'en', adminName: 'Bench', adminEmail: `admin@${slug}.test`, password: PASSWORD })
const tenantId = signup.data.tenant.id
const admin = signup.data.token
const agentRole = (await api('GET', '/roles', admin)).data.find((r) => r.key === 'agent').id
// Queued calls leave after a minute (voicemail), so the bench leaves no calls waiting behind.
const queueId = (await api('POST', '/queues', admin, { name: 'Bench', overflowAfterSeconds: 60, overflowAction: 'voicemail' })).data.id
const teamId = (await api('POST', '/teams', admin, { name: 'Everyone' })).data.id

// --- the agents, their sessions and memberships (PostgreSQL) -------------------------------------
const agents = Array.from({ length: AGENTS }, (_, i) => {
  const secret = randomBytes(32).toString('base64url')
  const tokenId = randomUUID()
  return { i, id: randomUUID(), tokenId, hash: createHash('sha256').update(secret).digest('hex'), token: `cc1.${tenantId}.${tokenId}.${secret}` }
})
const db = new pg.Client({ connectionString: databaseUrl() })
await db.connect()
let started = performance.now()
for (let from = 0; from < AGENTS; from += 1000) {
  const batch = agents.slice(from, from + 1000)
  const ids = batch.map((a) => a.id)
  await inTenant(db, tenantId, async () => {
    await db.query(
      `insert into users (tenant_id, id, email, display_name, status)
       select $1, id, 'agent' || i || '@' || $3, 'Agent ' || i, 'active' from unnest($2::uuid[], $4::int[]) as t(id, i)`,
      [tenantId, ids, `${slug}.test`, batch.map((a) => a.i)]
    )
    await db.query(`insert into user_roles (tenant_id, user_id, role_id) select $1, unnest($2::uuid[]), $3`, [tenantId, ids, agentRole])
    await db.query(
      `insert into access_tokens (tenant_id, id, user_id, hash, user_agent, expires_at)
       select $1, token_id, user_id, hash, 'agent-sockets-bench', now() + interval '1 day' from unnest($2::uuid[], $3::uuid[], $4::text[]) as t(token_id, user_id, hash)`,
      [tenantId, batch.map((a) => a.tokenId), ids, batch.map((a) => a.hash)]
    )
    await db.query(`insert into queue_members (tenant_id, queue_id, user_id) select $1, $2, unnest($3::uuid[])`, [tenantId, queueId, ids])
    await db.query(`insert into team_members (tenant_id, team_id, user_id) select $1, $2, unnest($3::uuid[])`, [tenantId, teamId, ids])
  })
}
console.log(`seeded ${AGENTS} agents with sessions, queue and team membership in ${ms(performance.now() - started)}`)

// --- the sockets --------------------------------------------------------------------------------
const broadcast = `tenant/${tenantId}/broadcast`
const queueChannel = `tenant/${tenantId}/queue/${queueId}`
/**
 * Every event any socket received: event id → its type, entity and one latency per arrival (ms from
 * occurredAt). Kept for all events, because an event may reach the sockets before the API call
 * that caused it has answered (and told the bench which entity to look for).
 */
const arrivals = new Map()
let gaps = 0
let errors = 0

function open(agent) {
  const channels = [`tenant/${tenantId}/agent/${agent.id}`, `tenant/${tenantId}/user/${agent.id}`, broadcast, queueChannel]
  const last = new Map()
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${BASE.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(agent.token)}`)
    const timer = setTimeout(() => reject(new Error(`agent ${agent.i}: no snapshots after 60 s`)), 60_000)
    socket.on('open', () => {
      for (const channel of channels) socket.send(JSON.stringify({ type: 'subscribe', channel }))
    })
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('message', (raw) => {
      const now = Date.now()
      const message = JSON.parse(raw.toString())
      if (message.type === 'snapshot') {
        last.set(message.channel, message.seq)
        if (last.size === channels.length) {
          clearTimeout(timer)
          resolve(socket)
        }
      } else if (message.type === 'event') {
        const previous = last.get(message.channel)
        if (previous !== undefined && message.seq !== previous + 1) gaps++
        last.set(message.channel, message.seq)
        const { id, type, entity, occurredAt } = message.event
        let seen = arrivals.get(id)
        if (!seen) arrivals.set(id, (seen = { type, entityId: entity?.id, latencies: [] }))
        seen.latencies.push(now - Date.parse(occurredAt))
      } else if (message.type === 'error') {
        errors++
        clearTimeout(timer)
        reject(new Error(`agent ${agent.i}: ${message.code} ${message.message} (${message.channel})`))
      }
    })
  })
}

console.log(`opening ${AGENTS} sockets, ${CONNECT_CONCURRENCY} at a time, each subscribing to 4 channels…`)
started = performance.now()
const sockets = []
const connectTimes = []
for (let from = 0; from < AGENTS && Date.now() < DEADLINE; from += CONNECT_CONCURRENCY) {
  const wave = agents.slice(from, from + CONNECT_CONCURRENCY)
  sockets.push(
    ...(await Promise.all(
      wave.map(async (agent) => {
        const t0 = performance.now()
        const socket = await open(agent)
        connectTimes.push(performance.now() - t0)
        return socket
      })
    ))
  )
}
const connectSeconds = (performance.now() - started) / 1000
const connectSorted = connectTimes.sort((a, b) => a - b)
console.log(`${sockets.length} sockets subscribed in ${connectSeconds.toFixed(1)} s (connect + 4 snapshots per socket: p50 ${ms(percentile(connectSorted, 0.5))}, p99 ${ms(percentile(connectSorted, 0.99))})`)

// --- the scenarios --------------------------------------------------------------------------------
/** Sends E events through `send` (which answers the entity the event is about), then waits until every socket has each. */
async function scenario(label, type, send) {
  const entities = new Set()
  for (let i = 0; i < EVENTS && Date.now() < DEADLINE; i++) {
    entities.add(await send(i))
    if (INTERVAL_MS > 0) await new Promise((r) => setTimeout(r, INTERVAL_MS))
  }
  const mine = () => [...arrivals.values()].filter((a) => a.type === type && entities.has(a.entityId))
  const until = Date.now() + DELIVERY_TIMEOUT_MS
  while (Date.now() < until) {
    const seen = mine()
    if (seen.length === entities.size && seen.every((a) => a.latencies.length >= AGENTS)) break
    await new Promise((r) => setTimeout(r, 50))
  }
  const seen = mine()
  const sorted = seen.flatMap((a) => a.latencies).sort((a, b) => a - b)
  const last = seen.map((a) => Math.max(...a.latencies)).sort((a, b) => a - b)
  const missing = entities.size * AGENTS - sorted.length
  return { label, sent: entities.size, deliveries: sorted.length, missing, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted.at(-1), allP50: percentile(last, 0.5), allMax: last.at(-1) }
}

const results = []
results.push(
  await scenario('announcement to the organisation (broadcast)', 'announcement.published', async (i) =>
    (await api('POST', '/announcements', admin, { title: `Bench notice ${i}`, body: 'Bench', audience: 'organisation' })).data.id
  )
)
results.push(
  await scenario('announcement to a team of all agents (N user channels)', 'announcement.published', async (i) =>
    (await api('POST', '/announcements', admin, { title: `Bench team notice ${i}`, body: 'Bench', audience: 'teams', teamIds: [teamId] })).data.id
  )
)
results.push(
  await scenario('call queued in their queue (queue channel)', 'call.queued', async (i) =>
    (await api('POST', `/queues/${queueId}/simulated-calls`, admin, { ani: `+86138${String(i).padStart(8, '0')}` })).data.id
  )
)
for (const socket of sockets) socket.close()

console.log(`\n${AGENTS} agent sockets; ${EVENTS} events per scenario; recorded → delivered on each socket:`)
for (const r of results) {
  console.log(`${r.label}\n  ${r.sent} events × ${AGENTS} = ${r.deliveries} deliveries, missing ${r.missing}: p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  max ${ms(r.max)}; last socket per event p50 ${ms(r.allP50)}, max ${ms(r.allMax)}`)
}
console.log(`sequence gaps: ${gaps}, subscription errors: ${errors}`)

if (!KEEP) {
  await inTenant(db, tenantId, () => db.query('delete from users where tenant_id = $1 and id = any($2::uuid[])', [tenantId, agents.map((a) => a.id)]))
  console.log(`deleted the ${AGENTS} seeded agents (--keep leaves them)`)
}
await db.end()
const missing = results.reduce((sum, r) => sum + r.missing, 0)
process.exit(missing || gaps || errors ? 1 : 0)
