/**
 * A supervisor's notice to a team reaches its agent, who reads and acknowledges it on the home page
 * (and the supervisor sees the acknowledgement); notices posted while the agent's home page is open
 * show up on it live, badge included, without a reload (team notices on the agent's own realtime
 * channel, organisation-wide ones on the tenant's broadcast); the agent's calendar shows the lunar
 * date, solar terms and festivals, and a reminder made on it shows on its day. Screenshots in
 * English and Chinese.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap, switchLanguage } from './harness.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite()
const api = suite.api

async function userWithRole(slug, admin, roleKey, name) {
  const roleId = (await api('GET', '/roles', admin)).data.find((r) => r.key === roleKey).id
  const email = `${roleKey}-${randomBytes(2).toString('hex')}@${slug}.test`
  const user = (await api('POST', '/users', admin, { email, displayName: name, roleIds: [roleId] })).data
  const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
  await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password: PASSWORD })
  const token = (await api('POST', '/auth/login', null, { tenant: slug, email, password: PASSWORD })).data.token
  return { id: user.id, email, token }
}

test('a team notice is read and acknowledged by its agent; the calendar shows lunar dates and the agent’s reminder', { skip: suite.reason ?? false, timeout: 180_000 }, async () => {
  const slug = `ann-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: '公告测试', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const lin = await userWithRole(slug, admin, 'agent', 'Lin Agent')
  const other = await userWithRole(slug, admin, 'agent', 'Night Agent')
  const zhao = await userWithRole(slug, admin, 'supervisor', 'Zhao Supervisor')
  const day = (await api('POST', '/teams', admin, { name: 'Day shift', supervisorIds: [zhao.id] })).data
  await api('PUT', `/teams/${day.id}/members`, admin, { userIds: [lin.id] })
  const notice = (await api('POST', '/announcements', zhao.token, { title: 'System upgrade at 22:00', body: 'Log out of the softphone before 22:00.', priority: 'urgent', audience: 'teams', teamIds: [day.id] })).data
  assert.equal((await api('GET', '/announcements/inbox', other.token)).data.length, 0, 'another team does not get it')

  const page = await signedInPage(suite, { slug, email: lin.email, password: PASSWORD })
  await page.goto(`${suite.platform.baseUrl}/`)
  const card = page.getByTestId('inbox-card')
  await card.getByTestId('inbox-item').first().waitFor()
  await snap(page, '71-home-announcement-en')
  await card.getByTestId('inbox-item').first().click()
  await page.getByTestId('inbox-body').waitFor()
  assert.match(await page.getByTestId('inbox-body').textContent(), /Log out of the softphone/)
  await page.getByTestId('inbox-acknowledge').click()
  await page.getByTestId('inbox-acknowledge').waitFor({ state: 'detached' })
  const acks = (await api('GET', `/announcements/${notice.id}/acknowledgements`, zhao.token)).data
  assert.ok(JSON.stringify(acks).includes(lin.id), 'the supervisor sees the agent’s acknowledgement')

  // Live: the page stays as it is while the supervisor posts; the card and its badge follow.
  const unread = card.getByTestId('inbox-unread')
  await page.waitForFunction(() => document.querySelector('[data-testid="inbox-unread"]')?.getAttribute('aria-label') === '0 unread')
  const marker = await page.evaluate(() => (window.__notReloaded = true))
  await api('POST', '/announcements', zhao.token, { title: 'Canteen closes early today', body: 'Closed from 19:00.', audience: 'organisation' })
  await card.getByTestId('inbox-item').filter({ hasText: 'Canteen closes early today' }).waitFor({ timeout: 10_000 })
  await page.waitForFunction(() => document.querySelector('[data-testid="inbox-unread"]')?.getAttribute('aria-label') === '1 unread')
  const team = (await api('POST', '/announcements', zhao.token, { title: 'Day shift huddle at 09:30', body: 'Meeting room 2.', priority: 'urgent', audience: 'teams', teamIds: [day.id] })).data
  await card.getByTestId('inbox-item').filter({ hasText: 'Day shift huddle at 09:30' }).waitFor({ timeout: 10_000 })
  assert.equal(await unread.getAttribute('aria-label'), '2 unread')
  assert.equal(await page.evaluate(() => window.__notReloaded), marker, 'no reload happened')
  await snap(page, '71b-home-announcement-live-en')
  await api('DELETE', `/announcements/${team.id}`, zhao.token)
  await card.getByTestId('inbox-item').filter({ hasText: 'Day shift huddle at 09:30' }).waitFor({ state: 'detached', timeout: 10_000 })
  await page.waitForFunction(() => document.querySelector('[data-testid="inbox-unread"]')?.getAttribute('aria-label') === '1 unread')
  assert.equal((await api('GET', '/announcements/inbox', other.token)).data.length, 1, 'the other team got only the organisation’s notice')

  await page.goto(`${suite.platform.baseUrl}/calendar`)
  await page.getByTestId('calendar').waitFor()
  await page.getByTestId('reminder-create').click()
  await page.getByTestId('reminder-title').fill('Call back 王小明')
  await page.getByTestId('reminder-submit').click()
  await page.getByTestId('calendar-reminder').filter({ hasText: 'Call back 王小明' }).first().waitFor()
  assert.match(await page.getByTestId('calendar-lunar').textContent(), /[正二三四五六七八九十冬腊]月/)
  const reminders = (await api('GET', '/reminders', lin.token)).data
  assert.deepEqual(reminders.map((r) => r.title), ['Call back 王小明'])
  await snap(page, '72-calendar-en')
  await switchLanguage(page, 'zh-CN', '农历')
  await snap(page, '73-calendar-zh-CN')
  await page.close()
})
