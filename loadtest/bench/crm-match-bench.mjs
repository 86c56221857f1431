/**
 * Caller-match latency over a large customer base: signs up its own organisation (default country
 * CN), invites one agent, generates N customers (default 1,000,000) owned by that agent directly in
 * PostgreSQL (generate_series in batches, inside the tenant's RLS context, as the runtime role; no
 * outbox events), then asks GET /customers/match as that agent with numbers written as `+86 138 …`,
 * `0086-138…`, bare 11 digits and the last 8 digits, plus a share of unknown numbers. Prints
 * generation throughput, p50/p95/p99/max per format and the hit rate (and the same requests one at a
 * time, `--serial=500`, for the latency without queueing), then deletes the generated
 * customers (`--keep` leaves them). Loopback `npm start` only; bounded in count and time.
 *
 *   node loadtest/bench/crm-match-bench.mjs --customers=1000000 --requests=5000 --concurrency=20
 *
 * Database: DATABASE_APP_URL when set, otherwise the embedded cluster of `npm start` (.data/dev,
 * EMBEDDED_PG_PORT, role cc_app).
 */
import { randomBytes, randomInt } from 'node:crypto'
import pg from 'pg'
import { databaseUrl, inTenant, percentile } from './dev-db.mjs'

const flag = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? process.env[name.toUpperCase().replace(/-/g, '_')] ?? fallback
const BASE = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3333}`
const CUSTOMERS = Number(flag('customers', 1_000_000))
const REQUESTS = Number(flag('requests', 5000))
const CONCURRENCY = Number(flag('concurrency', 20))
const BATCH = Number(flag('batch', 50_000))
const SERIAL = Number(flag('serial', 500))
const MISS_SHARE = Number(flag('miss-share', 0.1))
const GENERATE_SECONDS = Number(flag('generate-seconds', 600))
const KEEP = process.argv.includes('--keep')
const DEADLINE = Date.now() + Number(flag('max-seconds', 1800)) * 1000
const PASSWORD = `bench ${randomBytes(6).toString('hex')}`
if (!/^https?:\/\/(127\.|localhost|\[::1\])/.test(BASE)) throw new Error('Benchmarks target loopback only')
if (CUSTOMERS >= 10_000_000) throw new Error('--customers must stay below 10,000,000 (the generated numbers are unique below that)')

const MOBILE_PREFIXES = ['138', '139', '135', '136', '137', '150', '151', '152', '186', '187']
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周']
/** Customer g's mobile number (national, 11 digits): the multiplier is coprime with 10^8, so every g gets its own last 8 digits. */
const mobileOf = (g) => MOBILE_PREFIXES[g % 10] + String((g * 48271) % 100_000_000).padStart(8, '0')
const nameOf = (g) => `${SURNAMES[Math.floor(g / 10) % 10]}客户${g}`

/** One batch of customers [from, to]; every second one also gets a Shanghai landline. Mirrors mobileOf/nameOf. */
const GENERATE_SQL = `
  with src as (
    select g, gen_random_uuid() as id,
      (array['${MOBILE_PREFIXES.join("','")}'])[(g % 10 + 1)::int] || lpad(((g * 48271) % 100000000)::text, 8, '0') as mobile,
      (50000000 + (g * 7919) % 10000000)::text as landline
    from generate_series($3::bigint, $4::bigint) as g
  ), customers_in as (
    insert into customers (tenant_id, id, kind, name, owner_id, source, created_by)
    select $1::uuid, id, 'person', (array['${SURNAMES.join("','")}'])[((g / 10) % 10 + 1)::int] || '客户' || g, $2::uuid, 'bench', $2::uuid from src
  ), mobiles_in as (
    insert into customer_phones (tenant_id, id, customer_id, e164, raw, last8, label, position)
    select $1::uuid, gen_random_uuid(), id, '+86' || mobile, mobile, right(mobile, 8), 'mobile', 0 from src
  )
  insert into customer_phones (tenant_id, id, customer_id, e164, raw, last8, label, position)
  select $1::uuid, gen_random_uuid(), id, '+8621' || landline, '021-' || landline, landline, 'work', 1 from src where g % 2 = 0`

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

async function pool(items, size, work) {
  let next = 0
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length && Date.now() < DEADLINE) await work(items[next++])
  }))
}



function summary(label, samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  if (!ms.length) return
  const hits = samples.filter((s) => s.known && s.hit).length
  const known = samples.filter((s) => s.known).length
  const f = (v) => v.toFixed(1).padStart(6)
  console.log(`${label.padEnd(20)} n=${String(ms.length).padStart(5)}  p50=${f(percentile(ms, 0.5))} ms  p95=${f(percentile(ms, 0.95))} ms  p99=${f(percentile(ms, 0.99))} ms  max=${f(ms.at(-1))} ms  hits=${hits}/${known}`)
}

const slug = `bench-${randomBytes(3).toString('hex')}`
console.log(`organisation ${slug}: signing up and inviting one agent…`)
const signup = await api('POST', '/signup', null, { organisationName: `CRM match bench ${slug}`, slug, timeZone: 'Asia/Shanghai', locale: 'en', defaultCountry: 'CN', adminName: 'Bench', adminEmail: `admin@${slug}.test`, password: PASSWORD })
const tenantId = signup.data.tenant.id
const admin = signup.data.token
const agentRole = (await api('GET', '/roles', admin)).data.find((r) => r.key === 'agent').id
const agentEmail = `agent@${slug}.test`
await api('POST', '/users', admin, { email: agentEmail, displayName: 'Bench agent', roleIds: [agentRole] })
const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === agentEmail)
await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password: PASSWORD })
const agent = (await api('POST', '/auth/login', null, { tenant: slug, email: agentEmail, password: PASSWORD })).data

const db = new pg.Client({ connectionString: databaseUrl() })
await db.connect()
console.log(`generating ${CUSTOMERS.toLocaleString('en')} customers in batches of ${BATCH.toLocaleString('en')} (stops after ${GENERATE_SECONDS} s)…`)
const generateStart = performance.now()
const generateDeadline = Date.now() + GENERATE_SECONDS * 1000
let generated = 0
let phones = 0
while (generated < CUSTOMERS && Date.now() < generateDeadline && Date.now() < DEADLINE) {
  const from = generated + 1
  const to = Math.min(CUSTOMERS, generated + BATCH)
  const result = await inTenant(db, tenantId, () => db.query(GENERATE_SQL, [tenantId, agent.user.id, from, to]))
  phones += to - from + 1 + result.rowCount
  generated = to
  const seconds = (performance.now() - generateStart) / 1000
  if (generated % (BATCH * 4) === 0 || generated === CUSTOMERS) console.log(`  ${generated.toLocaleString('en')} customers, ${Math.round(generated / seconds).toLocaleString('en')} customers/s`)
}
const generateSeconds = (performance.now() - generateStart) / 1000
console.log(`generated ${generated.toLocaleString('en')} customers + ${phones.toLocaleString('en')} phones in ${generateSeconds.toFixed(1)} s: ` +
  `${Math.round(generated / generateSeconds).toLocaleString('en')} customers/s, ${Math.round((generated + phones) / generateSeconds).toLocaleString('en')} rows/s (all indexes incl. trigram)`)
if (generated < CUSTOMERS) console.log(`  (time box reached: measuring over ${generated.toLocaleString('en')} customers, not ${CUSTOMERS.toLocaleString('en')})`)

/** The four ways a caller number reaches the agent frame, and unknown numbers (every format in turn). */
const FORMATS = {
  '+86 spaced': (n) => `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
  '0086-…': (n) => `0086-${n}`,
  'bare 11 digits': (n) => n,
  'last 8 (local)': (n) => n.slice(-8),
}
const formatNames = Object.keys(FORMATS)
const plan = Array.from({ length: REQUESTS }, (_, i) => {
  const format = formatNames[i % formatNames.length]
  if (Math.random() < MISS_SHARE) return { format, known: false, number: FORMATS[format]('199' + String(randomInt(100_000_000)).padStart(8, '0')) }
  const g = 1 + randomInt(generated)
  return { format, known: true, name: nameOf(g), number: FORMATS[format](mobileOf(g)) }
})

async function ask(item) {
  const started = performance.now()
  const response = await fetch(`${BASE}/api/v1/customers/match?number=${encodeURIComponent(item.number)}`, { headers: { authorization: `Bearer ${agent.token}` } })
  const text = await response.text()
  const ms = performance.now() - started
  const found = response.ok ? JSON.parse(text).data : []
  return { ...item, ms, status: response.status, hit: found.some((c) => c.name === item.name), answered: found.length > 0 }
}

const warmup = Math.min(200, Math.ceil(REQUESTS / 10))
await pool(plan.slice(0, warmup), CONCURRENCY, ask)
console.log(`GET /customers/match as an agent (data scope: own customers): ${REQUESTS} requests, ${CONCURRENCY} at a time, after ${warmup} warm-up requests…`)
const samples = []
const measureStart = performance.now()
await pool(plan, CONCURRENCY, async (item) => samples.push(await ask(item)))
const measureSeconds = (performance.now() - measureStart) / 1000
for (const format of formatNames) summary(format, samples.filter((s) => s.format === format))
summary(`all, ${CONCURRENCY} at a time`, samples)
const known = samples.filter((s) => s.known)
const unknown = samples.filter((s) => !s.known)
console.log(`throughput ${Math.round(samples.length / measureSeconds)} req/s; errors ${samples.filter((s) => s.status >= 400).length}; ` +
  `hit rate ${((100 * known.filter((s) => s.hit).length) / Math.max(1, known.length)).toFixed(2)} % of ${known.length} known numbers; ` +
  `${unknown.filter((s) => s.answered).length} of ${unknown.length} unknown numbers answered (last-8 collisions)`)
const serial = []
await pool(plan.slice(0, SERIAL), 1, async (item) => serial.push(await ask(item)))
summary('all, one at a time', serial)

if (KEEP) {
  console.log(`kept the generated customers in organisation ${slug} (tenant ${tenantId})`)
} else {
  const cleanupStart = performance.now()
  await inTenant(db, tenantId, async () => {
    await db.query('delete from customer_phones where tenant_id = $1', [tenantId])
    await db.query('delete from customers where tenant_id = $1', [tenantId])
  })
  console.log(`deleted the organisation's ${generated.toLocaleString('en')} customers and their phones in ${((performance.now() - cleanupStart) / 1000).toFixed(1)} s (the organisation ${slug} stays)`)
}
await db.end()
