/**
 * Loopback benchmark of a shift start (300 agents sign in within RAMP_SECONDS, default 30) and
 * then an authenticated read at 300 concurrent seats, with
 * Node's fetch (the k6 suite in ../k6 is the load-test language; this script gives figures on a
 * machine without k6). Bounded: a fixed number of requests per phase and a hard time limit.
 *
 *   BASE_URL=http://127.0.0.1:3333 TENANT=demo PASSWORD=… node loadtest/bench/auth-bench.mjs
 */
const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3333'
const TENANT = process.env.TENANT ?? 'demo'
const PASSWORD = process.env.PASSWORD
const SEATS = Number(process.env.SEATS ?? 300)
const READS_PER_SEAT = Number(process.env.READS ?? 10)
const USERS = (process.env.USERS ?? 'agent1@demo.example,agent2@demo.example,agent3@demo.example').split(',')
const RAMP_SECONDS = Number(process.env.RAMP_SECONDS ?? 30)
const DEADLINE = Date.now() + Number(process.env.MAX_SECONDS ?? 300) * 1000

if (!PASSWORD) throw new Error('Set PASSWORD to the demo password (.data/dev/demo-password.txt)')
if (!/^https?:\/\/(127\.|localhost|\[::1\])/.test(BASE)) throw new Error('Benchmarks target loopback only')

async function timed(fn) {
  const start = performance.now()
  const response = await fn()
  await response.arrayBuffer()
  return { ms: performance.now() - start, status: response.status }
}

function summary(name, samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(0)
  const errors = samples.filter((s) => s.status >= 400).length
  console.log(`${name.padEnd(22)} n=${String(ms.length).padStart(5)}  p50=${at(0.5)} ms  p95=${at(0.95)} ms  max=${at(1)} ms  errors=${errors}`)
}

const loginSamples = []
const tokens = await Promise.all(
  Array.from({ length: SEATS }, async (_, i) => {
    await new Promise((r) => setTimeout(r, (i * RAMP_SECONDS * 1000) / SEATS))
    let token = null
    const sample = await timed(async () => {
      const response = await fetch(`${BASE}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: TENANT, email: USERS[i % USERS.length], password: PASSWORD }),
      })
      if (response.ok) token = (await response.clone().json()).data.token
      return response
    })
    loginSamples.push(sample)
    return token
  })
)
summary(`login (${SEATS} in ${RAMP_SECONDS}s)`, loginSamples)

const readSamples = []
await Promise.all(
  tokens.filter(Boolean).map(async (token) => {
    for (let i = 0; i < READS_PER_SEAT && Date.now() < DEADLINE; i++) {
      readSamples.push(await timed(() => fetch(`${BASE}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })))
    }
  })
)
summary(`GET auth/me (${SEATS} seats)`, readSamples)

await Promise.all(tokens.filter(Boolean).map((token) => fetch(`${BASE}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })))
