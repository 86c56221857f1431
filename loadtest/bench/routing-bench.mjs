/**
 * Routing latency with 300 logged-in agents: from the moment a call is placed in a queue to the
 * moment its offer arrives on the chosen agent's WebSocket. Runs against a loopback `npm start`
 * (it uses the development mailbox to activate the agents it invites). Bounded in count and time.
 *
 *   node loadtest/bench/routing-bench.mjs            (AGENTS=300 CALLS=300 CONCURRENCY=20)
 */
import { randomBytes } from 'node:crypto'
import WebSocket from 'ws'

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3333'
const AGENTS = Number(process.env.AGENTS ?? 300)
const CALLS = Math.min(Number(process.env.CALLS ?? 300), AGENTS)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20)
const DEADLINE = Date.now() + Number(process.env.MAX_SECONDS ?? 600) * 1000
const PASSWORD = `bench ${randomBytes(6).toString('hex')}`
if (!/^https?:\/\/(127\.|localhost|\[::1\])/.test(BASE)) throw new Error('Benchmarks target loopback only')

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

async function pool(items, size, work) {
  const queue = [...items]
  await Promise.all(Array.from({ length: size }, async () => {
    while (queue.length && Date.now() < DEADLINE) await work(queue.shift())
  }))
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

const slug = `bench-${randomBytes(3).toString('hex')}`
console.log(`setting up ${AGENTS} agents in organisation ${slug}…`)
const signup = await api('POST', '/signup', null, { organisationName: `Routing bench ${slug}`, slug, timeZone: 'UTC', locale: 'en', adminName: 'Bench', adminEmail: `admin@${slug}.test`, password: PASSWORD })
const admin = signup.data.token
const agentRole = (await api('GET', '/roles', admin)).data.find((r) => r.key === 'agent').id
const queue = (await api('POST', '/queues', admin, { name: 'Bench', offerTimeoutSeconds: 600 })).data.id

const agents = []
await pool([...Array(AGENTS).keys()], 8, async (i) => {
  const email = `agent${i}@${slug}.test`
  await api('POST', '/users', admin, { email, displayName: `Agent ${i}`, roleIds: [agentRole] })
  const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
  const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1])
  await api('POST', '/auth/password/reset', null, { token, password: PASSWORD })
  const session = (await api('POST', '/auth/login', null, { tenant: slug, email, password: PASSWORD })).data
  agents.push({ id: session.user.id, token: session.token })
})
await api('PUT', `/queues/${queue}/members`, admin, { userIds: agents.map((a) => a.id) })

const arrivals = new Map()
const waiters = new Map()
const sockets = await Promise.all(agents.map((agent) => new Promise((resolve, reject) => {
  const socket = new WebSocket(`${BASE.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(agent.token)}`)
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString())
    if (message.type === 'snapshot') resolve(socket)
    if (message.type === 'event' && message.event.type === 'call.offered') {
      arrivals.set(message.event.entity.id, performance.now())
      waiters.get(message.event.entity.id)?.()
    }
  })
  socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', channel: `tenant/${signup.data.tenant.id}/agent/${agent.id}` })))
  socket.on('error', reject)
})))
await pool(agents, 20, (agent) => api('POST', '/agent/state', agent.token, { state: 'ready' }))
console.log(`${sockets.length} agents connected and ready; placing ${CALLS} calls, ${CONCURRENCY} at a time…`)

const delivered = []
const responded = []
await pool([...Array(CALLS).keys()], CONCURRENCY, async (i) => {
  const started = performance.now()
  const call = (await api('POST', `/queues/${queue}/simulated-calls`, admin, { ani: `+861380000${String(i).padStart(4, '0')}` })).data
  responded.push(performance.now() - started)
  if (!arrivals.has(call.id)) {
    await new Promise((resolve) => {
      waiters.set(call.id, resolve)
      setTimeout(resolve, 10000).unref()
    })
  }
  if (arrivals.has(call.id)) delivered.push(arrivals.get(call.id) - started)
})
for (const socket of sockets) socket.close()

const sorted = delivered.sort((a, b) => a - b)
const http = responded.sort((a, b) => a - b)
console.log(`calls placed: ${CALLS}, offers delivered on the agent socket: ${sorted.length}`)
console.log(`queued → offer on socket  p50=${percentile(sorted, 0.5).toFixed(1)} ms  p99=${percentile(sorted, 0.99).toFixed(1)} ms  max=${sorted.at(-1).toFixed(1)} ms`)
console.log(`simulated-call request    p50=${percentile(http, 0.5).toFixed(1)} ms  p99=${percentile(http, 0.99).toFixed(1)} ms`)
