/**
 * Customer import throughput: signs up its own organisation (default country CN), and for each
 * size (default 100,000 and 1,000,000 rows) generates a CSV as a Chinese call center would have it
 * (name, mobile written `138 0013 8000`, e-mail, tags, a choice custom field; 2 % broken phone
 * numbers, 1 % repeated numbers), uploads it through POST /customers/imports, runs it with the
 * default dedupe policy (skip on phone) and polls the import until it ends. Meanwhile it asks
 * GET /auth/me every 200 ms and reports how long the server takes to answer during the import (the
 * import runs in the web process, between requests). Prints rows/s, the counts and the request
 * latency, then deletes the imported customers (`--keep` leaves them). Loopback `npm start` only;
 * bounded in rows and time.
 *
 *   node loadtest/bench/crm-import-bench.mjs --rows=100000,1000000
 *
 * Database (for the cleanup only): DATABASE_APP_URL, else the embedded cluster of `npm start`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { databaseUrl, percentile } from './dev-db.mjs'

const flag = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const BASE = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3333}`
const SIZES = flag('rows', '100000,1000000').split(',').map(Number)
const MAX_SECONDS = Number(flag('max-seconds', 3600))
const KEEP = process.argv.includes('--keep')
const DEADLINE = Date.now() + MAX_SECONDS * 1000
const PASSWORD = `bench ${randomBytes(6).toString('hex')}`
if (!/^https?:\/\/(127\.|localhost|\[::1\])/.test(BASE)) throw new Error('Benchmarks target loopback only')
if (SIZES.some((n) => !(n > 0 && n <= 1_000_000))) throw new Error('--rows takes sizes from 1 to 1,000,000')

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '欧阳', '司马']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳']
const GRADES = ['A', 'B', 'C']

async function api(method, route, token, body) {
  const response = await fetch(`${BASE}/api/v1${route}`, {
    method,
    headers: { ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text.slice(0, 500)}`)
  return text ? JSON.parse(text) : null
}

/** Writes the CSV of `rows` customers; answers the file path and how many rows are broken or repeated. */
async function generate(rows, offset) {
  const file = path.join(os.tmpdir(), `crm-import-bench-${rows}-${process.pid}.csv`)
  const out = fs.createWriteStream(file)
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write('姓名,手机,邮箱,标签,等级,备注\n')
  let broken = 0
  let repeated = 0
  for (let i = 0; i < rows; i++) {
    const g = offset + i
    const digits = String((g * 48271) % 100_000_000).padStart(8, '0')
    let mobile = `139 ${digits.slice(0, 4)} ${digits.slice(4)}`
    if (i % 50 === 7) {
      mobile = `12-${digits}`
      broken++
    } else if (i % 100 === 13 && i > 0) {
      const h = String(((g - 1) * 48271) % 100_000_000).padStart(8, '0')
      mobile = `139 ${h.slice(0, 4)} ${h.slice(4)}`
      repeated++
    }
    await write(`${SURNAMES[g % SURNAMES.length]}${GIVEN[Math.floor(g / 12) % GIVEN.length]}${g},${mobile},c${g}@bench.example.cn,"批量,${g % 7 === 0 ? 'VIP' : '普通'}",${GRADES[g % 3]},第${g}行\n`)
  }
  out.end()
  await once(out, 'finish')
  return { file, broken, repeated }
}



const slug = `bench-${randomBytes(3).toString('hex')}`
console.log(`organisation ${slug}: signing up…`)
const signup = await api('POST', '/signup', null, { organisationName: `CRM import bench ${slug}`, slug, timeZone: 'Asia/Shanghai', locale: 'zh-CN', defaultCountry: 'CN', adminName: 'Bench', adminEmail: `admin@${slug}.test`, password: PASSWORD })
const tenantId = signup.data.tenant.id
const token = signup.data.token
await api('POST', '/customer-fields', token, { key: 'grade', label: '等级', type: 'choice', options: GRADES })

let offset = 0
for (const rows of SIZES) {
  if (Date.now() > DEADLINE) break
  const generateStart = performance.now()
  const { file, broken, repeated } = await generate(rows, offset)
  offset += rows
  const bytes = fs.statSync(file).size
  console.log(`\n${rows.toLocaleString('en')} rows: generated ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - generateStart) / 1000).toFixed(1)} s (${broken} broken phones, ${repeated} repeated numbers)`)

  const form = new FormData()
  form.append('file', await fs.openAsBlob(file, { type: 'text/csv' }), 'customers.csv')
  const uploadStart = performance.now()
  const created = (await api('POST', '/customers/imports', token, form)).data
  const uploadSeconds = (performance.now() - uploadStart) / 1000
  console.log(`upload + header/sample/row count: ${uploadSeconds.toFixed(1)} s; encoding ${created.encoding}, ${created.totalRows.toLocaleString('en')} data rows, mapping ${created.mapping.map((m) => m.target).join(', ')}`)

  const start = performance.now()
  await api('POST', `/customers/imports/${created.id}/run`, token)
  const pings = []
  let pinging = true
  const pinger = (async () => {
    while (pinging && Date.now() < DEADLINE) {
      const t = performance.now()
      const response = await fetch(`${BASE}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })
      await response.arrayBuffer()
      pings.push({ ms: performance.now() - t, ok: response.ok })
      await new Promise((r) => setTimeout(r, 200))
    }
  })()
  let state = created
  let lastReport = 0
  while (Date.now() < DEADLINE) {
    await new Promise((r) => setTimeout(r, 1000))
    state = (await api('GET', `/customers/imports/${created.id}`, token)).data
    const seconds = (performance.now() - start) / 1000
    if (seconds - lastReport >= 10 || !['queued', 'running'].includes(state.status)) {
      lastReport = seconds
      console.log(`  ${state.status} ${state.progress.percent ?? 0} %: ${state.progress.done.toLocaleString('en')} rows in ${seconds.toFixed(0)} s (${Math.round(state.progress.done / seconds).toLocaleString('en')} rows/s)`)
    }
    if (!['queued', 'running'].includes(state.status)) break
  }
  pinging = false
  await pinger
  const seconds = (performance.now() - start) / 1000
  const ms = pings.map((p) => p.ms).sort((a, b) => a - b)
  console.log(`import ${state.status}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s ` +
    `(created ${state.counts.created.toLocaleString('en')}, skipped ${state.counts.skipped.toLocaleString('en')}, failed ${state.counts.failed.toLocaleString('en')})`)
  console.log(`GET /auth/me during the import: n=${ms.length} p50=${percentile(ms, 0.5).toFixed(0)} ms p99=${percentile(ms, 0.99).toFixed(0)} ms max=${ms.at(-1).toFixed(0)} ms, errors ${pings.filter((p) => !p.ok).length}`)
  fs.rmSync(file, { force: true })
}

if (KEEP) {
  console.log(`\nkept the imported customers in organisation ${slug} (tenant ${tenantId})`)
} else {
  const db = new pg.Client({ connectionString: databaseUrl() })
  await db.connect()
  await db.query('begin')
  await db.query(`select set_config('app.tenant_id', $1, true)`, [tenantId])
  await db.query('delete from customers where tenant_id = $1', [tenantId])
  await db.query('commit')
  await db.end()
  console.log(`\ndeleted the organisation's imported customers (the organisation ${slug} stays)`)
}
