/**
 * Realtime fan-out latency: 300 WebSockets follow one tenant's wallboard while an agent changes
 * state; each change is one event delivered to every socket. Measures the time from the event's
 * `occurredAt` (stamped by the server when it is recorded, before the commit) to its arrival on
 * each socket, and checks that every socket sees gap-free sequence numbers. Runs against a loopback
 * `npm start` (with Redis the events go through Redis pub/sub). Spread the sockets over several
 * backend processes that share the database and REDIS_URL with WS_URLS to measure the cross-process
 * path. Bounded in count and time.
 *
 *   node loadtest/bench/realtime-bench.mjs     (SOCKETS=300 EVENTS=200 INTERVAL_MS=20)
 *   WS_URLS=http://127.0.0.1:3333,http://127.0.0.1:3334 node loadtest/bench/realtime-bench.mjs
 */
import { randomBytes } from 'node:crypto'
import WebSocket from 'ws'

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3333'
const WS_URLS = (process.env.WS_URLS ?? BASE).split(',').map((u) => u.trim().replace(/^http/, 'ws'))
const SOCKETS = Number(process.env.SOCKETS ?? 300)
const EVENTS = Math.min(Number(process.env.EVENTS ?? 200), 5000)
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 20)
const DEADLINE = Date.now() + Number(process.env.MAX_SECONDS ?? 300) * 1000
const PASSWORD = `bench ${randomBytes(6).toString('hex')}`
for (const url of [BASE, ...WS_URLS]) {
  if (!/^(https?|wss?):\/\/(127\.|localhost|\[::1\])/.test(url)) throw new Error('Benchmarks target loopback only')
}

async function api(method, path, token, body) {
  const response = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

const slug = `rt-bench-${randomBytes(3).toString('hex')}`
const signup = await api('POST', '/signup', null, { organisationName: `Realtime bench ${slug}`, slug, timeZone: 'UTC', locale: 'en', adminName: 'Bench', adminEmail: `admin@${slug}.test`, password: PASSWORD })
const { token } = signup.data
const channel = `tenant/${signup.data.tenant.id}/wallboard`

/** Per socket: the last sequence number seen, how many numbers were skipped, how many events arrived. */
const sockets = []
const latencies = []

function open(index) {
  return new Promise((resolve, reject) => {
    const url = `${WS_URLS[index % WS_URLS.length]}/ws?token=${encodeURIComponent(token)}`
    const state = { socket: new WebSocket(url), last: null, gaps: 0, received: 0 }
    state.socket.on('open', () => state.socket.send(JSON.stringify({ type: 'subscribe', channel })))
    state.socket.on('error', reject)
    state.socket.on('message', (raw) => {
      const now = Date.now()
      const message = JSON.parse(raw.toString())
      if (message.type === 'snapshot') {
        state.last = message.seq
        resolve(state)
      } else if (message.type === 'event' && message.channel === channel) {
        if (message.seq !== state.last + 1) state.gaps++
        state.last = message.seq
        state.received++
        latencies.push(now - Date.parse(message.event.occurredAt))
      } else if (message.type === 'error') {
        reject(new Error(`${message.code}: ${message.message}`))
      }
    })
  })
}

console.log(`opening ${SOCKETS} sockets on ${WS_URLS.join(', ')} (channel ${channel})…`)
for (let i = 0; i < SOCKETS; i += 50) {
  sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, SOCKETS - i) }, (_, j) => open(i + j)))))
}

console.log(`${sockets.length} sockets subscribed; publishing ${EVENTS} events, one every ${INTERVAL_MS} ms…`)
const started = performance.now()
let sent = 0
for (let i = 0; i < EVENTS && Date.now() < DEADLINE; i++) {
  await api('POST', '/agent/state', token, { state: i % 2 ? 'offline' : 'ready' })
  sent++
  if (INTERVAL_MS > 0) await new Promise((r) => setTimeout(r, INTERVAL_MS))
}
// Every change is one agent.state_changed on the wallboard; wait until each socket has all of them.
await new Promise((resolve) => {
  const check = setInterval(() => {
    if (sockets.every((s) => s.received >= sent) || Date.now() > DEADLINE) {
      clearInterval(check)
      resolve()
    }
  }, 50)
})
const elapsed = (performance.now() - started) / 1000
for (const state of sockets) state.socket.close()

const sorted = latencies.sort((a, b) => a - b)
const missing = sockets.reduce((sum, s) => sum + Math.max(0, sent - s.received), 0)
const gaps = sockets.reduce((sum, s) => sum + s.gaps, 0)
console.log(`\n${sent} events × ${sockets.length} sockets = ${latencies.length} deliveries in ${elapsed.toFixed(1)} s`)
console.log(`recorded → delivered (ms): p50 ${percentile(sorted, 0.5)}  p95 ${percentile(sorted, 0.95)}  p99 ${percentile(sorted, 0.99)}  max ${sorted.at(-1)}`)
console.log(`missing deliveries: ${missing}, sequence gaps: ${gaps}`)
process.exit(missing || gaps ? 1 : 0)
