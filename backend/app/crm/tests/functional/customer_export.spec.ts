import path from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ExcelJS from 'exceljs'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { jobRunner } from '#jobs/job_runner'
import { filesRoot } from '#jobs/jobs'
import { createRole } from '#identity/actions/roles'

type Org = Awaited<ReturnType<typeof makeTenant>>

const HYPERLINK = '=HYPERLINK("http://evil.test")'

async function create(client: any, auth: string, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/customers').header('authorization', auth).json(body)
  response.assertStatus(201)
  return response.body().data
}

/** Starts an export, runs it with the job runner and answers the finished job. */
async function runExport(client: any, auth: string, body: Record<string, unknown>) {
  const queued = await client.post('/api/v1/customers/exports').header('authorization', auth).json(body)
  queued.assertStatus(202)
  await jobRunner.tick()
  const done = await client.get(`/api/v1/jobs/${queued.body().data.id}`).header('authorization', auth)
  return done.body().data
}

/** The rows of a CSV export, downloaded through the API, split naively (the test data has no commas). */
async function csvRows(client: any, auth: string, jobId: string) {
  const response = await client.get(`/api/v1/jobs/${jobId}/download`).header('authorization', auth)
  response.assertStatus(200)
  const text: string = response.text()
  return { text, lines: text.replace(/^\uFEFF/, '').trim().split('\r\n') }
}

/** The rows of an XLSX export read back from the tenant's file area. */
async function xlsxRows(org: Org, jobId: string) {
  const file = await asAdmin(org, async (scope) => (await scope.trx.from('jobs').where('tenant_id', scope.tenantId).where('id', jobId).first()).result.file)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path.join(filesRoot(), org.tenant.id, file))
  const sheet = workbook.getWorksheet('Customers')!
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

/** A role that may see (own and team) and export customers, but neither all of them nor ID numbers. */
async function exporterRole(org: Org) {
  return asAdmin(org, async (scope) => {
    const role = await createRole(scope, { name: 'Exporter', permissions: ['customers.view', 'customers.export'] })
    org.roleIds[role.key] = role.id
    return role.key
  })
}

test.group('Customer export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a CSV export has the filtered customers in the list order, neutralised cells, custom fields and an audit row', async ({ client, assert }) => {
    const org = await makeTenant()
    const field = await client.post('/api/v1/customer-fields').header('authorization', org.auth).json({ key: 'grade', label: 'Grade', type: 'choice', options: ['A', 'B'] })
    field.assertStatus(201)
    await create(client, org.auth, {
      name: HYPERLINK,
      phones: [{ number: '+86 138 0013 8000' }],
      addresses: [{ country: 'CN', region: '广东省', city: '广州市', district: '天河区', street: '天河路385号', postalCode: '510620' }, { label: 'work', country: 'us', city: 'San Francisco', region: 'CA', street: '1 Market St' }],
      idNumber: '110101199003071234',
      tags: ['vip'],
      customFields: { grade: 'A' },
    })
    await create(client, org.auth, { name: '王小明', emails: [{ address: 'wang@example.com' }], tags: ['vip'], source: '@referral' })
    await create(client, org.auth, { name: 'Not tagged', tags: ['other'] })
    const other = await makeTenant()
    await create(client, other.auth, { name: 'Other tenant VIP', tags: ['vip'] })

    const queued = await client.post('/api/v1/customers/exports').header('authorization', org.auth).json({ format: 'csv', tag: 'vip', sort: '-name' })
    queued.assertStatus(202)
    await matchesContract(queued)
    assert.equal(queued.body().data.kind, 'customers.export')
    assert.isTrue(await jobRunner.tick())
    const job = (await client.get(`/api/v1/jobs/${queued.body().data.id}`).header('authorization', org.auth)).body().data
    assert.equal(job.status, 'succeeded', job.error)
    assert.deepEqual(job.progress, { done: 2, total: 2, percent: 100 })
    assert.equal(job.result.rows, 2)

    const { text, lines } = await csvRows(client, org.auth, job.id)
    assert.isTrue(text.startsWith('\uFEFF'), 'a byte-order mark for Excel')
    assert.equal(lines[0], 'Name,Kind,Phones,E-mails,Addresses,ID number,Owner,Source,Status,Tags,Notes,Created,Updated,Grade')
    assert.lengthOf(lines, 3, 'a header and the two tagged customers of this tenant')
    assert.isTrue(lines[1].startsWith('王小明,person,,wang@example.com,,'), lines[1])
    assert.include(lines[1], ",'@referral,")
    assert.isTrue(lines[2].startsWith(`"'=HYPERLINK(""http://evil.test"")",person,'+8613800138000,,"广东省广州市天河区天河路385号 510620; 1 Market St, San Francisco, CA, US",110101199003071234,`), lines[2])
    assert.isTrue(lines[2].endsWith(',A'), lines[2])
    assert.notInclude(text, 'Other tenant')

    const log = await client.get('/api/v1/audit-logs').qs({ action: 'customers.export' }).header('authorization', org.auth)
    assert.equal(log.body().data[0]?.targetId, job.id)
    assert.deepEqual(log.body().data[0]?.after, { format: 'csv', filters: { tag: 'vip', sort: '-name' } })
  })

  test("an XLSX export holds only the exporter's customers, masks ID numbers without view_ids and neutralises formulas", async ({ client, assert }) => {
    const org = await makeTenant()
    const exporter = await makeUser(org, [await exporterRole(org)])
    await create(client, org.auth, { name: HYPERLINK, ownerId: exporter.user.id, phones: [{ number: '+86 138 0013 8000' }], idNumber: '110101199003071234' })
    await create(client, org.auth, { name: 'Mine too', ownerId: exporter.user.id })
    await create(client, org.auth, { name: 'The admin’s', ownerId: org.user.id, idNumber: '110101199003079999' })

    const job = await runExport(client, exporter.auth, { format: 'xlsx', sort: 'name' })
    assert.equal(job.status, 'succeeded', job.error)
    assert.equal(job.result.rows, 2)
    const rows = await xlsxRows(org, job.id)
    assert.deepEqual(rows[0].slice(0, 6), ['Name', 'Kind', 'Phones', 'E-mails', 'Addresses', 'ID number'])
    assert.lengthOf(rows, 3, 'a header and the two customers the exporter owns')
    assert.deepEqual(rows.slice(1).map((r) => r[0]), [`'${HYPERLINK}`, 'Mine too'])
    assert.equal(rows[1][2], `'+8613800138000`)
    assert.equal(rows[1][5], '110***********1234')
    assert.notInclude(JSON.stringify(rows), '110101199003079999')

    const admin = await runExport(client, org.auth, { format: 'xlsx' })
    const all = await xlsxRows(org, admin.id)
    assert.lengthOf(all, 4)
    assert.include(all.map((r) => r[5]), '110101199003071234', 'customers.view_ids shows ID numbers unmasked')
  })

  test('an export needs customers.export', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const denied = await client.post('/api/v1/customers/exports').header('authorization', agent.auth).json({ format: 'csv' })
    denied.assertStatus(403)
    const invalid = await client.post('/api/v1/customers/exports').header('authorization', org.auth).json({ format: 'pdf' })
    invalid.assertStatus(422)
    assert.equal(invalid.body().errors[0].field, 'format')
  })
})
