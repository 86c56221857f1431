/**
 * End-to-end for the CRM slice: a customer manager finds a customer by part of a Chinese name and
 * by a few digits of a phone, opens the customer, logs a follow-up in the timeline and adds a
 * Chinese postal address beside the stored one (shown in both UI languages); a call from that
 * customer's number (written differently) pops the customer up in the agent's workspace.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap, switchLanguage } from './harness.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite()
const api = suite.api

function signIn(slug, email) {
  return signedInPage(suite, { slug, email, password: PASSWORD })
}

/** Waits until no toast covers the page (for a clean screenshot). */
async function withoutToasts(page) {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
}

/** Opens the customer drawer and scrolls its address rows into view. */
async function openAddresses(page) {
  await page.getByTestId('customer-edit').click()
  await page.getByTestId('customer-add-address').scrollIntoViewIfNeeded()
}

/** Fills the last address row of the open drawer with a Guangzhou shipping address. */
async function fillChineseAddress(page) {
  const row = page.getByTestId('customer-address-row').last()
  await row.getByTestId('customer-address-label').click()
  await page.locator('nz-option-item', { hasText: 'Shipping' }).click()
  await row.getByTestId('customer-address-country').click()
  await page.keyboard.type('China')
  await page.locator('nz-option-item', { hasText: 'China (CN)' }).click()
  await row.getByTestId('customer-address-region').fill('广东省')
  await row.getByTestId('customer-address-city').fill('广州市')
  await row.getByTestId('customer-address-district').fill('天河区')
  await row.getByTestId('customer-address-street').fill('天河路 385 号')
  await row.getByTestId('customer-address-postal-code').fill('510620')
}

test('find a customer, log a follow-up, add a postal address, and see the customer pop up on a call from their number', { skip: suite.reason ?? false, timeout: 180_000 }, async () => {
  const slug = `crm-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: '客户中心', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const agentRole = (await api('GET', '/roles', admin)).data.find((r) => r.key === 'agent').id
  const email = `agent@${slug}.test`
  const agent = (await api('POST', '/users', admin, { email, displayName: 'Lin Agent', roleIds: [agentRole] })).data
  const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
  await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password: PASSWORD })
  // Owned by the agent, so the agent (own customers only) may see it in the screen pop.
  const customer = (await api('POST', '/customers', admin, { kind: 'person', name: '王小明', phones: [{ number: '+86 138 0013 8000', label: 'mobile' }], addresses: [{ label: 'work', country: 'US', region: 'CA', city: 'Mountain View', street: '1600 Amphitheatre Pkwy', postalCode: '94043' }], ownerId: agent.id, tags: ['VIP'] })).data
  await api('POST', '/customers', admin, { kind: 'organisation', name: '上海电器有限公司', phones: [{ number: '+86 139 1234 5678' }] })
  const queue = (await api('POST', '/queues', admin, { name: 'Care', wrapUpSeconds: 60 })).data
  await api('PUT', `/queues/${queue.id}/members`, admin, { userIds: [agent.id] })

  const manager = await signIn(slug, `admin@${slug}.test`)
  await manager.goto(`${suite.platform.baseUrl}/customers`)
  await manager.getByTestId('customers-search').fill('小明')
  await manager.waitForFunction(() => document.querySelectorAll('[data-testid="customer-row"]').length === 1)
  assert.equal(await manager.getByTestId('customer-row').getAttribute('data-customer-name'), '王小明')
  await manager.getByTestId('customers-search').fill('00138')
  await manager.waitForFunction(() => document.querySelector('[data-testid="customer-row"]')?.getAttribute('data-customer-name') === '王小明')
  await snap(manager, '31-customers-search')
  await manager.getByTestId('customer-link').click()
  await manager.getByTestId('tracking-form').waitFor()
  await manager.getByTestId('tracking-content').fill('客户询问退货流程，约好明天回访')
  await manager.getByTestId('tracking-save').click()
  await manager.locator('[data-testid="tracking-record"]').first().waitFor()
  assert.match(await manager.locator('[data-testid="tracking-record"]').first().innerText(), /退货流程/)
  await snap(manager, '32-customer-timeline')
  const records = (await api('GET', `/customers/${customer.id}/tracking-records`, admin)).data
  assert.deepEqual(records.map((r) => r.content), ['客户询问退货流程，约好明天回访'])

  // A second address, typed in the drawer (the organisation's country is the US: China is named).
  await openAddresses(manager)
  const rowsBefore = await manager.getByTestId('customer-address-row').count()
  await manager.getByTestId('customer-add-address').click()
  // The new row must be there before "the last row" names it.
  await manager.getByTestId('customer-address-row').nth(rowsBefore).waitFor()
  await fillChineseAddress(manager)
  await manager.getByTestId('customer-add-address').scrollIntoViewIfNeeded()
  await withoutToasts(manager)
  await snap(manager, '34-customer-addresses-drawer-en')
  await manager.getByTestId('customer-submit').click()
  await manager.waitForFunction(() => document.querySelectorAll('[data-testid="customer-detail-address"]').length === 2)
  const shown = await manager.getByTestId('customer-detail-address-text').allInnerTexts()
  assert.deepEqual(shown, ['1600 Amphitheatre Pkwy, Mountain View, CA 94043', 'China 广东省广州市天河区天河路 385 号，510620'])
  await withoutToasts(manager)
  await snap(manager, '35-customer-addresses-detail-en')
  const saved = (await api('GET', `/customers/${customer.id}`, admin)).data.addresses
  assert.deepEqual(
    saved.map(({ id, ...address }) => address),
    [
      { label: 'work', country: 'US', region: 'CA', city: 'Mountain View', district: null, street: '1600 Amphitheatre Pkwy', postalCode: '94043' },
      { label: 'shipping', country: 'CN', region: '广东省', city: '广州市', district: '天河区', street: '天河路 385 号', postalCode: '510620' },
    ],
  )
  await switchLanguage(manager, 'zh-CN', '通讯地址')
  await manager.getByText('中国广东省广州市天河区天河路 385 号，510620').waitFor()
  await withoutToasts(manager)
  await snap(manager, '36-customer-addresses-detail-zh-CN')
  await openAddresses(manager)
  await snap(manager, '37-customer-addresses-drawer-zh-CN')
  await manager.getByTestId('customer-cancel').click()

  const agentPage = await signIn(slug, email)
  await agentPage.getByTestId('menu-agent-workspace').click()
  await agentPage.getByTestId('workspace-ready').click()
  await agentPage.waitForFunction(() => /ready|就绪/i.test(document.querySelector('[data-testid="workspace-state"]')?.textContent ?? ''))
  await api('POST', `/queues/${queue.id}/simulated-calls`, admin, { ani: '008613800138000' })
  await agentPage.getByTestId('workspace-offer').waitFor()
  await agentPage.waitForSelector('[data-testid="screen-pop"][data-state="found"]')
  assert.equal(await agentPage.getByTestId('screen-pop-customer').getAttribute('data-customer-id'), customer.id)
  await snap(agentPage, '33-screen-pop')
})
