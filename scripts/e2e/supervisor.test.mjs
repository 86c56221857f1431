/**
 * The supervisor console follows the floor live: an agent going ready and taking a call shows in
 * the grid without a reload, the queue tiles count the call, the supervisor forces the agent to not
 * ready from the grid, and the wallboard shows the same queue. Screenshots in English and Chinese.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap, switchLanguage } from './harness.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite()
const api = suite.api

/** Invites a user with a role and sets their password; answers their id and token. */
async function userWithRole(slug, admin, roleKey, name) {
  const roleId = (await api('GET', '/roles', admin)).data.find((r) => r.key === roleKey).id
  const email = `${roleKey}-${randomBytes(2).toString('hex')}@${slug}.test`
  const user = (await api('POST', '/users', admin, { email, displayName: name, roleIds: [roleId] })).data
  const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
  await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password: PASSWORD })
  const token = (await api('POST', '/auth/login', null, { tenant: slug, email, password: PASSWORD })).data.token
  return { id: user.id, email, token }
}

/** The grid row of an agent: its state attribute and the text of its current-call cell. */
async function row(page, name) {
  const locator = page.locator(`[data-testid="supervisor-agent-row"][data-agent-name="${name}"]`)
  return { state: await locator.getAttribute('data-state'), call: (await locator.getByTestId('supervisor-current-call').textContent()) ?? '' }
}

test('the supervisor console follows agents and queues live, forces a state from the grid, and the wallboard shows the floor', { skip: suite.reason ?? false, timeout: 180_000 }, async () => {
  const slug = `sup-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: '监控测试', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const lin = await userWithRole(slug, admin, 'agent', 'Lin Agent')
  const wang = await userWithRole(slug, admin, 'agent', 'Wang Agent')
  const zhao = await userWithRole(slug, admin, 'supervisor', 'Zhao Supervisor')
  const team = (await api('POST', '/teams', admin, { name: 'Day shift', supervisorIds: [zhao.id] })).data
  await api('PUT', `/teams/${team.id}/members`, admin, { userIds: [lin.id, wang.id] })
  const queue = (await api('POST', '/queues', admin, { name: 'Hotline', wrapUpSeconds: 60 })).data
  await api('PUT', `/queues/${queue.id}/members`, admin, { userIds: [lin.id, wang.id] })
  await api('PUT', '/datacenter/settings', admin, { serviceLevelSeconds: 30, shortAbandonSeconds: 10 })

  const page = await signedInPage(suite, { slug, email: zhao.email, password: PASSWORD })
  await page.goto(`${suite.platform.baseUrl}/supervisor`)
  await page.locator('[data-testid="supervisor-agent-row"][data-agent-name="Lin Agent"]').waitFor()
  assert.equal((await row(page, 'Lin Agent')).state, 'offline')

  // Lin goes ready and gets a call: the grid follows without a reload.
  await api('POST', '/agent/state', lin.token, { state: 'ready' })
  await page.locator('[data-testid="supervisor-agent-row"][data-agent-name="Lin Agent"][data-state="ready"]').waitFor()
  await api('POST', `/queues/${queue.id}/simulated-calls`, admin, { ani: '+8613800138000' })
  const offer = (await api('GET', '/agent', lin.token)).data.offer
  await api('POST', `/agent/offers/${offer.id}/accept`, lin.token)
  await page.locator('[data-testid="supervisor-agent-row"][data-agent-name="Lin Agent"][data-state="busy"]').waitFor()
  await page.waitForFunction(() => document.querySelector('[data-testid="supervisor-agent-row"][data-agent-name="Lin Agent"] [data-testid="supervisor-current-call"]')?.textContent?.includes('+8613800138000'))
  assert.match((await row(page, 'Lin Agent')).call, /Hotline/)
  // The tile counts the answer live and says what its service level means (the organisation's KPI settings).
  const tile = page.locator('[data-testid="queue-tile"][data-queue-name="Hotline"]')
  await tile.locator('[data-testid="queue-answered"]', { hasText: '1' }).waitFor()
  assert.equal((await tile.getByTestId('queue-service-level-label').textContent()).trim(), 'SL 30 s · short abandons (< 10 s) excluded')
  await snap(page, '61-supervisor-console-en')

  // Wang is forced to not ready from the grid, with a reason.
  await api('POST', '/agent/state', wang.token, { state: 'ready' })
  const wangRow = page.locator('[data-testid="supervisor-agent-row"][data-agent-name="Wang Agent"][data-state="ready"]')
  await wangRow.waitFor()
  await wangRow.getByTestId('supervisor-force').click()
  await page.locator('[data-testid^="supervisor-force-not-ready-"]').first().click()
  await page.locator('[data-testid="supervisor-agent-row"][data-agent-name="Wang Agent"][data-state="not_ready"]').waitFor()
  const wangState = (await api('GET', '/agent', wang.token)).data
  assert.equal(wangState.state, 'not_ready')

  await switchLanguage(page, 'zh-CN', '班长监控台')
  await snap(page, '62-supervisor-console-zh-CN')

  await page.getByTestId('supervisor-open-wallboard').click()
  await page.getByTestId('wallboard').waitFor()
  await page.getByText('Hotline').first().waitFor()
  assert.equal((await page.getByTestId('queue-service-level-label').first().textContent()).trim(), '服务水平 30 秒 · 短时放弃（< 10 秒）不计入')
  await snap(page, '63-wallboard-zh-CN')
  await page.close()
})
