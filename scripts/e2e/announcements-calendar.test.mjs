/**
 * A supervisor's notice to a team reaches its agent, who reads and acknowledges it on the home page
 * (and the supervisor sees the acknowledgement); the agent's calendar shows the lunar date, solar
 * terms and festivals, and a reminder made on it shows on its day. Screenshots in English and Chinese.
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
