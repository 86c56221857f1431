/**
 * The agent frame with real media: a web caller who gives their phone number reaches Lin; the
 * third-party app framed in Lin's workspace (another origin) answers the call through the SDK; the
 * screen pop shows the customer with that number, and so does the app through our REST API with
 * the origin-bound token it got from the SDK; the app holds the call (the media server stops
 * each side hearing the other) and retrieves it, and receives the events; Lin transfers the call to
 * Wang from the call bar, whose screen pop shows the same customer; the supervisor barges into
 * Wang's call from the supervisor console's grid. Screenshots of the frame at 1366×768 in English
 * and Chinese.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, snap, switchLanguage } from './harness.mjs'
import { media } from './media.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite({ media: true, missing: process.env.LIVEKIT_URL ? null : 'LIVEKIT_URL is not set: the LiveKit server did not start' })
const api = suite.api
const { invite, signIn, waitHearing, waitForCall, newPage, goReady } = media(suite, PASSWORD)

/** Waits until the sample app's log shows a line containing `text` (else fails with the log). */
async function logLine(frame, text) {
  try {
    await frame.locator('[data-testid="sdk-log"] li', { hasText: text }).first().waitFor()
  } catch (error) {
    const lines = await frame.locator('[data-testid="sdk-log"] li').allInnerTexts()
    throw new Error(`no "${text}" in the app's log:\n${lines.join('\n')}`, { cause: error })
  }
}

test('a framed app answers, holds and retrieves a web call through the SDK; the agent transfers it; the supervisor barges from the grid', { skip: suite.reason ?? false, timeout: 300_000 }, async () => {
  const slug = `af-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: 'Frame Desk', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const roles = Object.fromEntries((await api('GET', '/roles', admin)).data.map((r) => [r.key, r.id]))
  const lin = await invite(admin, slug, roles, 'Lin Agent', 'agent')
  const wang = await invite(admin, slug, roles, 'Wang Agent', 'agent')
  const zhao = await invite(admin, slug, roles, 'Zhao Supervisor', 'supervisor')
  const team = (await api('POST', '/teams', admin, { name: 'Floor', supervisorIds: [zhao.id] })).data
  await api('PUT', `/teams/${team.id}/members`, admin, { userIds: [lin.id, wang.id] })
  const sales = (await api('POST', '/queues', admin, { name: 'Sales', wrapUpSeconds: 120 })).data
  const support = (await api('POST', '/queues', admin, { name: 'Support' })).data
  await api('PUT', `/queues/${sales.id}/members`, admin, { userIds: [lin.id] })
  await api('PUT', `/queues/${support.id}/members`, admin, { userIds: [wang.id] })
  const entry = (await api('POST', '/entry-points', admin, { kind: 'web', name: 'Website', target: { type: 'queue', queueId: sales.id } })).data
  const port = new URL(suite.platform.baseUrl).port
  // Lin owns the customer; Wang sees it through their team (agents see their own and their team's customers).
  const known = (await api('POST', '/customers', admin, { kind: 'person', name: '王小明', phones: [{ number: '+86 138 0013 8000', label: 'mobile' }], ownerId: lin.id })).data
  const app = (await api('POST', '/embedded-apps', admin, { name: 'Sample CRM', urlTemplate: `http://localhost:${port}/sdk-sample/index.html?agent={agentId}`, capabilities: ['agent.read', 'calls.read', 'calls.control', 'api.rest'] })).data

  const linPage = await newPage()
  await signIn(linPage, slug, lin.email)
  await goReady(linPage)
  await linPage.getByRole('tab', { name: 'Sample CRM' }).click()
  const frame = linPage.locator(`[data-testid="embedded-app-frame"][data-app-id="${app.id}"]`).contentFrame()
  await frame.locator('[data-testid="sdk-status"][data-state="connected"]').waitFor()
  const wangPage = await newPage()
  await signIn(wangPage, slug, wang.email)
  await goReady(wangPage)

  // The customer calls from the widget straight into Sales; the app sees the offer and answers it.
  const customer = await newPage()
  await customer.goto(`${suite.platform.baseUrl}/call/${entry.widgetKey}`)
  await customer.getByTestId('web-call-name').fill('Wang Xiaoming')
  await customer.getByTestId('web-call-phone').fill('+86 138 0013 8000')
  await snap(customer, '79-web-call-visitor-details')
  await customer.getByTestId('web-call-start').click()
  await customer.waitForSelector('[data-testid="web-call"][data-call-state="connected"]')
  const callId = await customer.getByTestId('web-call').getAttribute('data-call-id')
  const offered = await waitForCall(admin, callId, (c) => c.status === 'offered' && c.agentId === lin.id)
  assert.equal(offered.ani, '+8613800138000', 'the number the visitor typed is the caller id, in E.164')
  await logLine(frame, 'call.offered')
  await frame.getByTestId('sdk-answer').click()
  await logLine(frame, 'answer → ok')
  await linPage.waitForSelector('[data-testid="workspace"][data-media-state="connected"]')
  await waitHearing(linPage, 'workspace-subscribed', `c:${callId}`)
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`)
  await logLine(frame, 'call.answered')

  // The screen pop on our customer panel found the customer by the number the visitor gave.
  await linPage.getByRole('tab', { name: 'Customer' }).click()
  const linPop = linPage.locator(`[data-testid="screen-pop-customer"][data-customer-id="${known.id}"]`)
  await linPop.waitFor()
  assert.match(await linPop.innerText(), /王小明/)
  await snap(linPage, '80-agent-frame-screen-pop')
  await linPage.getByRole('tab', { name: 'Sample CRM' }).click()
  await linPage.getByRole('tab', { name: 'Sample CRM', selected: true }).waitFor()
  await linPage.locator(`[data-testid="embedded-app-frame"][data-app-id="${app.id}"]`).waitFor({ state: 'visible' })

  // The app asks for a REST token through the SDK and finds the caller with our API from its own origin.
  // (dispatched, not a mouse click: the workspace's cards above the frame may still move it)
  await frame.getByTestId('sdk-lookup-caller').dispatchEvent('click')
  await logLine(frame, 'lookupCaller → ok ["王小明"]')

  // Hold and retrieve from the app: the media server enforces both, the app hears about both.
  await frame.getByTestId('sdk-hold').click()
  await logLine(frame, 'hold → ok')
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`, false)
  assert.equal((await api('GET', `/calls/${callId}`, admin)).data.onHold, true)
  await logLine(frame, 'call.held')
  await frame.getByTestId('sdk-retrieve').click()
  await logLine(frame, 'call.retrieved')
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`)
  assert.equal((await api('GET', `/calls/${callId}`, admin)).data.onHold, false)
  await snap(linPage, '82-agent-frame-en')
  await switchLanguage(linPage, 'zh-CN', '坐席工作台')
  await snap(linPage, '83-agent-frame-zh-CN')

  // Lin transfers the call to Wang from the call bar; the app sees the call leave Lin.
  await linPage.getByTestId('workspace-transfer').click()
  await linPage.getByTestId('transfer-kind-agent').click()
  await linPage.getByTestId('transfer-agent').click()
  await linPage.locator('.ant-select-item-option', { hasText: 'Wang Agent' }).click()
  await linPage.locator('.ant-modal-footer .ant-btn-primary').click()
  await wangPage.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  await wangPage.getByTestId('workspace-answer').click()
  await waitHearing(customer, 'web-call-subscribed', `a:${wang.id}`)
  await logLine(frame, 'call.ended')
  await wangPage.locator(`[data-testid="screen-pop-customer"][data-customer-id="${known.id}"]`).waitFor()

  // The supervisor barges into Wang's call from the grid: the customer hears the supervisor.
  const zhaoPage = await newPage()
  await signIn(zhaoPage, slug, zhao.email)
  await zhaoPage.goto(`${suite.platform.baseUrl}/supervisor`)
  const wangRow = zhaoPage.locator('[data-testid="supervisor-agent-row"][data-agent-name="Wang Agent"][data-state="busy"]')
  await wangRow.waitFor()
  await wangRow.getByTestId('supervisor-barge').click()
  await waitHearing(customer, 'web-call-subscribed', `s:${zhao.id}`, true, 20_000)
  await snap(zhaoPage, '84-supervisor-barge')
  await zhaoPage.getByTestId('supervisor-leave').click()
  await waitHearing(customer, 'web-call-subscribed', `s:${zhao.id}`, false)

  await wangPage.getByTestId('workspace-hangup').click()
  const ended = await waitForCall(admin, callId, (c) => c.status === 'ended')
  assert.deepEqual([ended.agentId, ended.transferCount], [wang.id, 1])
  for (const page of [linPage, wangPage, zhaoPage, customer]) await page.context().close()
})
