/**
 * End-to-end for customer care: a customer manager defines a birthday rule in the browser, the
 * backend's care sweeper generates the greeting task (in the organisation's time zone), the task
 * shows on the home page card with its badge, and marking it done logs a call on the customer's
 * timeline, where the customer's page lists the task as done.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap } from './harness.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite()
const api = suite.api

/** The date in Asia/Shanghai some days from now, as YYYY-MM-DD. */
function shanghaiDate(days) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

test('a birthday rule made in the browser puts a greeting on the home card; done logs a call', { skip: suite.reason ?? false, timeout: 240_000 }, async () => {
  const slug = `care-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: '关怀中心', slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  await api('POST', '/customer-fields', admin, { key: 'birthday', label: 'Birthday', type: 'date' })
  const customer = (await api('POST', '/customers', admin, { name: '王小明', customFields: { birthday: `1990-${shanghaiDate(3).slice(5)}` } })).data

  const page = await signedInPage(suite, { slug, email: `admin@${slug}.test`, password: PASSWORD })

  await page.getByTestId('menu-care-tasks').click()
  await page.getByTestId('care-rules-link').click()
  await page.getByTestId('care-rules-create').click()
  await page.getByTestId('care-rule-name').fill('Birthday greetings')
  await page.getByTestId('care-rule-field').click()
  await page.locator('nz-option-item', { hasText: 'Birthday' }).click()
  await page.getByTestId('care-rule-template').fill('Birthday greeting for {name}')
  await page.getByTestId('care-rule-preview').waitFor()
  await snap(page, '51-care-rule-drawer')
  await page.getByTestId('care-rule-submit').click()
  await page.locator('[data-testid="care-rule-row"]').waitFor()
  await snap(page, '52-care-rules')
  const [rule] = (await api('GET', '/care-rules', admin)).data
  assert.deepEqual([rule.kind, rule.fieldKey, rule.daysBefore, rule.assignee], ['anniversary', 'birthday', 3, 'owner'])

  // The sweeper runs about once a minute in every backend process.
  let tasks = []
  for (let i = 0; i < 45 && tasks.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2000))
    tasks = (await api('GET', '/care-tasks?when=due&assigned=mine', admin)).data
  }
  assert.deepEqual(tasks.map((t) => [t.customerId, t.title, t.dueDate]), [[customer.id, 'Birthday greeting for 王小明', shanghaiDate(0)]])

  await page.getByTestId('menu-care-tasks').click()
  await page.getByTestId('care-task').waitFor()
  await snap(page, '53-care-tasks-page')
  await page.getByTestId('menu-home').click()
  const card = page.getByTestId('care-card')
  await card.getByTestId('care-task').waitFor()
  assert.equal(await card.getByTestId('care-badge').getAttribute('data-count'), '1')
  await snap(page, '54-care-home-card')
  await card.getByTestId('care-task-done').click()
  await page.getByTestId('care-close-outcome').fill('greeted')
  await page.getByTestId('care-close-note').fill('Sent birthday wishes, customer very pleased')
  await page.locator('.ant-modal-footer .ant-btn-primary').click()
  await card.locator('nz-empty').waitFor()

  const records = (await api('GET', `/customers/${customer.id}/tracking-records`, admin)).data
  assert.deepEqual(records.map((r) => [r.type, r.outcome, r.content]), [['call', 'greeted', 'Sent birthday wishes, customer very pleased']])
  await page.goto(`${suite.platform.baseUrl}/customers/${customer.id}`)
  await page.getByTestId('customer-care-tasks').getByTestId('care-task').waitFor()
  assert.match(await page.getByTestId('customer-care-tasks').innerText(), /Done/)
  await snap(page, '55-care-customer-page')
})
