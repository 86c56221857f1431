import fs from 'node:fs/promises'
import path from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { jobRunner } from '#jobs/job_runner'
import { filesRoot } from '#jobs/jobs'
import { readEvents } from '#events/outbox'
import { createRole } from '#identity/actions/roles'

type Org = Awaited<ReturnType<typeof makeTenant>>

const FIXTURES = app.makePath('tests/fixtures/imports')

/** Organisations read national numbers as Chinese ones, as a Chinese call center would. */
async function chineseTenant() {
  const org = await makeTenant()
  await asAdmin(org, (scope) => scope.trx.from('tenants').where('id', scope.tenantId).update({ default_country: 'CN' }))
  return org
}

/** Uploads a fixture (or given bytes) as the wizard does. */
async function upload(client: any, auth: string, file: string, contents?: Buffer) {
  const bytes = contents ?? (await fs.readFile(path.join(FIXTURES, file)))
  return client.post('/api/v1/customers/imports').header('authorization', auth).file('file', bytes, { filename: file })
}

async function uploaded(client: any, auth: string, file: string, contents?: Buffer) {
  const response = await upload(client, auth, file, contents)
  response.assertStatus(201)
  await matchesContract(response)
  return response.body().data
}

/** Starts an import and runs its job (and any job queued behind it) to the end. */
async function run(client: any, auth: string, id: string, action = 'run') {
  const started = await client.post(`/api/v1/customers/imports/${id}/${action}`).header('authorization', auth)
  started.assertStatus(202)
  while (await jobRunner.tick()) {}
  const done = await client.get(`/api/v1/customers/imports/${id}`).header('authorization', auth)
  await matchesContract(done)
  return done.body().data
}

async function patch(client: any, auth: string, id: string, body: Record<string, unknown>) {
  return client.patch(`/api/v1/customers/imports/${id}`).header('authorization', auth).json(body)
}

async function customers(client: any, auth: string, search?: string) {
  const response = await client.get('/api/v1/customers').qs({ perPage: 100, sort: 'name', ...(search ? { search } : {}) }).header('authorization', auth)
  response.assertStatus(200)
  return response.body().data as Array<Record<string, any>>
}

async function detail(client: any, auth: string, id: string) {
  return (await client.get(`/api/v1/customers/${id}`).header('authorization', auth)).body().data
}

async function field(client: any, auth: string, body: Record<string, unknown>) {
  ;(await client.post('/api/v1/customer-fields').header('authorization', auth).json(body)).assertStatus(201)
}

/** A CSV of n generated customers (phones +86 139 …), header first. */
function generated(n: number, start = 0) {
  const lines = ['Name,Phone']
  for (let i = start; i < start + n; i++) lines.push(`Customer ${i},+86139${String(i).padStart(8, '0')}`)
  return lines.join('\n') + '\n'
}

test.group('Customer import', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a UTF-8 file with Chinese headers is mapped by guess, imported, and every customer created through the outbox', async ({ client, assert }) => {
    const org = await chineseTenant()
    await field(client, org.auth, { key: 'grade', label: '等级', type: 'choice', options: ['A', 'B', 'C'] })
    const imp = await uploaded(client, org.auth, 'customers-utf8.csv')
    assert.include(imp, { format: 'csv', encoding: 'utf-8', status: 'uploaded', totalRows: 3 })
    assert.deepEqual(imp.headers, ['姓名', '手机', '邮箱', '身份证号', '标签', '等级', '备注'])
    assert.deepEqual(imp.sampleRows[0].slice(0, 2), ['王小明', '138 0013 8000'])
    assert.deepEqual(imp.mapping.map((m: any) => m.target), ['name', 'phone', 'email', 'idNumber', 'tags', 'custom:grade', 'notes'])

    const done = await run(client, org.auth, imp.id)
    assert.equal(done.status, 'succeeded', done.error)
    assert.deepEqual(done.counts, { created: 3, updated: 0, skipped: 0, failed: 0, kept: 0 })
    assert.deepEqual(done.progress, { done: 3, total: 3, percent: 100 })
    assert.isFalse(done.reportAvailable)

    const list = await customers(client, org.auth)
    assert.sameMembers(list.map((c) => c.name), ['王小明', '李娜', '欧阳建国'])
    const wang = await detail(client, org.auth, list.find((c) => c.name === '王小明')!.id)
    assert.deepEqual(wang.phones.map((p: any) => [p.number, p.raw]), [['+8613800138000', '138 0013 8000']])
    assert.deepEqual(wang.tags, ['VIP', '重点'])
    assert.equal(wang.idNumber, '110101199003071234')
    assert.deepEqual(wang.customFields, { grade: 'A' })
    assert.equal(wang.ownerId, org.user.id, 'the importer owns rows without an owner')
    const ouyang = list.find((c) => c.name === '欧阳建国')!
    assert.equal((await detail(client, org.auth, ouyang.id)).phones[0].number, '+8613700137000')

    const events = await asAdmin(org, (scope) => readEvents(scope, { type: 'customer.created' }))
    assert.lengthOf(events, 3)
    assert.isTrue(events.every((e) => e.payload.importId === imp.id))
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'customer_imports.run' }).header('authorization', org.auth)
    assert.equal(log.body().data[0]?.targetId, imp.id)
  })

  test('UTF-8 with BOM, GBK and XLSX files are read as written', async ({ client, assert }) => {
    const org = await chineseTenant()
    const bom = await uploaded(client, org.auth, 'customers-bom.csv')
    assert.equal(bom.encoding, 'utf-8-bom')
    assert.equal(bom.headers[0], 'Name', 'the byte-order mark is not part of the first header')
    assert.deepEqual(bom.mapping.map((m: any) => m.target), ['name', 'phone', 'email', 'status', 'tags', 'notes'])

    const gbk = await uploaded(client, org.auth, 'customers-gbk.csv')
    assert.equal(gbk.encoding, 'gb18030')
    assert.equal(gbk.headers[0], '姓名')
    assert.deepEqual(gbk.sampleRows.map((r: string[]) => r[0]), ['王小明', '李娜', '欧阳建国'])
    const gbkDone = await run(client, org.auth, gbk.id)
    assert.equal(gbkDone.counts.created, 3)
    assert.lengthOf(await customers(client, org.auth, '欧阳'), 1, 'a Chinese name read from GBK is searchable')

    await field(client, org.auth, { key: 'birthday', label: 'Birthday', type: 'date' })
    await field(client, org.auth, { key: 'score', label: 'Score', type: 'number' })
    const xlsx = await uploaded(client, org.auth, 'customers.xlsx')
    assert.include(xlsx, { format: 'xlsx', encoding: null, totalRows: 3 })
    assert.deepEqual(xlsx.mapping.map((m: any) => m.target), ['name', 'phone', 'email', 'custom:birthday', 'kind', 'tags', 'custom:score'])
    const xlsxDone = await run(client, org.auth, xlsx.id)
    assert.equal(xlsxDone.counts.created, 3, JSON.stringify(xlsxDone))
    const zhang = await detail(client, org.auth, (await customers(client, org.auth, '张伟'))[0].id)
    assert.equal(zhang.phones[0].number, '+8613800138001', 'a number stored as a number cell')
    assert.deepEqual(zhang.customFields, { birthday: '1990-03-07', score: 42 }, 'a date cell and a formula’s value')
    const company = await detail(client, org.auth, (await customers(client, org.auth, '某某科技'))[0].id)
    assert.equal(company.name, '上海某某科技有限公司', 'rich text joined')
    assert.equal(company.kind, 'organisation')
    assert.equal(company.phones[0].number, '+862161234567')
  })

  test('broken rows fail with their fields, in-file duplicates are skipped, formula text is kept as text, and the report lists them', async ({ client, assert }) => {
    const org = await chineseTenant()
    await field(client, org.auth, { key: 'grade', label: 'Grade', type: 'choice', options: ['A', 'B', 'C'] })
    const imp = await uploaded(client, org.auth, 'customers-broken.csv')
    assert.deepEqual(imp.mapping.map((m: any) => m.target), ['name', 'phone', 'email', 'custom:grade', 'notes'])

    const preview = await client.post(`/api/v1/customers/imports/${imp.id}/preview`).header('authorization', org.auth)
    preview.assertStatus(200)
    await matchesContract(preview)
    const rows = preview.body().data.rows
    assert.deepEqual(preview.body().data.summary, { create: 4, update: 0, skip: 1, fail: 3 })
    assert.deepEqual(rows.map((r: any) => [r.row, r.action]), [[2, 'create'], [3, 'fail'], [4, 'fail'], [5, 'fail'], [6, 'create'], [7, 'create'], [8, 'skip'], [9, 'create']])
    assert.deepEqual(rows[1].errors.map((e: any) => e.field), ['name'])
    assert.deepEqual(rows[2].errors.map((e: any) => e.field), ['phone'])
    assert.deepEqual(rows[3].errors.map((e: any) => e.field).sort(), ['customFields.grade', 'email'])
    assert.lengthOf(await customers(client, org.auth), 0, 'the preview writes nothing')

    const done = await run(client, org.auth, imp.id)
    assert.equal(done.status, 'succeeded', done.error)
    assert.deepEqual(done.counts, { created: 4, updated: 0, skipped: 1, failed: 3, kept: 0 })
    assert.isTrue(done.reportAvailable)
    const list = await customers(client, org.auth)
    assert.includeMembers(list.map((c) => c.name), ['=HYPERLINK("http://evil.test","click")', '=SUM(A1:A2)'])
    const two = await detail(client, org.auth, list.find((c) => c.name === 'Two Numbers')!.id)
    assert.deepEqual(two.phones.map((p: any) => p.number), ['+8613800000008', '+8613800000009'])

    const report = await client.get(`/api/v1/customers/imports/${imp.id}/report`).header('authorization', org.auth)
    report.assertStatus(200)
    const lines: string[] = report.text().replace(/^\uFEFF/, '').trim().split('\r\n')
    assert.equal(lines[0], 'Row,Action,Errors,Name,Phone,E-mail,Grade,Notes')
    assert.lengthOf(lines, 5)
    assert.isTrue(lines[1].startsWith("3,failed,name: The name is required,,'+8613800000002,noname@example.com"), lines[1])
    assert.isTrue(lines[2].startsWith('4,failed,"phone: ""12345"" is not a valid phone number"'), lines[2])
    assert.isTrue(lines[4].startsWith('8,skipped,Duplicate of customer '), lines[4])
  })

  test('dedupe policies: skip keeps, update merges and create duplicates; rollback restores updates, deletes creations and keeps later changes', async ({ client, assert }) => {
    const org = await chineseTenant()
    const existing = (
      await client.post('/api/v1/customers').header('authorization', org.auth).json({ name: 'Old Name', phones: [{ number: '+8613900000001' }], tags: ['old'], source: 'web' })
    ).body().data
    const csv = Buffer.from('Name,Phone,E-mail,Tags,地址\nNew Name,139 0000 0001,new@example.com,fresh,广州市天河区天河路385号\nSomeone Else,+8613900000002,,,\n')

    const skip = await uploaded(client, org.auth, 'skip.csv', csv)
    assert.deepEqual(skip.dedupe, { keys: ['phone'], policy: 'skip' })
    assert.deepEqual((await run(client, org.auth, skip.id)).counts, { created: 1, updated: 0, skipped: 1, failed: 0, kept: 0 })
    assert.equal((await detail(client, org.auth, existing.id)).name, 'Old Name')

    const update = await uploaded(client, org.auth, 'update.csv', csv)
    ;(await patch(client, org.auth, update.id, { dedupe: { keys: ['phone', 'email'], policy: 'update' } })).assertStatus(200)
    assert.deepEqual((await run(client, org.auth, update.id)).counts, { created: 0, updated: 2, skipped: 0, failed: 0, kept: 0 })
    const merged = await detail(client, org.auth, existing.id)
    assert.equal(merged.name, 'New Name')
    assert.deepEqual(merged.tags, ['old', 'fresh'])
    assert.deepEqual(merged.emails.map((e: any) => e.address), ['new@example.com'])
    assert.deepEqual(merged.addresses.map((a: any) => [a.label, a.street]), [['home', '广州市天河区天河路385号']])
    assert.equal(merged.source, 'web', 'a column not in the file stays')

    const create = await uploaded(client, org.auth, 'create.csv', csv)
    ;(await patch(client, org.auth, create.id, { dedupe: { keys: [], policy: 'create' } })).assertStatus(200)
    assert.deepEqual((await run(client, org.auth, create.id)).counts, { created: 2, updated: 0, skipped: 0, failed: 0, kept: 0 })
    assert.lengthOf(await customers(client, org.auth), 4)

    // Someone changes one of the created duplicates after the import: the rollback keeps it.
    const duplicates = (await customers(client, org.auth)).filter((c) => c.name === 'Someone Else')
    const laterChanged = duplicates.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    ;(await client.patch(`/api/v1/customers/${laterChanged.id}`).header('authorization', org.auth).json({ notes: 'called back' })).assertStatus(200)
    const undone = await run(client, org.auth, create.id, 'rollback')
    assert.equal(undone.status, 'rolled_back', undone.error)
    assert.equal(undone.counts.kept, 1)
    assert.lengthOf(await customers(client, org.auth), 4 - 1)

    const restored = await run(client, org.auth, update.id, 'rollback')
    assert.equal(restored.status, 'rolled_back')
    const back = await detail(client, org.auth, existing.id)
    assert.deepEqual([back.name, back.tags, back.emails, back.addresses, back.phones.map((p: any) => p.number)], ['Old Name', ['old'], [], [], ['+8613900000001']])
    assert.equal(back.updatedAt, existing.updatedAt)
    assert.lengthOf((await readEventsOf(org, 'customer.deleted')).filter((e) => e.payload.rollback), 1)
  })

  test('a mapping is remembered for files with the same columns, and bad choices are 422s on their field', async ({ client, assert }) => {
    const org = await chineseTenant()
    const csv = Buffer.from('Full name,Contact number,Memo\n赵六,13800138006,x\n')
    const first = await uploaded(client, org.auth, 'a.csv', csv)
    assert.deepEqual(first.mapping, [{ column: 0, target: 'name' }])

    const noName = await patch(client, org.auth, first.id, { mapping: [{ column: 1, target: 'phone' }] })
    noName.assertStatus(422)
    assert.equal(noName.body().errors[0].field, 'mapping')
    const outOfRange = await patch(client, org.auth, first.id, { mapping: [{ column: 0, target: 'name' }, { column: 7, target: 'phone' }] })
    assert.equal(outOfRange.body().errors[0].field, 'mapping.1.column')
    const twice = await patch(client, org.auth, first.id, { mapping: [{ column: 0, target: 'name' }, { column: 2, target: 'name' }] })
    assert.equal(twice.body().errors[0].field, 'mapping.1.target')
    const unknown = await patch(client, org.auth, first.id, { mapping: [{ column: 0, target: 'name' }, { column: 2, target: 'custom:nope' }] })
    assert.equal(unknown.body().errors[0].field, 'mapping.1.target')
    const noKeys = await patch(client, org.auth, first.id, { dedupe: { keys: [], policy: 'skip' } })
    assert.equal(noKeys.body().errors[0].field, 'dedupe.keys')

    const saved = await patch(client, org.auth, first.id, { mapping: [{ column: 0, target: 'name' }, { column: 1, target: 'phone' }, { column: 2, target: 'notes' }], dedupe: { keys: ['phone', 'email'], policy: 'update' } })
    saved.assertStatus(200)
    await matchesContract(saved)
    const second = await uploaded(client, org.auth, 'b.csv', Buffer.from('full name, CONTACT NUMBER ,memo\n钱七,13800138007,y\n'))
    assert.deepEqual(second.mapping, saved.body().data.mapping)
    assert.deepEqual(second.dedupe, { keys: ['phone', 'email'], policy: 'update' })

    await run(client, org.auth, first.id)
    const again = await client.post(`/api/v1/customers/imports/${first.id}/run`).header('authorization', org.auth)
    again.assertStatus(409)
    ;(await patch(client, org.auth, first.id, { mapping: [{ column: 0, target: 'name' }] })).assertStatus(409)
    ;(await client.post(`/api/v1/customers/imports/${first.id}/resume`).header('authorization', org.auth)).assertStatus(409)
  })

  test('bad files are 422s on `file` and nothing is kept', async ({ client, assert }) => {
    const org = await chineseTenant()
    const none = await client.post('/api/v1/customers/imports').header('authorization', org.auth)
    none.assertStatus(422)
    assert.equal(none.body().errors[0].field, 'file')
    const cases: Array<[string, Buffer, string]> = [
      ['empty.csv', Buffer.alloc(0), 'empty'],
      ['header.csv', Buffer.from('Name,Phone\n'), 'has a header but no data rows'],
      ['old.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), '.xls'],
      ['binary.csv', Buffer.from([0x4e, 0x00, 0x61, 0x00, 0x6d, 0x00]), 'not a CSV'],
      ['photo.png', Buffer.from('Name\nx\n'), '.xlsx'],
    ]
    for (const [name, bytes, reason] of cases) {
      const response = await upload(client, org.auth, name, bytes)
      assert.equal(response.status(), 422, `${name}: ${response.text()}`)
      assert.equal(response.body().errors[0].field, 'file', name)
      assert.include(response.body().errors[0].message, reason, name)
    }
    assert.lengthOf((await client.get('/api/v1/customers/imports').header('authorization', org.auth)).body().data, 0)
    const folder = path.join(filesRoot(), org.tenant.id, 'imports')
    assert.deepEqual(await fs.readdir(folder).catch(() => []), [])
  })

  test('a file that breaks half-way leaves whole batches and a clear error; it resumes after its checkpoint or rolls back', async ({ client, assert }) => {
    const org = await chineseTenant()
    const broken = Buffer.from(generated(600) + 'Broken,"+8613955555555\n')
    const refused = await upload(client, org.auth, 'broken.csv', broken)
    refused.assertStatus(422)
    assert.match(refused.body().errors[0].message, /quote/i, 'an unclosed quote is found at upload already')

    // The file was fine at upload and broke in storage afterwards (a partial copy): the job stops.
    const good = await uploaded(client, org.auth, 'late.csv', Buffer.from(generated(600) + 'Last,+8613955555555\n'))
    ;(await patch(client, org.auth, good.id, { dedupe: { keys: [], policy: 'create' } })).assertStatus(200)
    const stored = await asAdmin(org, async (scope) => (await scope.trx.from('customer_imports').where('id', good.id).first()).file)
    const file = path.join(filesRoot(), org.tenant.id, stored)
    await fs.writeFile(file, broken)
    const failed = await run(client, org.auth, good.id)
    assert.equal(failed.status, 'failed')
    assert.match(failed.error, /quote/i)
    assert.deepEqual(failed.counts, { created: 500, updated: 0, skipped: 0, failed: 0, kept: 0 }, 'the first batch of 500 committed, the broken one not at all')
    assert.isTrue(failed.canResume && failed.canRollback)
    assert.lengthOf((await client.get('/api/v1/customers').qs({ perPage: 1 }).header('authorization', org.auth)).body().data, 1)
    assert.equal((await client.get('/api/v1/customers').qs({ perPage: 1 }).header('authorization', org.auth)).body().meta.total, 500)

    await fs.writeFile(file, generated(600) + 'Last,+8613955555555\n')
    const resumed = await run(client, org.auth, good.id, 'resume')
    assert.equal(resumed.status, 'succeeded', resumed.error)
    assert.deepEqual(resumed.counts, { created: 601, updated: 0, skipped: 0, failed: 0, kept: 0 })
    assert.equal((await client.get('/api/v1/customers').qs({ perPage: 1 }).header('authorization', org.auth)).body().meta.total, 601, 'no row imported twice')

    const rolledBack = await run(client, org.auth, good.id, 'rollback')
    assert.equal(rolledBack.status, 'rolled_back')
    assert.equal((await client.get('/api/v1/customers').qs({ perPage: 1 }).header('authorization', org.auth)).body().meta.total, 0)
  })

  test('imports need customers.import, are seen by their owner, and never update customers outside the importer’s scope', async ({ client, assert }) => {
    const org = await chineseTenant()
    const agent = await makeUser(org, ['agent'])
    ;(await upload(client, agent.auth, 'customers-utf8.csv')).assertStatus(403)

    const role = await asAdmin(org, (scope) => createRole(scope, { name: 'Importer', permissions: ['customers.view', 'customers.manage', 'customers.import'] }))
    org.roleIds[role.key] = role.id
    const importer = await makeUser(org, [role.key])
    const adminsCustomer = (await client.post('/api/v1/customers').header('authorization', org.auth).json({ name: 'Admin’s', phones: [{ number: '+8613900000077' }] })).body().data

    const imp = await uploaded(client, importer.auth, 'mine.csv', Buffer.from('Name,Phone\nTaken Over,+8613900000077\nFresh,+8613900000078\n'))
    ;(await patch(client, importer.auth, imp.id, { dedupe: { keys: ['phone'], policy: 'update' } })).assertStatus(200)
    const done = await run(client, importer.auth, imp.id)
    assert.deepEqual(done.counts, { created: 1, updated: 0, skipped: 0, failed: 1, kept: 0 })
    assert.equal((await detail(client, org.auth, adminsCustomer.id)).name, 'Admin’s')

    const adminView = await client.get(`/api/v1/customers/imports/${imp.id}`).header('authorization', org.auth)
    adminView.assertStatus(200)
    const adminImport = await uploaded(client, org.auth, 'admin.csv', Buffer.from('Name\nX\n'))
    ;(await client.get(`/api/v1/customers/imports/${adminImport.id}`).header('authorization', importer.auth)).assertStatus(404)
    const listed = (await client.get('/api/v1/customers/imports').header('authorization', importer.auth)).body().data
    assert.deepEqual(listed.map((i: any) => i.id), [imp.id])

    const foreignOwner = await patch(client, importer.auth, imp.id, { defaultOwnerId: org.user.id })
    assert.equal(foreignOwner.status(), 409, 'a finished import takes no more choices')
    const other = await uploaded(client, importer.auth, 'owner.csv', Buffer.from('Name\nY\n'))
    const refused = await patch(client, importer.auth, other.id, { defaultOwnerId: org.user.id })
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'defaultOwnerId')
  })
})

function readEventsOf(org: Org, type: string) {
  return asAdmin(org, (scope) => readEvents(scope, { type }))
}
