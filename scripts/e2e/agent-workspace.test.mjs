/**
 * End-to-end: an agent in the browser goes ready; an admin places a simulated call; the offer
 * reaches the agent's workspace over the realtime socket (well before the 10 s fallback poll),
 * the agent answers with Enter, hangs up, and lands in wrap-up.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap } from './harness.mjs'

const suite = browserSuite()
const api = suite.api

test('an offer reaches the agent workspace live; answer, hang up, wrap-up', { skip: suite.reason ?? false, timeout: 180_000 }, async () => {
  const slug = `ws-${randomBytes(3).toString('hex')}`
  const password = 'e2e password 123'
  const admin = (await api('POST', '/signup', null, { organisationName: 'Live Desk', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password })).data.token
  const agentRole = (await api('GET', '/roles', admin)).data.find((r) => r.key === 'agent').id
  const email = `agent@${slug}.test`
  const invited = (await api('POST', '/users', admin, { email, displayName: 'Lin Agent', roleIds: [agentRole] })).data
  const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
  await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password })
  const queue = (await api('POST', '/queues', admin, { name: 'Hotline', wrapUpSeconds: 60 })).data
  await api('PUT', `/queues/${queue.id}/members`, admin, { userIds: [invited.id] })

  const page = await signedInPage(suite, { slug, email, password })
  await page.getByTestId('menu-agent-workspace').click()
  await page.getByTestId('workspace-call-bar').waitFor()
  await page.getByTestId('workspace-ready').click()
  await page.waitForFunction(() => document.querySelector('[data-testid="workspace-state"]')?.textContent?.trim().length)
  await page.waitForTimeout(1500)

  const placed = Date.now()
  await api('POST', `/queues/${queue.id}/simulated-calls`, admin, { ani: '+8613800138000' })
  await page.getByTestId('workspace-offer').waitFor({ timeout: 8000 })
  const shownAfter = Date.now() - placed
  assert.ok(shownAfter < 8000, `the offer took ${shownAfter} ms, longer than a push should`)
  assert.match(await page.getByTestId('workspace-offer-caller').innerText(), /138/)
  await snap(page, '11-workspace-offer')

  await page.keyboard.press('Enter')
  await page.getByTestId('workspace-hangup').waitFor()
  await snap(page, '12-workspace-connected')
  await page.getByTestId('workspace-hangup').click()
  await page.getByTestId('workspace-wrap-up').waitFor()
  await snap(page, '13-workspace-wrap-up')

  const calls = await api('GET', `/queues/${queue.id}`, admin)
  assert.equal(calls.data.waiting, 0)
})
