/**
 * A 100,000-row customer file imports in the background of the real server: the upload answers
 * at once with the row count, the job's progress is seen moving while it runs, and the server keeps
 * answering other requests during the import (the import yields between its batches).
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { browserSuite } from './harness.mjs'

const ROWS = 100_000
const BROKEN_EVERY = 1000
const PASSWORD = 'e2e password 123'
const suite = browserSuite()
const api = suite.api

/** The file: name, mobile, e-mail; every 1000th row has an unreadable number. */
function writeFile() {
  const file = path.join(os.tmpdir(), `import-load-${process.pid}.csv`)
  const lines = ['姓名,手机,邮箱']
  for (let i = 0; i < ROWS; i++) {
    const phone = i % BROKEN_EVERY === 999 ? 'no number' : `+86 139 ${String(i).padStart(8, '0').replace(/^(\d{4})/, '$1 ')}`
    lines.push(`客户${i},${phone},c${i}@load.example.cn`)
  }
  fs.writeFileSync(file, lines.join('\n') + '\n')
  return file
}

test('a 100,000-row file imports as a job with visible progress while the server keeps answering', { skip: suite.reason ?? false, timeout: 600_000 }, async () => {
  const slug = `imp-${randomBytes(3).toString('hex')}`
  const token = (await api('POST', '/signup', null, { organisationName: 'Import load', slug, timeZone: 'Asia/Shanghai', locale: 'zh-CN', defaultCountry: 'CN', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const file = writeFile()
  const form = new FormData()
  form.append('file', await fs.openAsBlob(file, { type: 'text/csv' }), 'load.csv')
  const uploaded = await fetch(`${suite.platform.baseUrl}/api/v1/customers/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
  fs.rmSync(file, { force: true })
  assert.equal(uploaded.status, 201, await uploaded.clone().text())
  const created = (await uploaded.json()).data
  assert.equal(created.totalRows, ROWS)
  assert.deepEqual(created.mapping.map((m) => m.target), ['name', 'phone', 'email'])

  await api('POST', `/customers/imports/${created.id}/run`, token)
  const progress = []
  const pings = []
  const deadline = Date.now() + 480_000
  let state = created
  while (Date.now() < deadline) {
    const started = performance.now()
    const me = await fetch(`${suite.platform.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })
    await me.arrayBuffer()
    pings.push({ status: me.status, ms: performance.now() - started })
    state = (await api('GET', `/customers/imports/${created.id}`, token)).data
    progress.push(state.progress.done)
    if (!['queued', 'running'].includes(state.status)) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  assert.equal(state.status, 'succeeded', state.error ?? state.status)
  const broken = ROWS / BROKEN_EVERY
  assert.deepEqual(state.counts, { created: ROWS - broken, updated: 0, skipped: 0, failed: broken, kept: 0 })
  assert.deepEqual(state.progress, { done: ROWS, total: ROWS, percent: 100 })

  const between = [...new Set(progress.filter((done) => done > 0 && done < ROWS))]
  assert.ok(between.length >= 3, `progress was seen moving (${between.join(', ')})`)
  assert.deepEqual(between, [...between].sort((a, b) => a - b), 'progress only grows')
  assert.ok(pings.length >= 5 && pings.every((p) => p.status === 200), 'every request during the import was answered')
  const ms = pings.map((p) => p.ms).sort((a, b) => a - b)
  console.log(`100,000 rows: ${progress.length} polls, progress seen at ${between.length} points; GET /auth/me during the import p50 ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, max ${ms.at(-1).toFixed(0)} ms`)

  const job = (await api('GET', `/jobs/${state.jobId}`, token)).data
  assert.equal(job.status, 'succeeded')
  const found = (await api('GET', `/customers?search=${encodeURIComponent('客户99998')}`, token)).data
  assert.deepEqual(found.map((c) => c.name), ['客户99998'])
  const report = await fetch(`${suite.platform.baseUrl}/api/v1/customers/imports/${created.id}/report`, { headers: { authorization: `Bearer ${token}` } })
  const lines = (await report.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
  assert.equal(lines.length, 1 + broken, 'the report has a line per failed row')
  assert.match(lines[1], /^1001,failed,"phone: ""no number"" is not a valid phone number",客户999,no number,/)
})
