/**
 * End-to-end: an agent schedules a callback from the workspace's "My callbacks" card (typing the
 * time into the picker), sees it in the card and on its day in the calendar (en and zh-CN). When it
 * falls due, the ACD offers it to that agent only, labelled as a callback; without a SIP gateway
 * answering says why, so the agent declines and cancels it from the card. A simulated callback a
 * queue manager booked for the agent is answered, and its wrap-up form books the next callback
 * with the call's number filled in.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap, switchLanguage } from './harness.mjs'

const suite = browserSuite()
const api = suite.api

/** Local `yyyy-MM-dd HH:mm` of a time (the browser runs in this machine's time zone too). */
function pickerText(date) {
  const pad = (n) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

test('an agent schedules a callback, sees it in the workspace and the calendar, and it is offered to them when due', { skip: suite.reason ?? false, timeout: 240_000 }, async () => {
  const slug = `cb-${randomBytes(3).toString('hex')}`
  const password = 'e2e password 123'
  const admin = (await api('POST', '/signup', null, { organisationName: 'Callback Desk', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password })).data.token
  const agentRole = (await api('GET', '/roles', admin)).data.find((r) => r.key === 'agent').id
  const email = `agent@${slug}.test`
  const agent = (await api('POST', '/users', admin, { email, displayName: 'Lin Agent', roleIds: [agentRole] })).data
  const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
  await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password })
  const queue = (await api('POST', '/queues', admin, { name: 'Callbacks', wrapUpSeconds: 120 })).data
  await api('PUT', `/queues/${queue.id}/members`, admin, { userIds: [agent.id] })

  const page = await signedInPage(suite, { slug, email, password })
  await page.getByTestId('menu-agent-workspace').click()
  await page.getByTestId('my-callbacks').waitFor()
  await page.getByTestId('my-callbacks-empty').waitFor()

  // Book one through the form, a minute or two ahead (the picker has minute precision).
  await page.getByTestId('my-callbacks-new').click()
  await page.getByTestId('callback-form').waitFor()
  await page.getByTestId('callback-number').fill('+86 138 0013 8000')
  const due = new Date(Math.ceil((Date.now() + 90_000) / 60_000) * 60_000)
  const picker = page.getByTestId('callback-due').locator('input')
  await picker.click()
  await picker.fill(pickerText(due))
  await picker.press('Enter')
  await page.getByTestId('callback-note').fill('Wants the new price list')
  await page.waitForFunction(() => document.querySelector('[data-testid="callback-queue"]')?.textContent?.includes('Callbacks'))
  await snap(page, 'cb-0-callback-form-en')
  await page.getByTestId('callback-submit').click()
  const row = page.getByTestId('my-callback').first()
  await row.waitFor()
  assert.match(await row.innerText(), /\+8613800138000/)
  assert.match(await row.innerText(), /Wants the new price list/)
  assert.equal(await row.getAttribute('data-status'), 'scheduled')
  const callbackId = await row.getAttribute('data-callback-id')
  const booked = (await api('GET', `/callbacks/${callbackId}`, admin)).data
  assert.equal(new Date(booked.dueAt).getTime(), due.getTime(), 'the time typed is the time booked')
  assert.deepEqual([booked.mode, booked.agentId, booked.queueId], ['personal', agent.id, queue.id])
  await snap(page, 'cb-1-my-callbacks-en')

  // On its day in the calendar, in both languages.
  await page.goto(`${suite.platform.baseUrl}/calendar`)
  await page.getByTestId('calendar').waitFor()
  const chip = page.locator(`[data-testid="calendar-callback"][data-callback-id="${callbackId}"]`)
  await chip.waitFor()
  assert.match(await chip.innerText(), /138/)
  await page.getByTestId('calendar-day-callback').first().waitFor()
  await snap(page, 'cb-2-calendar-callback-en')
  await switchLanguage(page, 'zh-CN', '农历')
  await page.getByText('回拨').first().waitFor()
  await snap(page, 'cb-3-calendar-callback-zh-CN')

  // Due: a manager moves it to a few seconds from now; the ACD offers it to its agent.
  await page.getByTestId('menu-agent-workspace').click()
  await page.getByTestId('my-callbacks').waitFor()
  await page.getByText('我的回拨').first().waitFor()
  await snap(page, 'cb-4-my-callbacks-zh-CN')
  await page.getByTestId('workspace-ready').click()
  await page.waitForTimeout(1000)
  await api('PATCH', `/callbacks/${callbackId}`, admin, { dueAt: new Date(Date.now() + 3000).toISOString() })
  await page.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  assert.match(await page.getByTestId('workspace-offer').innerText(), /回拨/)
  assert.match(await page.getByTestId('workspace-offer-caller').innerText(), /\+8613800138000/)
  await page.locator(`[data-testid="my-callback"][data-callback-id="${callbackId}"][data-status="queued"]`).waitFor()
  await snap(page, 'cb-5-callback-offer-zh-CN')
  const queued = (await api('GET', `/callbacks/${callbackId}`, admin)).data
  assert.equal(queued.status, 'queued')

  // Answering dials out; this platform has no SIP gateway, so it says so and nothing changes.
  await page.getByTestId('workspace-answer').click()
  await page.locator('.ant-message').getByText(/sip outbound|SIP/i).first().waitFor()
  assert.equal((await api('GET', `/callbacks/${callbackId}`, admin)).data.status, 'queued')
  await page.getByTestId('workspace-decline').click()
  await page.getByTestId('workspace-offer').waitFor({ state: 'detached' })

  // The agent cancels it from the card.
  const waiting = page.locator(`[data-testid="my-callback"][data-callback-id="${callbackId}"]`)
  await waiting.waitFor()
  await waiting.getByTestId('my-callback-cancel').click()
  await page.locator('.ant-popover .ant-btn-primary').click()
  await waiting.waitFor({ state: 'detached' })
  assert.equal((await api('GET', `/callbacks/${callbackId}`, admin)).data.status, 'cancelled')

  // A simulated callback booked by the manager for the agent connects without audio.
  await switchLanguage(page, 'en', 'My callbacks')
  // Declining left the agent ready.
  assert.equal(await page.getByTestId('workspace-ready').isDisabled(), true)
  const simulated = (await api('POST', '/callbacks', admin, { number: '+8613900139000', dueAt: new Date(Date.now() + 3000).toISOString(), queueId: queue.id, agentId: agent.id, simulated: true, note: 'Training' })).data
  await page.getByTestId('workspace-offer').waitFor({ timeout: 20_000 })
  assert.match(await page.getByTestId('workspace-offer').innerText(), /Callback/)
  await snap(page, 'cb-6-callback-offer-en')
  await page.getByTestId('workspace-answer').click()
  await page.getByTestId('workspace-hangup').waitFor()
  assert.equal((await api('GET', `/callbacks/${simulated.id}`, admin)).data.status, 'completed')
  await page.getByTestId('workspace-hangup').click()
  await page.getByTestId('workspace-wrap-up').waitFor()

  // From the wrap-up form, the next callback starts with the call's number.
  await page.getByTestId('schedule-callback-wrap-up').click()
  await page.getByTestId('callback-form').waitFor()
  assert.equal(await page.getByTestId('callback-number').inputValue(), '+8613900139000')
  await page.waitForTimeout(500) // the modal's opening animation
  await snap(page, 'cb-7-callback-from-wrap-up-en')
  await page.getByTestId('callback-submit').click()
  await page.getByTestId('my-callback').filter({ hasText: '+8613900139000' }).waitFor()
  await page.getByTestId('callback-form').waitFor({ state: 'detached' })
  await page.waitForTimeout(500)
  await snap(page, 'cb-8-my-callbacks-after-wrap-up-en')
})
