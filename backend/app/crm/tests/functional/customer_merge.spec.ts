import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { createRole } from '#identity/actions/roles'

type Org = Awaited<ReturnType<typeof makeTenant>>

async function setCountry(client: any, org: Org, country: string) {
  const response = await client.patch('/api/v1/tenant').header('authorization', org.auth).json({ defaultCountry: country })
  response.assertStatus(200)
}

async function create(client: any, auth: string, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/customers').header('authorization', auth).json(body)
  response.assertStatus(201)
  return response.body().data
}

async function track(client: any, auth: string, customerId: string, content: string) {
  const response = await client.post(`/api/v1/customers/${customerId}/tracking-records`).header('authorization', auth).json({ type: 'note', content })
  response.assertStatus(201)
  return response.body().data
}

async function duplicatesOf(client: any, auth: string, customerId: string) {
  const response = await client.get(`/api/v1/customers/${customerId}/duplicates`).header('authorization', auth)
  response.assertStatus(200)
  await matchesContract(response)
  return response.body().data as Array<Record<string, any>>
}

test.group('Customer duplicates and merge', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('duplicates are found by a phone written differently, by e-mail whatever its case and by ID number', async ({ client, assert }) => {
    const org = await makeTenant()
    await setCountry(client, org, 'CN')
    const manager = await makeUser(org, ['customer_manager'])
    const agent = await makeUser(org, ['agent'])
    const kept = await create(client, manager.auth, {
      name: '王小明', ownerId: agent.user.id, phones: [{ number: '+86 138 0013 8000' }], emails: [{ address: 'Wang@Example.com' }], idNumber: '11010119900307123X',
    })
    const byPhone = await create(client, manager.auth, { name: '王晓明', ownerId: agent.user.id, phones: [{ number: '0086 138 0013 8000' }] })
    const byEmail = await create(client, manager.auth, { name: 'Xiaoming Wang', ownerId: agent.user.id, emails: [{ address: 'wang@EXAMPLE.com' }] })
    const byId = await create(client, manager.auth, { name: '王先生', ownerId: agent.user.id, idNumber: '11010119900307123x' })
    const byAll = await create(client, manager.auth, {
      name: 'W. X. M.', ownerId: agent.user.id, phones: [{ number: '13800138000' }], emails: [{ address: 'WANG@example.COM' }], idNumber: '11010119900307123X',
    })
    await create(client, manager.auth, { name: 'Someone else', phones: [{ number: '13900139000' }], emails: [{ address: 'other@example.com' }], idNumber: '220101199001011111' })

    const found = await duplicatesOf(client, manager.auth, kept.id)
    const byIdOf = new Map(found.map((d) => [d.id, d]))
    assert.sameMembers([...byIdOf.keys()], [byPhone.id, byEmail.id, byId.id, byAll.id])
    assert.deepEqual(byIdOf.get(byPhone.id)!.reasons, ['phone'])
    assert.deepEqual(byIdOf.get(byPhone.id)!.matchedPhones, ['+8613800138000'])
    assert.deepEqual(byIdOf.get(byEmail.id)!.reasons, ['email'])
    assert.deepEqual(byIdOf.get(byEmail.id)!.matchedEmails, ['wang@EXAMPLE.com'])
    assert.deepEqual(byIdOf.get(byId.id)!.reasons, ['idNumber'])
    assert.equal(byIdOf.get(byId.id)!.matchedIdNumber, '11010119900307123x', 'customer managers see ID numbers')
    assert.deepEqual(byIdOf.get(byAll.id)!.reasons, ['phone', 'email', 'idNumber'])
    assert.equal(byIdOf.get(byAll.id)!.ownerName, agent.user.displayName)

    const forAgent = await duplicatesOf(client, agent.auth, kept.id)
    assert.equal(forAgent.find((d) => d.id === byId.id)!.matchedIdNumber, '110***********123x', 'masked without customers.view_ids')

    const alone = await create(client, manager.auth, { name: 'Alone', phones: [{ number: '13700137000' }] })
    assert.deepEqual(await duplicatesOf(client, manager.auth, alone.id), [])
  })

  test('a merge moves phones, e-mails, tags, custom fields, notes and the timeline, keeps a snapshot and removes the duplicate', async ({ client, assert }) => {
    const org = await makeTenant()
    await setCountry(client, org, 'CN')
    const manager = await makeUser(org, ['customer_manager'])
    const field = await client.post('/api/v1/customer-fields').header('authorization', org.auth).json({ key: 'grade', label: 'Grade', type: 'choice', options: ['A', 'B'] })
    field.assertStatus(201)
    await client.post('/api/v1/customer-fields').header('authorization', org.auth).json({ key: 'city', label: 'City', type: 'text' })

    const kept = await create(client, manager.auth, {
      name: '王小明', phones: [{ number: '+86 138 0013 8000' }], emails: [{ address: 'wang@example.com' }], tags: ['vip'], notes: '喜欢下午来电', customFields: { city: '北京' },
    })
    const duplicate = await create(client, manager.auth, {
      name: '王晓明',
      phones: [{ number: '0086 138 0013 8000' }, { number: '139 0013 9000', label: 'work' }],
      emails: [{ address: 'WANG@example.com' }, { address: 'xm@work.test' }],
      idNumber: '110101199003071234',
      tags: ['vip', '北京'],
      notes: '老客户',
      customFields: { grade: 'A', city: '上海' },
    })
    const keptRecord = await track(client, manager.auth, kept.id, 'Kept customer called')
    const movedRecord = await track(client, manager.auth, duplicate.id, 'Duplicate visited')

    const merged = await client.post(`/api/v1/customers/${kept.id}/merge`).header('authorization', manager.auth).json({ duplicateId: duplicate.id })
    merged.assertStatus(200)
    await matchesContract(merged)
    const after = merged.body().data
    assert.equal(after.name, '王小明', 'the kept customer keeps its own fields')
    assert.deepEqual(after.phones.map((p: any) => [p.number, p.label]), [['+8613800138000', 'mobile'], ['+8613900139000', 'work']], 'no number twice')
    assert.deepEqual(after.emails.map((e: any) => e.address), ['wang@example.com', 'xm@work.test'], 'no address twice, whatever its case')
    assert.deepEqual(after.tags, ['vip', '北京'])
    assert.deepEqual(after.customFields, { city: '北京', grade: 'A' }, 'only values it lacked')
    assert.equal(after.notes, '喜欢下午来电\n\n老客户')
    assert.equal(after.idNumber, '110101199003071234')

    const gone = await client.get(`/api/v1/customers/${duplicate.id}`).header('authorization', manager.auth)
    gone.assertStatus(404)
    const timeline = await client.get(`/api/v1/customers/${kept.id}/tracking-records`).header('authorization', manager.auth)
    assert.sameMembers(timeline.body().data.map((r: any) => r.id), [keptRecord.id, movedRecord.id])
    assert.isTrue(timeline.body().data.every((r: any) => r.customerId === kept.id))
    assert.deepEqual(await duplicatesOf(client, manager.auth, kept.id), [])

    const merges = await client.get(`/api/v1/customers/${kept.id}/merges`).header('authorization', manager.auth)
    merges.assertStatus(200)
    await matchesContract(merges)
    assert.lengthOf(merges.body().data, 1)
    assert.deepInclude(merges.body().data[0], { mergedCustomerId: duplicate.id, name: '王晓明', mergedBy: manager.user.id, mergedByName: manager.user.displayName })
    const snapshot = await asAdmin(org, (scope) => scope.trx.from('customer_merges').where('tenant_id', scope.tenantId).where('kept_customer_id', kept.id).firstOrFail())
    assert.deepEqual(snapshot.snapshot.phones.map((p: any) => p.number), ['+8613800138000', '+8613900139000'])
    assert.deepInclude(snapshot.snapshot, { id: duplicate.id, name: '王晓明', idNumber: '110101199003071234', notes: '老客户', tags: ['vip', '北京'] })

    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type === 'customer.merged'))
    assert.lengthOf(events, 1)
    assert.equal(events[0].entity.id, kept.id)
    assert.deepInclude(events[0].payload, { keptId: kept.id, mergedId: duplicate.id, trackingRecords: 1 })
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'customers.merge', result: 'success' }).header('authorization', org.auth)
    assert.lengthOf(log.body().data, 1)
    assert.equal(log.body().data[0].targetId, kept.id)
    assert.equal(log.body().data[0].before.merged.id, duplicate.id)
    assert.notInclude(JSON.stringify(log.body().data), '110101199003071234', 'the operation log keeps ID numbers masked')

    const third = await create(client, manager.auth, { name: 'Third', phones: [{ number: '13900139000' }] })
    const again = await client.post(`/api/v1/customers/${third.id}/merge`).header('authorization', manager.auth).json({ duplicateId: kept.id })
    again.assertStatus(200)
    const chained = await client.get(`/api/v1/customers/${third.id}/merges`).header('authorization', manager.auth)
    assert.sameMembers(chained.body().data.map((m: any) => m.mergedCustomerId), [kept.id, duplicate.id], 'earlier merges move along')
  })

  test('merging into itself is a 422; customers outside the scope or of another tenant are 404s; agents may not merge', async ({ client, assert }) => {
    const org = await makeTenant()
    const role = await asAdmin(org, (scope) => createRole(scope, { name: 'Own editor', permissions: ['customers.view', 'customers.manage'] }))
    const [dave, erin] = [await makeUser(org, []), await makeUser(org, ['agent'])]
    await asAdmin(org, (scope) => scope.trx.table('user_roles').insert({ tenant_id: scope.tenantId, user_id: dave.user.id, role_id: role.id }))
    const mine = await create(client, dave.auth, { name: 'Mine', phones: [{ number: '+8613800138000' }] })
    const alsoMine = await create(client, dave.auth, { name: 'Also mine', phones: [{ number: '+8613800138000' }] })
    const ofErin = await create(client, org.auth, { name: 'Erin’s', ownerId: erin.user.id, phones: [{ number: '+8613800138000' }] })

    const self = await client.post(`/api/v1/customers/${mine.id}/merge`).header('authorization', dave.auth).json({ duplicateId: mine.id })
    self.assertStatus(422)
    await matchesContract(self)
    assert.equal(self.body().errors[0].field, 'duplicateId')
    const bad = await client.post(`/api/v1/customers/${mine.id}/merge`).header('authorization', dave.auth).json({ duplicateId: 'nope' })
    bad.assertStatus(422)

    assert.deepEqual((await duplicatesOf(client, dave.auth, mine.id)).map((d) => d.id), [alsoMine.id], 'only customers in scope are offered')
    const outOfScope = await client.post(`/api/v1/customers/${mine.id}/merge`).header('authorization', dave.auth).json({ duplicateId: ofErin.id })
    outOfScope.assertStatus(404)
    await matchesContract(outOfScope)
    const intoOutOfScope = await client.post(`/api/v1/customers/${ofErin.id}/merge`).header('authorization', dave.auth).json({ duplicateId: mine.id })
    intoOutOfScope.assertStatus(404)
    const dupes = await client.get(`/api/v1/customers/${ofErin.id}/duplicates`).header('authorization', dave.auth)
    dupes.assertStatus(404)
    const merges = await client.get(`/api/v1/customers/${ofErin.id}/merges`).header('authorization', dave.auth)
    merges.assertStatus(404)

    const byAgent = await client.post(`/api/v1/customers/${ofErin.id}/merge`).header('authorization', erin.auth).json({ duplicateId: mine.id })
    byAgent.assertStatus(403)

    const other = await makeTenant()
    const foreign = await create(client, other.auth, { name: 'Foreign', phones: [{ number: '+8613800138000' }] })
    const cross = await client.post(`/api/v1/customers/${mine.id}/merge`).header('authorization', org.auth).json({ duplicateId: foreign.id })
    cross.assertStatus(404)
    assert.notInclude((await duplicatesOf(client, org.auth, mine.id)).map((d) => d.id), foreign.id, 'another tenant’s customers are never duplicates')
    const still = await client.get(`/api/v1/customers/${foreign.id}`).header('authorization', other.auth)
    still.assertStatus(200)
    const mineStill = await client.get(`/api/v1/customers/${ofErin.id}`).header('authorization', org.auth)
    mineStill.assertStatus(200)
  })

  test('a merge brings over the category values the kept customer lacks, never a second value of an exclusive group', async ({ client, assert }) => {
    const org = await makeTenant()
    const post = (url: string, body: Record<string, unknown>) => client.post(url).header('authorization', org.auth).json(body)
    const grade = (await post('/api/v1/customer-category-groups', { name: 'Grade', exclusive: true, values: [{ name: 'A' }, { name: 'B' }] })).body().data
    const vip = (await post('/api/v1/customer-category-groups', { name: 'VIP', values: [{ name: 'Gold' }] })).body().data
    const [a, b] = grade.values.map((v: any) => v.id)
    const gold = vip.values[0].id
    const kept = (await post('/api/v1/customers', { name: 'Kept', phones: [{ number: '+8613800138111' }] })).body().data
    const duplicate = (await post('/api/v1/customers', { name: 'Duplicate', phones: [{ number: '+8613800138111' }] })).body().data
    ;(await client.put(`/api/v1/customers/${kept.id}/categories`).header('authorization', org.auth).json({ valueIds: [a] })).assertStatus(200)
    ;(await client.put(`/api/v1/customers/${duplicate.id}/categories`).header('authorization', org.auth).json({ valueIds: [b, gold] })).assertStatus(200)
    const merged = await post(`/api/v1/customers/${kept.id}/merge`, { duplicateId: duplicate.id })
    merged.assertStatus(200)
    assert.sameMembers(merged.body().data.categories.map((c: any) => c.id), [a, gold])
  })
})
