/**
 * Reverse mode with real media: the admin lists a CRM site (http://localhost:<port>, another origin
 * than the platform's 127.0.0.1) in the organisation settings; the sample CRM page on that site
 * frames the call bar (/embed/<slug>/callbar), the agent signs in inside the frame, and the CRM page
 * drives the call through the agent SDK (`connectToFrame`): ready, the offer of a web call, answer,
 * hold and retrieve (the media server enforces both), hang up, receiving every event. The same CRM
 * page from an origin the organisation did not list is framed (the platform's own origin) but its
 * hello is ignored: E_TIMEOUT. Inside the frame, with nothing driving it from the CRM page, the agent
 * answers, sends tones from the keypad and transfers the call to a colleague from the transfer
 * dialog (the caller then hears the colleague), then consults the colleague on a second call and
 * completes the transfer. Screenshots at 1366×768 in English and Chinese.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap, tenantRows } from './harness.mjs'
import { media } from './media.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite({ media: true, missing: process.env.LIVEKIT_URL ? null : 'LIVEKIT_URL is not set: the LiveKit server did not start' })
const api = suite.api
const { invite, signIn, hears, waitHearing, waitForCall, newPage, goReady } = media(suite, PASSWORD)

/** Waits until the CRM page's log shows a line containing `text` (else fails with the log). */
async function logLine(page, text, timeout = 20_000) {
  try {
    await page.locator('[data-testid="crm-log"] li', { hasText: text }).first().waitFor({ timeout })
  } catch (error) {
    const lines = await page.locator('[data-testid="crm-log"] li').allInnerTexts()
    throw new Error(`no "${text}" in the CRM page's log:\n${lines.join('\n')}`, { cause: error })
  }
}

/** An organisation with an agent in a queue that a web-call widget reaches. */
async function organisation(prefix) {
  const slug = `${prefix}-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: 'Northwind Desk', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const roles = Object.fromEntries((await api('GET', '/roles', admin)).data.map((r) => [r.key, r.id]))
  const lin = await invite(admin, slug, roles, 'Lin Agent', 'agent')
  const sales = (await api('POST', '/queues', admin, { name: 'Sales', wrapUpSeconds: 120 })).data
  await api('PUT', `/queues/${sales.id}/members`, admin, { userIds: [lin.id] })
  return { slug, admin, roles, lin, sales }
}

/** Opens the sample CRM page of `crmOrigin` framing the call bar, and signs the agent in inside the frame. */
async function crmWithCallBar(slug, agent, crmOrigin, extra = '') {
  const crm = await newPage()
  await crm.goto(`${crmOrigin}/sdk-sample/crm.html?slug=${slug}&platform=${encodeURIComponent(suite.platform.baseUrl)}${extra}`)
  const frame = crm.getByTestId('crm-callbar-frame').contentFrame()
  await frame.getByTestId('embed-sign-in').waitFor()
  await frame.getByTestId('embed-email').fill(agent.email)
  await frame.getByTestId('embed-password').fill(PASSWORD)
  await frame.getByTestId('embed-password').press('Enter')
  await frame.getByTestId('workspace-call-bar').waitFor()
  return { crm, frame }
}

test('a CRM page frames the call bar and drives a web call through the SDK: ready, offer, answer, hold, retrieve, hang up', { skip: suite.reason ?? false, timeout: 300_000 }, async () => {
  const { slug, admin, lin, sales } = await organisation('cbe')
  const entry = (await api('POST', '/entry-points', admin, { kind: 'web', name: 'Website', target: { type: 'queue', queueId: sales.id } })).data
  const port = new URL(suite.platform.baseUrl).port
  const crmOrigin = `http://localhost:${port}`

  // The admin lists the CRM site in the settings page (a path is refused on the spot).
  const adminPage = await signedInPage(suite, { slug, email: `admin@${slug}.test`, password: PASSWORD })
  await adminPage.goto(`${suite.platform.baseUrl}/settings`)
  const origins = adminPage.getByTestId('settings-callbar-origins')
  await origins.click()
  await adminPage.keyboard.type(`${crmOrigin}/crm`)
  await adminPage.keyboard.press('Enter')
  await adminPage.getByTestId('settings-save').click()
  await adminPage.getByTestId('field-error').filter({ hasText: 'is not an origin' }).waitFor()
  await origins.locator('.ant-select-selection-item-remove').click()
  await origins.click()
  await adminPage.keyboard.type(crmOrigin)
  await adminPage.keyboard.press('Enter')
  await adminPage.keyboard.press('Escape')
  await adminPage.getByTestId('settings-save').click()
  await adminPage.locator('.ant-message-notice').first().waitFor()
  assert.deepEqual((await api('GET', '/tenant', admin)).data.callBarEmbedOrigins, [crmOrigin])
  assert.match(await adminPage.getByTestId('settings-callbar-url').innerText(), new RegExp(`/embed/${slug}/callbar$`))
  await snap(adminPage, '90-settings-callbar-embedding')
  await adminPage.close()
  const framed = await fetch(`${suite.platform.baseUrl}/embed/${slug}/callbar`)
  assert.equal(framed.headers.get('content-security-policy'), `frame-ancestors 'self' ${crmOrigin}`)
  assert.equal(framed.headers.get('x-frame-options'), null)

  // The CRM page (another origin) frames the call bar; the agent signs in inside it; the SDK connects.
  const { crm, frame } = await crmWithCallBar(slug, lin, crmOrigin)
  await crm.locator('[data-testid="crm-status"][data-state="connected"]').waitFor()
  await frame.locator('[data-testid="embed-link"][data-state="connected"]').waitFor()
  assert.match(await frame.getByTestId('embed-link').innerText(), new RegExp(crmOrigin))
  // The call bar knows the agent's state before the page asks to change it.
  await frame.locator('[data-testid="workspace-call-bar"][data-state]').waitFor()

  await crm.getByTestId('crm-ready').click()
  await logLine(crm, 'agent.stateChanged ready')
  await frame.locator('[data-testid="workspace-call-bar"][data-state="ready"]').waitFor()

  // A customer calls from the website; the CRM page hears the offer and answers it.
  const customer = await newPage()
  await customer.goto(`${suite.platform.baseUrl}/call/${entry.widgetKey}`)
  await customer.getByTestId('web-call-start').click()
  await customer.waitForSelector('[data-testid="web-call"][data-call-state="connected"]')
  const callId = await customer.getByTestId('web-call').getAttribute('data-call-id')
  await waitForCall(admin, callId, (c) => c.status === 'offered' && c.agentId === lin.id)
  await logLine(crm, 'call.offered')
  await frame.getByTestId('embed-offer').waitFor()
  await crm.getByTestId('crm-answer').click()
  await logLine(crm, 'answer → ok')
  await logLine(crm, 'call.answered')
  await frame.locator('[data-testid="embed-call-bar"][data-media-state="connected"]').waitFor()
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`)

  // Hold and retrieve from the CRM page: the media server enforces both, the CRM hears about both.
  await crm.getByTestId('crm-hold').click()
  await logLine(crm, 'hold → ok')
  await logLine(crm, 'call.held')
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`, false)
  assert.equal((await api('GET', `/calls/${callId}`, admin)).data.onHold, true)
  await frame.getByTestId('embed-on-hold').waitFor()
  await snap(crm, '91-crm-callbar-held-en')
  await crm.getByTestId('crm-retrieve').click()
  await logLine(crm, 'call.retrieved')
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`)
  assert.equal((await api('GET', `/calls/${callId}`, admin)).data.onHold, false)

  // The agent switches the call bar to Chinese inside the frame.
  await frame.getByTestId('language-switch').click()
  await frame.getByTestId('language-option-zh-CN').click()
  await frame.getByText('保持').first().waitFor()
  await snap(crm, '92-crm-callbar-connected-zh-CN')

  await crm.getByTestId('crm-hangup').click()
  await logLine(crm, 'hangup → ok')
  await logLine(crm, 'call.ended')
  await waitForCall(admin, callId, (c) => c.status === 'ended')
  await frame.getByTestId('embed-disposition').waitFor()

  const lines = (await crm.locator('[data-testid="crm-log"] li').allInnerTexts()).reverse()
  const events = lines.filter((l) => /^#\d+ /.test(l))
  const seqs = events.map((l) => Number(/^#(\d+)/.exec(l)[1]))
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `events arrive in order: ${events.join(' | ')}`)
  const topics = events.map((l) => l.split(' ')[1])
  const order = ['call.offered', 'call.answered', 'call.held', 'call.retrieved', 'call.ended']
  for (const topic of ['agent.stateChanged', ...order]) assert.ok(topics.includes(topic), `${topic} among ${topics.join(', ')}`)
  assert.deepEqual(order.map((t) => topics.indexOf(t)), [...order.map((t) => topics.indexOf(t))].sort((a, b) => a - b), topics.join(', '))
  await snap(crm, '93-crm-callbar-wrap-up-zh-CN')

  // Signing out inside the frame stays in the frame; the CRM page reconnects after the next sign-in.
  await frame.getByTestId('embed-sign-out').click()
  await frame.getByTestId('embed-sign-in').waitFor()
  await crm.locator('[data-testid="crm-status"][data-state="connecting"]').waitFor()
  assert.ok(crm.frames().some((f) => new URL(f.url()).pathname === `/embed/${slug}/callbar`), 'the frame did not leave for the console')
  await frame.getByTestId('embed-email').fill(lin.email)
  await frame.getByTestId('embed-password').fill(PASSWORD)
  await frame.getByTestId('embed-password').press('Enter')
  await crm.locator('[data-testid="crm-status"][data-state="connected"]').waitFor()
  assert.equal(await crm.getByTestId('crm-agent').getAttribute('data-state'), 'wrap_up')
  for (const page of [crm, customer]) await page.context().close()
})

test('a CRM page the organisation did not list is ignored by the call bar: the SDK times out', { skip: suite.reason ?? false, timeout: 180_000 }, async () => {
  const { slug, admin, lin } = await organisation('cbx')
  const port = new URL(suite.platform.baseUrl).port
  await api('PATCH', '/tenant', admin, { callBarEmbedOrigins: [`http://localhost:${port}`] })

  // The platform's own origin may frame the page ('self') but is not a listed CRM: no answer.
  const { crm, frame } = await crmWithCallBar(slug, lin, suite.platform.baseUrl, '&timeout=8000')
  await frame.locator('[data-testid="embed-link"][data-state="not_listed"]').waitFor()
  await crm.locator('[data-testid="crm-status"][data-state="refused"]').waitFor({ timeout: 20_000 })
  assert.equal(await crm.getByTestId('crm-status').getAttribute('data-code'), 'E_TIMEOUT')
  await crm.getByTestId('crm-ready').click()
  assert.match((await crm.locator('[data-testid="crm-log"] li').allInnerTexts())[0], /E_NOT_CONNECTED/)
  assert.equal((await api('GET', '/agents', admin)).data.find((a) => a.userId === lin.id)?.state ?? 'offline', 'offline', 'the unlisted page changed nothing')
  await snap(crm, '94-crm-callbar-not-listed')
  // In a narrow frame the bar wraps onto more rows and still fits about 200 px.
  await crm.getByTestId('crm-callbar-frame').evaluate((el) => Object.assign(el.style, { width: '420px', height: '210px' }))
  await crm.waitForTimeout(300)
  const height = await frame.locator('body').evaluate((body) => body.scrollHeight)
  assert.ok(height <= 210, `the call bar fits a 420 px wide frame (${height} px high)`)
  await snap(crm, '95-crm-callbar-narrow')

  // Opened on its own, the page says it belongs in a frame.
  const alone = await newPage()
  await alone.goto(`${suite.platform.baseUrl}/embed/${slug}/callbar`)
  await alone.getByTestId('embed-not-framed').waitFor()
  for (const page of [crm, alone]) await page.context().close()
})

/** The height the framed page needs. */
function frameHeight(frame) {
  return frame.locator('body').evaluate((body) => body.scrollHeight)
}

/** Where the open dialog sits in the frame, once it has finished zooming in: whole inside the frame's viewport. */
async function dialogFits(frame) {
  const box = await frame.locator('.ant-modal').evaluate(async (modal) => {
    await Promise.all(modal.getAnimations({ subtree: true }).map((a) => a.finished))
    const r = modal.getBoundingClientRect()
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: innerWidth, height: innerHeight }
  })
  assert.ok(box.top >= 0 && box.left >= 0 && box.right <= box.width && box.bottom <= box.height, `the dialog fits the frame: ${JSON.stringify(box)}`)
}

/** A customer calls from the website; the agent answers inside the frame and the two hear each other. */
async function answeredInFrame(admin, frame, entry, agent) {
  const customer = await newPage()
  await customer.goto(`${suite.platform.baseUrl}/call/${entry.widgetKey}`)
  await customer.getByTestId('web-call-start').click()
  await customer.waitForSelector('[data-testid="web-call"][data-call-state="connected"]')
  const callId = await customer.getByTestId('web-call').getAttribute('data-call-id')
  await waitForCall(admin, callId, (c) => c.status === 'offered' && c.agentId === agent.id)
  await frame.getByTestId('embed-answer').click()
  await frame.locator('[data-testid="embed-call-bar"][data-media-state="connected"]').waitFor()
  await waitHearing(customer, 'web-call-subscribed', `a:${agent.id}`)
  return { customer, callId }
}

test('inside the framed call bar the agent sends tones from the keypad, transfers to a colleague, and consults then completes', { skip: suite.reason ?? false, timeout: 300_000 }, async () => {
  const { slug, admin, roles, lin, sales } = await organisation('cbt')
  const tenantId = (await api('GET', '/tenant', admin)).data.id
  const wang = await invite(admin, slug, roles, 'Wang Agent', 'agent')
  const entry = (await api('POST', '/entry-points', admin, { kind: 'web', name: 'Website', target: { type: 'queue', queueId: sales.id } })).data
  const crmOrigin = `http://localhost:${new URL(suite.platform.baseUrl).port}`
  await api('PATCH', '/tenant', admin, { callBarEmbedOrigins: [crmOrigin] })

  // Wang works in the console's workspace; Lin in the CRM's framed call bar, which the page leaves alone.
  const wangPage = await newPage()
  await signIn(wangPage, slug, wang.email)
  await goReady(wangPage)
  const { crm, frame } = await crmWithCallBar(slug, lin, crmOrigin)
  await frame.locator('[data-testid="embed-link"][data-state="connected"]').waitFor()
  await frame.getByTestId('workspace-ready').click()
  await frame.locator('[data-testid="workspace-call-bar"][data-state="ready"]').waitFor()
  // Ready, the agent could dial out from the compact dial field.
  await frame.getByTestId('workspace-dial-form').waitFor()
  assert.ok((await frameHeight(frame)) <= 132, `the ready call bar with its dial field fits the 132 px frame (${await frameHeight(frame)} px)`)
  await frame.locator('.strip').hover({ position: { x: 4, y: 4 } })
  await frame.locator('.ant-tooltip').waitFor({ state: 'hidden' })
  await snap(crm, '96a-crm-callbar-ready-dial-en')

  const first = await answeredInFrame(admin, frame, entry, lin)

  // The keypad: each key sends a tone (the bot plays it into the room); the digits sent show.
  for (const id of ['embed-transfer', 'embed-consult', 'embed-keypad']) await frame.getByTestId(id).waitFor()
  await frame.getByTestId('embed-keypad').click()
  for (const key of ['1', '2', 'hash']) await frame.getByTestId(`dial-pad-${key}`).click()
  await frame.getByTestId('embed-digits').filter({ hasText: '12#' }).waitFor()
  // Typing a digit while the keypad is open sends it too (once the last key's request is answered).
  await frame.locator('[data-testid="dial-pad-5"]:not([disabled])').waitFor()
  await frame.locator('body').press('5')
  await frame.getByTestId('embed-digits').filter({ hasText: '12#5' }).waitFor()
  const deadline = Date.now() + 10_000
  let sent = []
  while (Date.now() < deadline && sent.join('') !== '12#5') {
    sent = (await tenantRows(tenantId, `select payload->>'digits' as digits from domain_events where entity_id = $1 and type = 'call.dtmf_sent' order by occurred_at, id`, [first.callId])).map((r) => r.digits)
    await new Promise((r) => setTimeout(r, 250))
  }
  assert.deepEqual(sent, ['1', '2', '#', '5'], 'each key became one call.dtmf_sent event')
  // The open keypad (one row of keys) still fits the CRM's full-width frame.
  assert.ok((await frameHeight(frame)) <= 132, `the call bar with its keypad fits the 132 px frame (${await frameHeight(frame)} px)`)
  await snap(crm, '96-crm-callbar-keypad-en')
  // A modal cannot fit 132 px: there the dialog keeps a usable body and the frame scrolls to it.
  await frame.getByTestId('embed-transfer').click()
  await frame.getByTestId('transfer-agent').scrollIntoViewIfNeeded()
  assert.ok(await frame.locator('.ant-modal-body').evaluate((body) => body.clientHeight >= 96), 'the dialog body keeps its height in a short frame')
  await frame.getByTestId('transfer-agent').click()
  await frame.locator('.ant-select-item-option', { hasText: 'Wang Agent' }).waitFor()
  await snap(crm, '96c-crm-callbar-transfer-short-frame-en')
  await crm.keyboard.press('Escape')
  await crm.keyboard.press('Escape')
  await frame.locator('.ant-modal').waitFor({ state: 'hidden' })

  // For the dialogs the CRM gives the bar a narrow side panel (a modal needs more than 132 px).
  await crm.getByTestId('crm-callbar-frame').evaluate((el) => Object.assign(el.style, { width: '420px', height: '360px' }))
  await crm.waitForTimeout(300)
  await snap(crm, '96b-crm-callbar-keypad-narrow-en')
  assert.ok((await frameHeight(frame)) <= 360, `the call bar with its keypad fits a 420×360 frame (${await frameHeight(frame)} px)`)
  // The transfer dialog opens from the keyboard, fits the frame, and Escape closes it.
  await frame.getByTestId('embed-transfer').focus()
  await crm.keyboard.press('Enter')
  await frame.getByTestId('transfer-kind-agent').waitFor()
  await dialogFits(frame)
  await snap(crm, '97-crm-callbar-transfer-en')
  await crm.keyboard.press('Escape')
  await frame.locator('.ant-modal').waitFor({ state: 'hidden' })

  // In Chinese: the keypad, then the transfer dialog, from which Lin transfers the call to Wang.
  await frame.getByTestId('language-switch').click()
  await frame.getByTestId('language-option-zh-CN').click()
  await frame.getByText('拨号盘').first().waitFor()
  await snap(crm, '98-crm-callbar-keypad-zh-CN')
  await frame.getByTestId('embed-transfer').click()
  await frame.getByText('转接通话').waitFor()
  await frame.getByTestId('transfer-kind-agent').click()
  await frame.getByTestId('transfer-agent').click()
  await frame.locator('.ant-select-item-option', { hasText: 'Wang Agent' }).click()
  await dialogFits(frame)
  await snap(crm, '99-crm-callbar-transfer-zh-CN')
  await frame.locator('.ant-modal-footer .ant-btn-primary').click()
  await frame.locator('[data-testid="workspace-call-bar"][data-state="wrap_up"]').waitFor()
  await wangPage.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  await wangPage.getByTestId('workspace-answer').click()
  await waitHearing(first.customer, 'web-call-subscribed', `a:${wang.id}`)
  await waitHearing(first.customer, 'web-call-subscribed', `a:${lin.id}`, false)
  let call = (await api('GET', `/calls/${first.callId}`, admin)).data
  assert.deepEqual([call.status, call.agentId, call.transferCount], ['connected', wang.id, 1])
  await wangPage.getByTestId('workspace-hangup').click()
  await first.customer.waitForSelector('[data-testid="web-call"][data-call-state="ended"]')
  await wangPage.getByTestId('workspace-ready').click()
  await wangPage.locator('[data-testid="workspace-state"][data-state="ready"]').waitFor()

  // A second call: Lin consults Wang from the frame, they talk (the caller on hold), Lin completes.
  await frame.getByTestId('workspace-ready').click()
  await frame.locator('[data-testid="workspace-call-bar"][data-state="ready"]').waitFor()
  const second = await answeredInFrame(admin, frame, entry, lin)
  await frame.getByTestId('embed-consult').click()
  await frame.getByTestId('consult-agent').click()
  await frame.locator('.ant-select-item-option', { hasText: 'Wang Agent' }).click()
  await dialogFits(frame)
  await frame.locator('.ant-modal-footer .ant-btn-primary').click()
  await wangPage.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  await wangPage.getByTestId('workspace-answer').click()
  await frame.locator('[data-testid="workspace-consult-state"][data-state="talking"]').waitFor()
  await waitHearing(wangPage, 'workspace-subscribed', `a:${lin.id}`)
  assert.ok(!(await hears(second.customer, 'web-call-subscribed')).includes(`a:${wang.id}`), 'the caller does not hear the consultation')
  await snap(crm, '99a-crm-callbar-consulting-zh-CN')
  await frame.getByTestId('workspace-consult-complete').click()
  await frame.locator('[data-testid="workspace-call-bar"][data-state="wrap_up"]').waitFor()
  await waitHearing(second.customer, 'web-call-subscribed', `a:${wang.id}`)
  await waitHearing(second.customer, 'web-call-subscribed', `a:${lin.id}`, false)
  call = (await api('GET', `/calls/${second.callId}`, admin)).data
  assert.deepEqual([call.status, call.agentId], ['connected', wang.id])
  for (const page of [crm, wangPage, first.customer, second.customer]) await page.context().close()
})
