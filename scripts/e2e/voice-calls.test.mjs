/**
 * End-to-end with real media: the web widget in one browser context calls the tenant (LiveKit
 * room), the media bot answers and runs the IVR, the caller presses 1 and is queued; an agent in
 * another context (fake microphone) is offered the call, answers, holds, retrieves; a supervisor
 * monitors, whispers (the customer's browser never receives it) and barges; the agent consults a
 * second agent inside the room (the customer hears neither) and cancels, then blind-transfers to
 * that agent, who records (with a pause) and hangs up. Call, leg, agent-state rows, the recording
 * and emitted events are checked in the database.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { browserSuite, snap, tenantRows } from './harness.mjs'
import { media } from './media.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite({ media: true, missing: process.env.LIVEKIT_URL ? null : 'LIVEKIT_URL is not set: the LiveKit server did not start' })
const api = suite.api
const { invite, signIn, hears, waitHearing, waitForCall, waitForRecording, newPage, goReady } = media(suite, PASSWORD)

test('a web caller reaches an agent through the IVR; hold, supervision, consult, recording, blind transfer, hang-up', { skip: suite.reason ?? false, timeout: 300_000 }, async () => {
  const slug = `vc-${randomBytes(3).toString('hex')}`
  const signup = (await api('POST', '/signup', null, { organisationName: 'Voice Desk', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data
  const admin = signup.token
  const tenantId = (await api('GET', '/tenant', admin)).data.id
  const roles = Object.fromEntries((await api('GET', '/roles', admin)).data.map((r) => [r.key, r.id]))
  const lin = await invite(admin, slug, roles, 'Lin Agent', 'agent')
  const wang = await invite(admin, slug, roles, 'Wang Agent', 'agent')
  const zhao = await invite(admin, slug, roles, 'Zhao Supervisor', 'supervisor')
  const sales = (await api('POST', '/queues', admin, { name: 'Sales', wrapUpSeconds: 120 })).data
  const support = (await api('POST', '/queues', admin, { name: 'Support' })).data
  await api('PUT', `/queues/${sales.id}/members`, admin, { userIds: [lin.id] })
  await api('PUT', `/queues/${support.id}/members`, admin, { userIds: [wang.id] })
  const menu = (await api('POST', '/ivr-menus', admin, {
    name: 'Main menu',
    language: 'en',
    timeoutSeconds: 10,
    maxRetries: 3,
    options: [
      { digit: '1', label: 'Sales', target: { type: 'queue', queueId: sales.id } },
      { digit: '2', label: 'Support', target: { type: 'queue', queueId: support.id } },
    ],
  })).data
  const entry = (await api('POST', '/entry-points', admin, { kind: 'web', name: 'Website', target: { type: 'ivr', ivrMenuId: menu.id }, allowedOrigins: ['https://shop.example.com'] })).data

  const framed = await fetch(`${suite.platform.baseUrl}/call/${entry.widgetKey}`)
  assert.match(framed.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/shop\.example\.com/, 'the widget may be framed by the listed site')
  assert.equal(framed.headers.get('x-frame-options'), null)

  const linPage = await newPage()
  await signIn(linPage, slug, lin.email)
  await goReady(linPage)
  const wangPage = await newPage()
  await signIn(wangPage, slug, wang.email)
  await goReady(wangPage)

  // The customer calls from the widget; the bot answers in the room at once.
  const customer = await newPage()
  await customer.goto(`${suite.platform.baseUrl}/call/${entry.widgetKey}`)
  await customer.getByTestId('web-call-start').click()
  await customer.waitForSelector('[data-testid="web-call"][data-call-state="connected"]')
  const callId = await customer.getByTestId('web-call').getAttribute('data-call-id')
  assert.ok(callId)
  await waitHearing(customer, 'web-call-subscribed', `bot:${callId}`)
  await snap(customer, '21-web-call-ivr')
  await customer.waitForTimeout(1500)
  await customer.getByTestId('web-call-keypad').click()
  await customer.getByTestId('dial-pad-1').click()

  // The IVR queues the call in Sales; Lin is offered it and answers.
  const offered = await waitForCall(admin, callId, (c) => c.status === 'offered')
  assert.deepEqual([offered.queueId, offered.agentId, offered.ivrDigits], [sales.id, lin.id, ['1']])
  await linPage.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  await linPage.getByTestId('workspace-answer').click()
  await linPage.waitForSelector('[data-testid="workspace"][data-media-state="connected"]')
  await waitHearing(linPage, 'workspace-subscribed', `c:${callId}`)
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`)
  let call = (await api('GET', `/calls/${callId}`, admin)).data
  assert.deepEqual([call.status, call.channel, call.queueId, call.ivrDigits], ['connected', 'web', sales.id, ['1']])
  await snap(linPage, '22-softphone-connected')

  // Hold: the media server stops each side hearing the other; retrieve restores it.
  await linPage.getByTestId('workspace-hold').click()
  await linPage.getByTestId('workspace-on-hold').waitFor()
  await Promise.all([waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`, false), waitHearing(linPage, 'workspace-subscribed', `c:${callId}`, false)])
  assert.equal((await api('GET', `/calls/${callId}`, admin)).data.onHold, true)
  await linPage.getByTestId('workspace-retrieve').click()
  await linPage.getByTestId('workspace-on-hold').waitFor({ state: 'detached' })
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`)
  await waitHearing(linPage, 'workspace-subscribed', `c:${callId}`)

  // Supervision: monitor hears both; whisper reaches the agent only; barge reaches everyone.
  const zhaoPage = await newPage()
  await signIn(zhaoPage, slug, zhao.email)
  await zhaoPage.goto(`${suite.platform.baseUrl}/calls`)
  const row = zhaoPage.locator(`[data-testid="live-call-row"][data-call-id="${callId}"]`)
  await row.getByTestId('call-monitor').click()
  await zhaoPage.waitForSelector('[data-testid="live-calls"][data-media-state="connected"]')
  await waitHearing(zhaoPage, 'live-calls-subscribed', `c:${callId}`)
  await waitHearing(zhaoPage, 'live-calls-subscribed', `a:${lin.id}`)
  assert.ok(!(await hears(linPage, 'workspace-subscribed')).includes(`s:${zhao.id}`), 'a monitoring supervisor is not heard')

  await row.getByTestId('call-whisper').click()
  await waitHearing(linPage, 'workspace-subscribed', `s:${zhao.id}`)
  await customer.waitForTimeout(3000)
  assert.ok(!(await hears(customer, 'web-call-subscribed')).includes(`s:${zhao.id}`), 'the customer never receives the whisper')
  await snap(zhaoPage, '23-live-calls-whisper')

  await row.getByTestId('call-barge').click()
  await waitHearing(customer, 'web-call-subscribed', `s:${zhao.id}`)
  await zhaoPage.getByTestId('live-calls-leave').click()
  await waitHearing(customer, 'web-call-subscribed', `s:${zhao.id}`, false)

  // Consult Wang inside the room: the customer (on hold) never hears the consultation; cancel it.
  await linPage.getByTestId('workspace-consult').click()
  await linPage.getByTestId('consult-agent').click()
  await linPage.locator('.ant-select-item-option', { hasText: 'Wang Agent' }).click()
  await linPage.locator('.ant-modal-footer .ant-btn-primary').click()
  await wangPage.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  await wangPage.getByTestId('workspace-answer').click()
  await linPage.waitForSelector('[data-testid="workspace-consult-state"][data-state="talking"]')
  await waitHearing(linPage, 'workspace-subscribed', `a:${wang.id}`)
  await waitHearing(wangPage, 'workspace-subscribed', `a:${lin.id}`)
  await customer.waitForTimeout(2000)
  const duringConsult = await hears(customer, 'web-call-subscribed')
  assert.ok(!duringConsult.includes(`a:${wang.id}`) && !duringConsult.includes(`a:${lin.id}`), `the customer hears ${duringConsult.join(', ')} during the consultation`)
  await linPage.getByTestId('workspace-consult-cancel').click()
  await waitHearing(customer, 'web-call-subscribed', `a:${lin.id}`)
  await wangPage.getByTestId('workspace-wrap-up').waitFor()
  await wangPage.getByTestId('workspace-ready').click()
  await wangPage.waitForFunction(() => /ready|就绪/i.test(document.querySelector('[data-testid="workspace-state"]')?.textContent ?? ''))

  // Blind transfer to Wang (ready, outside the Sales queue); Lin wraps up, Wang answers and hangs up.
  await linPage.getByTestId('workspace-transfer').click()
  await linPage.getByTestId('transfer-kind-agent').click()
  await linPage.getByTestId('transfer-agent').click()
  await linPage.locator('.ant-select-item-option', { hasText: 'Wang Agent' }).click()
  await linPage.locator('.ant-modal-footer .ant-btn-primary').click()
  await linPage.getByTestId('workspace-wrap-up').waitFor()
  await wangPage.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  await wangPage.getByTestId('workspace-answer').click()
  await waitHearing(customer, 'web-call-subscribed', `a:${wang.id}`)
  await waitHearing(wangPage, 'workspace-subscribed', `c:${callId}`)

  // Recording on demand, paused for a card number: the bot writes the file, the catalogue lists it.
  await wangPage.getByTestId('workspace-record-start').click()
  await wangPage.waitForSelector('[data-testid="workspace-recording"][data-recording="on"]')
  await wangPage.waitForTimeout(1500)
  await wangPage.getByTestId('workspace-record-pause').click()
  await wangPage.waitForSelector('[data-testid="workspace-recording"][data-recording="paused"]')
  await wangPage.waitForTimeout(1000)
  await wangPage.getByTestId('workspace-record-resume').click()
  await wangPage.waitForTimeout(1000)
  await wangPage.getByTestId('workspace-record-stop').click()
  await wangPage.getByTestId('workspace-recording').waitFor({ state: 'detached' })
  const recording = await waitForRecording(admin, callId)
  assert.ok(recording.durationMs > 2500 && recording.durationMs < 8000, `recording lasted ${recording.durationMs} ms`)
  const audio = Buffer.from(await (await fetch(`${suite.platform.baseUrl}/api/v1/recordings/${recording.id}/audio`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer())
  assert.equal(audio.subarray(0, 4).toString(), 'RIFF')
  assert.equal(createHash('sha256').update(audio).digest('hex'), recording.sha256)
  assert.equal(audio.length, recording.bytes)

  await wangPage.getByTestId('workspace-hangup').click()
  await customer.waitForSelector('[data-testid="web-call"][data-call-state="ended"]')
  await wangPage.getByTestId('workspace-wrap-up').waitFor()
  await snap(customer, '24-web-call-ended')

  call = (await api('GET', `/calls/${callId}`, admin)).data
  assert.deepEqual([call.status, call.endReason, call.agentId, call.transferCount, call.heldSeconds >= 0], ['ended', 'agent_hangup', wang.id, 1, true])
  const legs = call.legs.map((l) => [l.role, l.userId, l.identity, l.endReason])
  assert.deepEqual(legs.find((l) => l[0] === 'customer'), ['customer', null, `c:${callId}`, 'agent_hangup'])
  assert.deepEqual(legs.find((l) => l[0] === 'bot').slice(0, 3), ['bot', null, `bot:${callId}`])
  assert.deepEqual(legs.filter((l) => l[0] === 'agent'), [
    ['agent', lin.id, `a:${lin.id}`, 'transferred'],
    ['agent', wang.id, `a:${wang.id}`, 'consult_ended'],
    ['agent', wang.id, `a:${wang.id}`, 'agent_hangup'],
  ])
  assert.deepEqual(legs.filter((l) => l[0] === 'supervisor').map((l) => [l[1], l[3]]), [[zhao.id, 'left']])
  assert.ok(call.legs.every((l) => l.leftAt), 'every leg has left')

  const states = await tenantRows(tenantId, `select user_id, from_state, to_state from agent_state_changes where user_id = any($1) order by changed_at, id`, [[lin.id, wang.id]])
  const path = (id) => states.filter((s) => s.user_id === id).map((s) => s.to_state)
  assert.deepEqual(path(lin.id), ['ready', 'reserved', 'busy', 'wrap_up'])
  assert.deepEqual(path(wang.id), ['ready', 'reserved', 'busy', 'wrap_up', 'ready', 'reserved', 'busy', 'wrap_up'])

  const events = (await tenantRows(tenantId, `select type from domain_events where entity_id = $1 order by occurred_at, id`, [callId])).map((e) => e.type)
  for (const type of ['call.created', 'call.ivr_started', 'call.queued', 'call.offered', 'call.answered', 'call.held', 'call.retrieved', 'call.supervision_changed', 'call.consult_started', 'call.consult_answered', 'call.consult_cancelled', 'call.recording_changed', 'call.transferred', 'call.ended']) {
    assert.ok(events.includes(type), `${type} was emitted (got ${events.join(', ')})`)
  }
  assert.ok(events.indexOf('call.queued') < events.indexOf('call.answered') && events.indexOf('call.transferred') < events.lastIndexOf('call.answered'), events.join(', '))
})
