/**
 * End-to-end for the data center: a fresh organisation's history (a few thousand synthetic calls of
 * its real queues and agents) goes through the real pipeline — published to Kafka as the outbox
 * would, ingested by the backend's embedded ingestor into the analytics store. An executive then
 * opens /datacenter for the last 30 days, sees the API's numbers on the tiles, drills into the
 * offered calls (as many rows as the tile says), saves the view as a report and reopens it, exports
 * XLSX and watches the job reach 100 %, and reads it all in Chinese. Screenshots in both languages.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { Kafka, logLevel } from 'kafkajs'
import { browserSuite, signedInPage, snap, switchLanguage } from './harness.mjs'
import { media } from './media.mjs'
import { partitionKeyOf, topicOf } from '../../analytics/src/envelope.ts'
import { DayEvents } from '../../analytics/src/synthetic/events_mode.ts'
import { parseGenerateArgs } from '../../analytics/src/synthetic/options.ts'
import { Simulation } from '../../analytics/src/synthetic/simulate.ts'

const PASSWORD = 'e2e password 123'
const TIME_ZONE = 'Asia/Shanghai'
const CALLS = 3000
const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean)
const suite = browserSuite({ missing: brokers.length ? null : 'KAFKA_BROKERS is not set (the data must come through Kafka)' })
const api = suite.api
const people = media(suite, PASSWORD)

test('an executive reads the data center of a synthetic history, drills down, saves a report and exports it', { skip: suite.reason ?? false, timeout: 600_000 }, async () => {
  const slug = `dc-${randomBytes(3).toString('hex')}`
  const signup = (await api('POST', '/signup', null, { organisationName: '数据中心测试', slug, timeZone: TIME_ZONE, defaultCountry: 'CN', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data
  const admin = signup.token
  const tenantId = signup.tenant.id
  const roles = Object.fromEntries((await api('GET', '/roles', admin)).data.map((r) => [r.key, r.id]))
  const queues = [(await api('POST', '/queues', admin, { name: 'Sales' })).data, (await api('POST', '/queues', admin, { name: '客服热线' })).data]
  const agents = []
  for (const name of ['Amy Agent', 'Bo Agent', 'Chen Agent']) agents.push(await people.invite(admin, slug, roles, name, 'agent'))
  const executive = await people.invite(admin, slug, roles, 'Eve Executive', 'executive')

  const published = await publishHistory(tenantId, queues.map((q) => q.id), agents.map((a) => a.id))
  console.log(`[datacenter] published ${published.events} events of ${published.calls} calls`)
  const token = (await api('POST', '/auth/login', null, { tenant: slug, email: executive.email, password: PASSWORD })).data.token
  const offered = await waitForIngest(token)
  console.log(`[datacenter] ingested: ${offered} offered in the last 30 days`)

  const page = await signedInPage(suite, { slug, email: executive.email, password: PASSWORD, acceptDownloads: true })
  const refused = []
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 400) refused.push(`${response.request().method()} ${response.url()} → ${response.status()}`)
  })
  try {
    await readDrillSaveExport(page, token)
  } catch (err) {
    await snap(page, '69-datacenter-failure')
    if (refused.length) err.message += `\nAPI calls refused: ${refused.join('; ')}`
    throw err
  }
})

/**
 * A synthetic history of the organisation's own queues and agents (the generator's simulation,
 * its ids swapped for the real ones), published to Kafka with the outbox's topics and keys.
 */
async function publishHistory(tenantId, queueIds, agentIds) {
  const options = parseGenerateArgs([`--tenant=${tenantId}`, `--calls=${CALLS}`, '--days=28', `--queues=${queueIds.length}`, `--agents=${agentIds.length}`, `--tz=${TIME_ZONE}`, '--mode=events', `--seed=${tenantId}`])
  const sim = new Simulation(options)
  sim.queues.forEach((queue, i) => (queue.id = queueIds[i]))
  sim.agents.forEach((agent, i) => (agent.id = agentIds[i]))
  const kafka = new Kafka({ clientId: 'e2e-datacenter', brokers, logLevel: logLevel.NOTHING })
  const producer = kafka.producer()
  await producer.connect()
  const sink = new DayEvents(tenantId)
  let calls = 0
  let events = 0
  try {
    for (let d = 0; d < sim.days.length; d++) {
      calls += sim.runDay(d, sink)
      const byTopic = new Map()
      for (const event of sink.envelopes()) {
        const topic = topicOf(event.type)
        if (!byTopic.has(topic)) byTopic.set(topic, [])
        byTopic.get(topic).push({ key: partitionKeyOf(event), value: JSON.stringify(event) })
        events += 1
      }
      await producer.sendBatch({ topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) })
    }
  } finally {
    await producer.disconnect()
  }
  return { calls, events }
}

/** The last 30 days (today included) in the organisation's zone, as the page's preset resolves them. */
function last30Days() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date())
  const start = (date) => new Date(`${date}T00:00:00+08:00`).toISOString()
  const shift = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
  return { from: start(shift(today, -29)), to: start(shift(today, 1)) }
}

/** Waits until the ingestor has caught up: the offered count is non-zero and steady. */
async function waitForIngest(token) {
  const { from, to } = last30Days()
  let last = -1
  let steady = 0
  for (let i = 0; i < 120; i++) {
    const total = (await api('GET', `/datacenter/kpis?from=${from}&to=${to}&by=total`, token)).data[0]
    const offered = total?.offered ?? 0
    steady = offered > 0 && offered === last ? steady + 1 : 0
    if (steady >= 2) return offered
    last = offered
    await new Promise((resolve) => setTimeout(resolve, 3000))
  }
  throw new Error(`the ingestor did not catch up (offered ${last})`)
}

/** The tile text of a KPI (its value element). */
async function tile(page, key) {
  return (await page.getByTestId(`dc-tile-${key}`).getByTestId('dc-tile-value').innerText()).trim()
}

const count = (text) => Number(text.replace(/[^\d]/g, ''))

/** The scenario on the executive's page. */
async function readDrillSaveExport(page, token) {
  const base = suite.platform.baseUrl
  // 1. The last 30 days: the tiles say what the API says for the same query.
  const totalAnswer = page.waitForResponse((r) => r.url().includes('/datacenter/kpis?') && r.url().includes('by=total'))
  await page.goto(`${base}/datacenter?range=last_30_days`)
  const query = new URL((await totalAnswer).url()).search
  const expected = (await api('GET', `/datacenter/kpis${query}`, token))
  const total = expected.data[0]
  await page.waitForFunction(() => !document.querySelector('[data-testid="dc-load-progress"]'), null, { timeout: 60_000 })
  for (const key of ['offered', 'answered', 'abandoned', 'transfers', 'rona']) {
    assert.equal(count(await tile(page, key)), total[key], `tile ${key}`)
  }
  assert.equal(await tile(page, 'service_level'), `${(total.service_level * 100).toFixed(1)}%`)
  assert.equal((await page.getByTestId('dc-sl-label').innerText()).trim(), expected.meta.serviceLevelLabel)
  assert.ok(total.offered > 1000, `a few thousand calls arrived (${total.offered} offered)`)
  // The leagues name the real queues and agents.
  await page.getByTestId('dc-league-queue').getByText('客服热线').waitFor()
  await page.getByTestId('dc-league-agent').getByText('Amy Agent').waitFor()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 1366, `nothing sticks out sideways (page ${width} px wide)`)
  await page.mouse.move(0, 0)
  await snap(page, '61-datacenter-en')

  // 2. Drill into the offered calls: as many rows as the tile says, 20 a page.
  await page.getByTestId('dc-tile-offered').getByTestId('dc-tile-value').click()
  await page.getByTestId('dc-drill-total').waitFor()
  assert.equal(count(await page.getByTestId('dc-drill-total').innerText()), total.offered)
  assert.match(await page.getByTestId('dc-drill-title').innerText(), /^Offered · [\d,]+ calls$/)
  assert.equal(await page.getByTestId('dc-drill-row').count(), Math.min(20, total.offered))
  await snap(page, '62-datacenter-drill-en')
  await page.keyboard.press('Escape')
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' })

  // 3. Save the view as a shared report, then reopen it from a fresh visit.
  await page.getByTestId('dc-save-report').click()
  await page.getByTestId('dc-report-name').fill('Monthly review')
  await page.getByTestId('dc-report-shared').click()
  await page.getByTestId('dc-report-name').press('Enter')
  await page.waitForURL((url) => url.searchParams.has('report'))
  const reportId = new URL(page.url()).searchParams.get('report')
  const saved = (await api('GET', `/datacenter/reports/${reportId}`, token)).data
  assert.deepEqual(saved.definition.range, { preset: 'last_30_days' })
  assert.equal(saved.shared, true)
  await page.goto(`${base}/datacenter`)
  await page.getByTestId('dc-reports').click()
  await page.getByTestId('dc-report-Monthly review').getByTestId('dc-report-open').click()
  await page.waitForURL((url) => url.searchParams.get('report') === reportId && url.searchParams.get('range') === 'last_30_days')
  await page.locator('app-page-header h1', { hasText: 'Monthly review' }).waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="dc-load-progress"]'), null, { timeout: 60_000 })
  assert.equal(count(await tile(page, 'offered')), total.offered)

  // 4. Export XLSX: the job's progress reaches 100 and the file downloads.
  const percents = []
  page.on('response', async (response) => {
    if (!/\/api\/v1\/jobs\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname)) return
    const job = (await response.json().catch(() => null))?.data
    if (job) percents.push(job.progress.percent)
  })
  const download = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByTestId('dc-export').click()
  await page.getByTestId('dc-export-xlsx').click()
  const file = await download
  assert.match(file.suggestedFilename(), /\.xlsx$/)
  assert.equal(percents.at(-1), 100, `job progress ${percents.join(', ')}`)

  // 5. The same page in Chinese.
  await switchLanguage(page, 'zh-CN', '数据中心')
  await page.getByTestId('dc-tile-service_level').getByText('服务水平').waitFor()
  await page.mouse.move(0, 0)
  await snap(page, '63-datacenter-zh-CN')
  await page.getByTestId('dc-tile-abandoned').getByTestId('dc-tile-value').click()
  await page.getByTestId('dc-drill-total').waitFor()
  await snap(page, '64-datacenter-drill-zh-CN')
  await page.keyboard.press('Escape')
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' })
  await switchLanguage(page, 'en', 'Data center')
}
