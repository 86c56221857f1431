/**
 * A third-party app framed in the agent workspace drives the call through the agent SDK: the
 * sample app (served from another origin, `localhost` instead of `127.0.0.1`) connects after the
 * origin-checked handshake, sees the offer, answers it, is refused an action the call does not allow
 * with the typed error, hangs up and receives the events in order. The same page loaded from an
 * origin the organisation did not list gets no answer at all.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap } from './harness.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite()
const api = suite.api

/** The log lines of the sample app, newest first. */
async function logOf(frame) {
  return frame.locator('[data-testid="sdk-log"] li').allInnerTexts()
}

test('a framed third-party app answers and hangs up a call through the SDK and receives its events; an unlisted origin gets nothing', { skip: suite.reason ?? false, timeout: 180_000 }, async () => {
  const slug = `sdk-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: 'SDK test', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const agentRole = (await api('GET', '/roles', admin)).data.find((r) => r.key === 'agent').id
  const email = `agent@${slug}.test`
  const agent = (await api('POST', '/users', admin, { email, displayName: 'Lin Agent', roleIds: [agentRole] })).data
  const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
  await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password: PASSWORD })
  const queue = (await api('POST', '/queues', admin, { name: 'Hotline', wrapUpSeconds: 60 })).data
  await api('PUT', `/queues/${queue.id}/members`, admin, { userIds: [agent.id] })
  const port = new URL(suite.platform.baseUrl).port
  const app = (
    await api('POST', '/embedded-apps', admin, {
      name: 'Sample CRM',
      // No call placeholders: the frame stays loaded across calls and follows them by events (a
      // template with {callId} reloads the app on every call instead, like a classic screen pop).
      urlTemplate: `http://localhost:${port}/sdk-sample/index.html?org={tenant}&agent={agentId}`,
      capabilities: ['agent.read', 'agent.state', 'calls.read', 'calls.control', 'queues.read'],
    })
  ).data
  assert.equal(app.origin, `http://localhost:${port}`)

  // The admin sees the app in the embedded-apps page.
  const adminPage = await signedInPage(suite, { slug, email: `admin@${slug}.test`, password: PASSWORD })
  await adminPage.goto(`${suite.platform.baseUrl}/embedded-apps`)
  await adminPage.getByTestId('embedded-app-row').filter({ hasText: 'Sample CRM' }).waitFor()
  assert.match(await adminPage.getByTestId('embedded-apps-table').innerText(), new RegExp(`http://localhost:${port}`))
  await snap(adminPage, '85-embedded-apps-admin')
  await adminPage.close()

  const page = await signedInPage(suite, { slug, email, password: PASSWORD })
  await page.getByTestId('menu-agent-workspace').click()
  await page.getByTestId('workspace-call-bar').waitFor()
  // The customer panel shows the agent's queues.
  await page.getByTestId('my-queue-row').filter({ hasText: 'Hotline' }).waitFor()
  await snap(page, '86-workspace-my-queues')
  await page.getByRole('tab', { name: 'Sample CRM' }).click()
  const frameElement = page.locator(`[data-testid="embedded-app-frame"][data-app-id="${app.id}"]`)
  await frameElement.waitFor()
  const frame = frameElement.contentFrame()
  await frame.locator('[data-testid="sdk-status"][data-state="connected"]').waitFor()
  assert.match(await frame.getByTestId('sdk-status').innerText(), /protocol 1\.\d/)

  // The app makes the agent ready; a call is offered; the app answers it.
  await frame.getByTestId('sdk-ready').click()
  await frame.locator('[data-testid="sdk-log"] li', { hasText: 'agent.stateChanged' }).first().waitFor()
  await page.waitForTimeout(1000)
  await api('POST', `/queues/${queue.id}/simulated-calls`, admin, { ani: '+8613800138000' })
  await frame.locator('[data-testid="sdk-log"] li', { hasText: 'call.offered' }).first().waitFor()
  await frame.getByTestId('sdk-answer').click()
  await frame.locator('[data-testid="sdk-call"][data-state="connected"]').waitFor()
  assert.equal(await frame.getByTestId('sdk-ani').innerText(), '+8613800138000')
  assert.equal((await api('GET', '/agent', (await api('POST', '/auth/login', null, { tenant: slug, email, password: PASSWORD })).data.token)).data.state, 'busy')

  // A simulated call has no audio: holding it is refused with the typed error and the allowed actions.
  await frame.getByTestId('sdk-hold').click()
  await frame.locator('[data-testid="sdk-log"] li', { hasText: 'hold →' }).first().waitFor()
  const refusal = (await logOf(frame)).find((l) => l.startsWith('hold →'))
  assert.match(refusal, /^hold → E_CONFLICT /, refusal)
  await snap(page, '81-workspace-sdk-app')

  await frame.getByTestId('sdk-hangup').click()
  await frame.locator('[data-testid="sdk-log"] li', { hasText: 'call.ended' }).first().waitFor()
  const lines = (await logOf(frame)).reverse()
  const events = lines.filter((l) => /^#\d+ /.test(l))
  const seqs = events.map((l) => Number(/^#(\d+)/.exec(l)[1]))
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `events arrive in order: ${events.join(' | ')}`)
  const topics = events.map((l) => l.split(' ')[1])
  for (const topic of ['agent.stateChanged', 'call.offered', 'call.answered', 'call.ended']) assert.ok(topics.includes(topic), `${topic} among ${topics.join(', ')}`)
  assert.ok(topics.indexOf('call.offered') < topics.indexOf('call.answered') && topics.indexOf('call.answered') < topics.indexOf('call.ended'))
  assert.ok(lines.some((l) => l.startsWith('answer → ok')) && lines.some((l) => l.startsWith('hangup → ok')))

  // This app was not granted api.rest: no REST token, a typed refusal. The workspace is in wrap-up
  // first. Twice in CI a click here left no line in the app's log at all (not even E_NOT_CONNECTED):
  // the click is repeated (at most three times) and the log says whether the frame's document had
  // been replaced meanwhile, so the cause shows the next time it happens.
  await page.getByTestId('workspace-wrap-up').waitFor()
  await page.getByTestId('workspace-disposition').waitFor()
  const appFrame = await (await frameElement.elementHandle()).contentFrame()
  await appFrame.evaluate(() => (window.ccE2eMark = true))
  for (let attempt = 1; ; attempt++) {
    await frame.getByTestId('sdk-get-app-token').click()
    const answered = await frame.locator('[data-testid="sdk-log"] li', { hasText: 'getAppToken →' }).first().waitFor({ timeout: 5_000 }).then(() => true, () => false)
    if (answered) break
    await snap(page, `81b-workspace-sdk-lost-click-${attempt}`)
    // The same frame with a new document has no mark; a frame whose element was replaced is detached.
    const same = await appFrame.evaluate(() => window.ccE2eMark === true).catch(() => 'detached')
    console.log(`[agent-sdk] getAppToken click ${attempt} left no log line; the frame's document: ${same === true ? 'the same' : same === false ? 'a new one' : 'its frame was replaced'}`)
    assert.ok(attempt < 3, 'the app answers a click on getAppToken')
  }
  assert.match((await logOf(frame)).find((l) => l.startsWith('getAppToken →')), /^getAppToken → E_NOT_ALLOWED /)

  // The same page from an origin nobody listed (the console's own) hears nothing back.
  const instance = 'unlisted'
  await frameElement.evaluate((el, url) => {
    el.setAttribute('src', url)
  }, `${suite.platform.baseUrl}/sdk-sample/index.html?cc_origin=${encodeURIComponent(suite.platform.baseUrl)}&cc_instance=${instance}`)
  const unlisted = frameElement.contentFrame()
  await unlisted.locator('[data-testid="sdk-status"][data-state="refused"]').waitFor({ timeout: 15_000 })
  assert.equal(await unlisted.getByTestId('sdk-status').getAttribute('data-code'), 'E_TIMEOUT')
  await unlisted.getByTestId('sdk-answer').click()
  assert.match((await logOf(unlisted))[0], /E_NOT_CONNECTED/)
  await page.close()
})
