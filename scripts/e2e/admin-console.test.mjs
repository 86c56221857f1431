/**
 * End-to-end: a visitor signs up an organisation, signs in, invites a user, switches the console to
 * Chinese and signs out — in Debian's Chromium against the real backend and database.
 * Screenshots land in test-artifacts/e2e/.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { browserSuite, snap } from './harness.mjs'

const suite = browserSuite()

test('sign up, sign in, invite a user, switch to Chinese, sign out', { skip: suite.reason ?? false, timeout: 180_000 }, async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' })
  const slug = `e2e-${randomBytes(3).toString('hex')}`
  const admin = { email: `admin@${slug}.test`, password: 'e2e password 123' }
  page.setDefaultTimeout(20_000)

  await page.goto(`${suite.platform.baseUrl}/signup`)
  await page.getByTestId('signup-organisation').fill('E2E Support Center')
  await page.getByTestId('signup-slug').fill(slug)
  await page.getByTestId('signup-admin-name').fill('Erin Admin')
  await page.getByTestId('signup-admin-email').fill(admin.email)
  await page.getByTestId('signup-password').fill(admin.password)
  await snap(page, '01-signup')
  await page.getByTestId('signup-submit').click()
  await page.getByTestId('main-menu').waitFor()
  await snap(page, '02-console-after-signup')

  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await page.getByTestId('login-form').waitFor()
  await page.getByTestId('login-tenant').fill(slug)
  await page.getByTestId('login-email').fill(admin.email)
  await page.getByTestId('login-password').fill(admin.password)
  await snap(page, '03-login')
  await page.getByTestId('login-password').press('Enter')
  await page.getByTestId('main-menu').waitFor()

  await page.getByTestId('menu-users').click()
  await page.getByTestId('users-table').waitFor()
  await page.getByTestId('users-invite').click()
  await page.getByTestId('invite-email').fill(`agent@${slug}.test`)
  await page.getByTestId('invite-display-name').fill('王小明')
  await page.getByTestId('invite-roles').click()
  await page.locator('nz-option-item', { hasText: 'Agent' }).first().click()
  await page.keyboard.press('Escape')
  await snap(page, '04-invite')
  await page.getByTestId('invite-submit').click()
  const invited = page.getByTestId('user-row').filter({ hasText: `agent@${slug}.test` })
  await invited.waitFor()
  await snap(page, '05-user-invited')

  await page.getByTestId('language-switch').click()
  await page.getByTestId('language-option-zh-CN').click()
  await page.getByTestId('menu-users').filter({ hasText: '用户' }).waitFor()
  assert.match(await page.getByTestId('main-menu').innerText(), /用户/)
  await snap(page, '06-console-in-chinese')

  const me = await page.evaluate(async () => {
    const raw = Object.values(localStorage).find((v) => typeof v === 'string' && v.includes('cc1.')) ?? ''
    const token = /cc1\.[\w.-]+/.exec(raw)?.[0]
    const response = await fetch('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } })
    return response.json()
  })
  assert.equal(me.data.user.locale, 'zh-CN', 'the language choice is saved to the user')

  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await page.getByTestId('login-form').waitFor()
  await snap(page, '07-signed-out')
})
