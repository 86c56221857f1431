/**
 * End-to-end for the customer import wizard: a customer manager uploads a CSV with a Chinese name
 * and one broken phone number, keeps the guessed mapping, sees the broken row in the preview,
 * watches the job reach 100 %, reads the counts and the report, then opens an imported customer and
 * logs a follow-up on it. Screenshots of the mapping and result steps in English and Chinese.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { browserSuite, signedInPage, snap, switchLanguage } from './harness.mjs'

const PASSWORD = 'e2e password 123'
const suite = browserSuite()
const api = suite.api

const CSV = [
  '姓名,手机,邮箱,标签,备注',
  '王小明,138 0013 8000,xiaoming@example.com,VIP,老客户',
  'Jane Smith,+44 20 7946 0958,jane@example.com,,',
  '李雷,139 1234 5678,lilei@example.com,"VIP、华东",',
  '韩梅梅,+86 136 1234 5678,,,',
  'Broken Phone,12ab,broken@example.com,,',
  'Zhang Wei,+86 137 0000 1111,zhang@example.com,,周五回电',
].join('\r\n')

function signIn(slug, email) {
  return signedInPage(suite, { slug, email, password: PASSWORD, acceptDownloads: true })
}

test('import customers from a CSV, watch the job, read the result and follow up on an imported customer', { skip: suite.reason ?? false, timeout: 240_000 }, async () => {
  const slug = `imp-${randomBytes(3).toString('hex')}`
  const admin = (await api('POST', '/signup', null, { organisationName: '导入测试', slug, timeZone: 'Asia/Shanghai', defaultCountry: 'CN', locale: 'en', adminName: 'Admin', adminEmail: `admin@${slug}.test`, password: PASSWORD })).data.token
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'customer-import-'))
  const file = path.join(dir, '客户名单.csv')
  fs.writeFileSync(file, CSV, 'utf8')

  const page = await signIn(slug, `admin@${slug}.test`)
  const refused = []
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 400) refused.push(`${response.request().method()} ${response.url()} → ${response.status()}`)
  })
  try {
    await importAndFollowUp(page, admin, file)
  } catch (err) {
    await snap(page, '49-import-failure')
    if (refused.length) err.message += `\nAPI calls refused: ${refused.join('; ')}`
    throw err
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

/** The scenario itself, on a signed-in customer manager's page. */
async function importAndFollowUp(page, admin, file) {
  await page.goto(`${suite.platform.baseUrl}/customers`)
  await page.getByTestId('customers-import').click()
  await page.waitForURL((url) => url.pathname === '/customers/imports/new')

  // 1. Upload: the server reports format, encoding and rows; the address now names the import.
  await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles(file)
  await page.getByTestId('import-detected').waitFor()
  assert.equal((await page.getByTestId('import-row-count').innerText()).trim(), '6')
  assert.match(await page.getByTestId('import-format').innerText(), /CSV/)
  assert.match(await page.getByTestId('import-encoding').innerText(), /UTF-8/)
  await page.waitForURL((url) => /^\/customers\/imports\/[0-9a-f-]{36}$/.test(url.pathname))
  const importId = page.url().split('/').pop()

  // 2. Mapping: the guess from the Chinese headers is kept as it is.
  await page.getByTestId('import-to-mapping').click()
  await page.getByTestId('import-mapping-table').waitFor()
  const targets = await page.locator('[data-testid="import-mapping-row"]').evaluateAll((rows) => rows.map((r) => [r.dataset.header, r.dataset.target]))
  assert.deepEqual(targets, [['姓名', 'name'], ['手机', 'phone'], ['邮箱', 'email'], ['标签', 'tags'], ['备注', 'notes']])
  await snap(page, '41-import-mapping-en')
  await switchLanguage(page, 'zh-CN', '文件中的列')
  await snap(page, '42-import-mapping-zh-CN')
  await switchLanguage(page, 'en', 'Column in the file')

  // 3. Preview (the tenant's default country reads national numbers): the broken phone number fails, the other five would be created.
  await page.getByTestId('import-to-preview').click()
  await page.waitForSelector('[data-testid="import-summary-fail"][data-count="1"]')
  assert.equal(await page.getByTestId('import-summary-create').getAttribute('data-count'), '5')
  const failed = page.locator('[data-testid="import-preview-row"][data-action="fail"]')
  assert.equal(await failed.count(), 1)
  assert.match(await failed.innerText(), /Broken Phone[\s\S]*12ab/)
  await snap(page, '43-import-preview-en')

  // 4. Run: the progress bar reaches 100 % and the counts show what happened.
  await page.getByTestId('import-start').click()
  await page.waitForSelector('[data-testid="import-progress"][data-status="succeeded"]', { timeout: 60_000 })
  const progress = page.getByTestId('import-progress')
  assert.equal(await progress.getAttribute('aria-valuenow'), '100')
  assert.equal((await page.getByTestId('import-progress-percent').innerText()).trim(), '100 %')
  assert.equal(await page.getByTestId('import-count-created').getAttribute('data-count'), '5')
  assert.equal(await page.getByTestId('import-count-failed').getAttribute('data-count'), '1')
  await snap(page, '44-import-result-en')
  await switchLanguage(page, 'zh-CN', '导入完成')
  await snap(page, '45-import-result-zh-CN')
  await switchLanguage(page, 'en', 'Import complete')

  // The report lists the failed row with its original cells.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report').click()])
  const report = fs.readFileSync(await download.path(), 'utf8')
  assert.match(download.suggestedFilename(), /\.csv$/)
  assert.match(report, /12ab/)

  const imported = (await api('GET', `/customers/imports/${importId}`, admin)).data
  assert.equal(imported.status, 'succeeded')
  assert.deepEqual({ ...imported.counts, kept: undefined }, { created: 5, updated: 0, skipped: 0, failed: 1, kept: undefined })

  // The history lists the import.
  await page.goto(`${suite.platform.baseUrl}/customers/imports`)
  await page.waitForSelector(`[data-testid="import-row"][data-import-id="${importId}"] [data-status="succeeded"]`)
  await snap(page, '46-import-history')

  // An imported customer is found in the list and gets a follow-up on its page.
  await page.getByTestId('import-customers-link').click()
  await page.getByTestId('customers-search').fill('小明')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="customer-row"]').length === 1)
  assert.equal(await page.getByTestId('customer-row').getAttribute('data-customer-name'), '王小明')
  await page.getByTestId('customer-link').click()
  await page.getByTestId('tracking-form').waitFor()
  await page.getByTestId('tracking-content').fill('导入后首次回访：确认联系方式')
  await page.getByTestId('tracking-save').click()
  await page.locator('[data-testid="tracking-record"]').first().waitFor()
  assert.match(await page.locator('[data-testid="tracking-record"]').first().innerText(), /首次回访/)
  const customerId = page.url().split('/').pop()
  const customer = (await api('GET', `/customers/${customerId}`, admin)).data
  assert.deepEqual(customer.phones.map((p) => p.number), ['+8613800138000'])
  assert.deepEqual(customer.tags, ['VIP'])
}
