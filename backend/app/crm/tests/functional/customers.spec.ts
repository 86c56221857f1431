import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { createRole } from '#identity/actions/roles'
import { createTeam, setTeamMembers } from '#identity/actions/teams'

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

test.group('Customers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a customer manager creates, reads, lists, changes and deletes a customer; every change is logged and published', async ({ client, assert }) => {
    const org = await makeTenant()
    await setCountry(client, org, 'CN')
    const manager = await makeUser(org, ['customer_manager'])

    const created = await client.post('/api/v1/customers').header('authorization', manager.auth).json({
      name: '王小明',
      phones: [{ number: '138 0013 8000', label: 'mobile' }, { number: '+1 (415) 555-0100', label: 'work' }],
      emails: [{ address: 'Wang@Example.com' }],
      idNumber: '110101199003071234',
      source: 'referral',
      tags: ['vip', '北京'],
      notes: '喜欢下午来电',
    })
    created.assertStatus(201)
    await matchesContract(created)
    const customer = created.body().data
    assert.equal(customer.name, '王小明')
    assert.deepEqual(customer.phones.map((p: any) => [p.number, p.raw, p.label]), [['+8613800138000', '138 0013 8000', 'mobile'], ['+14155550100', '+1 (415) 555-0100', 'work']])
    assert.deepEqual([customer.ownerId, customer.createdBy, customer.updatedBy], [manager.user.id, manager.user.id, manager.user.id])
    assert.equal(customer.ownerName, manager.user.displayName)
    assert.equal(customer.idNumber, '110101199003071234', 'customer managers hold customers.view_ids')
    assert.deepEqual([customer.kind, customer.status], ['person', 'active'])

    const shown = await client.get(`/api/v1/customers/${customer.id}`).header('authorization', manager.auth)
    shown.assertStatus(200)
    await matchesContract(shown)
    assert.deepEqual(shown.body().data, customer)

    const listed = await client.get('/api/v1/customers').header('authorization', manager.auth)
    listed.assertStatus(200)
    await matchesContract(listed)
    assert.equal(listed.body().meta.total, 1)
    assert.equal(listed.body().data[0].idNumber, '110***********1234', 'lists always mask ID numbers')

    const changed = await client.patch(`/api/v1/customers/${customer.id}`).header('authorization', manager.auth).json({
      kind: 'organisation', name: '北京小明科技有限公司', phones: [{ number: '010-6552 9988', label: 'work' }], status: 'inactive', tags: [],
    })
    changed.assertStatus(200)
    await matchesContract(changed)
    const after = changed.body().data
    assert.deepEqual(after.phones.map((p: any) => p.number), ['+861065529988'])
    assert.deepEqual(after.emails.map((e: any) => e.address), ['Wang@Example.com'], 'e-mails stay when not given')
    assert.deepEqual([after.kind, after.status, after.tags, after.notes], ['organisation', 'inactive', [], '喜欢下午来电'])

    const removed = await client.delete(`/api/v1/customers/${customer.id}`).header('authorization', manager.auth)
    removed.assertStatus(204)
    await matchesContract(removed)
    const gone = await client.get(`/api/v1/customers/${customer.id}`).header('authorization', manager.auth)
    gone.assertStatus(404)
    await matchesContract(gone)

    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('customer.')))
    assert.deepEqual(events.map((e) => e.type), ['customer.created', 'customer.updated', 'customer.deleted'])
    assert.isTrue(events.every((e) => e.entity.id === customer.id))
    assert.notInclude(JSON.stringify(events), '110101199003071234')
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'customers.' }).header('authorization', org.auth)
    const entries = log.body().data
    assert.sameMembers(entries.map((e: any) => e.action), ['customers.store', 'customers.update', 'customers.destroy'])
    assert.notInclude(JSON.stringify(entries), '110101199003071234', 'the operation log keeps ID numbers masked')
  })

  test('agents see their own and their teams’ customers, supervisors their teams’, holders of customers.view_all every one', async ({ client, assert }) => {
    const org = await makeTenant()
    const [alice, bob, carol, sue] = [
      await makeUser(org, ['agent']), await makeUser(org, ['agent']), await makeUser(org, ['agent']), await makeUser(org, ['supervisor']),
    ]
    await asAdmin(org, async (scope) => {
      const team = await createTeam(scope, { name: 'Sales', supervisorIds: [sue.user.id] })
      await setTeamMembers(scope, team.id, [alice.user.id, bob.user.id])
    })
    const ofAlice = await create(client, org.auth, { name: 'Alice’s customer', ownerId: alice.user.id, phones: [{ number: '+14155550101' }], idNumber: 'G12345678' })
    const ofBob = await create(client, org.auth, { name: 'Bob’s customer', ownerId: bob.user.id })
    const ofCarol = await create(client, org.auth, { name: 'Carol’s customer', ownerId: carol.user.id, phones: [{ number: '+14155550102' }] })
    const unowned = await create(client, org.auth, { name: 'Nobody’s customer', ownerId: null })

    const names = async (auth: string) => {
      const response = await client.get('/api/v1/customers').qs({ sort: 'name' }).header('authorization', auth)
      response.assertStatus(200)
      return response.body().data.map((c: any) => c.id)
    }
    assert.sameMembers(await names(alice.auth), [ofAlice.id, ofBob.id])
    assert.sameMembers(await names(bob.auth), [ofAlice.id, ofBob.id])
    assert.sameMembers(await names(carol.auth), [ofCarol.id])
    assert.sameMembers(await names(sue.auth), [ofAlice.id, ofBob.id])
    assert.sameMembers(await names(org.auth), [ofAlice.id, ofBob.id, ofCarol.id, unowned.id])

    const outside = await client.get(`/api/v1/customers/${ofCarol.id}`).header('authorization', alice.auth)
    outside.assertStatus(404)
    await matchesContract(outside)
    const own = await client.get(`/api/v1/customers/${ofAlice.id}`).header('authorization', alice.auth)
    own.assertStatus(200)
    assert.equal(own.body().data.idNumber, 'G12**5678', 'agents never see ID numbers unmasked')
    const pop = await client.get('/api/v1/customers/match').qs({ number: '+14155550102' }).header('authorization', alice.auth)
    pop.assertStatus(200)
    assert.deepEqual(pop.body().data, [], 'the screen pop stays inside the data scope')
    const carolsPop = await client.get('/api/v1/customers/match').qs({ number: '+14155550102' }).header('authorization', carol.auth)
    assert.deepEqual(carolsPop.body().data.map((c: any) => c.id), [ofCarol.id])

  })

  test('an editor without customers.view_all works only inside their scope', async ({ client, assert }) => {
    const org = await makeTenant()
    const role = await asAdmin(org, (scope) => createRole(scope, { name: 'Team editor', permissions: ['customers.view', 'customers.manage'] }))
    const [dave, erin, frank] = [await makeUser(org, []), await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    await asAdmin(org, async (scope) => {
      await scope.trx.table('user_roles').insert({ tenant_id: scope.tenantId, user_id: dave.user.id, role_id: role.id })
      const team = await createTeam(scope, { name: 'Editors' })
      await setTeamMembers(scope, team.id, [dave.user.id, erin.user.id])
    })
    const ofFrank = await create(client, org.auth, { name: 'Frank’s customer', ownerId: frank.user.id })
    for (const request of [
      client.patch(`/api/v1/customers/${ofFrank.id}`).json({ name: 'Mine now' }),
      client.delete(`/api/v1/customers/${ofFrank.id}`),
      client.get(`/api/v1/customers/${ofFrank.id}`),
    ]) {
      const response = await request.header('authorization', dave.auth)
      response.assertStatus(404)
    }
    const toErin = await client.post('/api/v1/customers').header('authorization', dave.auth).json({ name: 'For Erin', ownerId: erin.user.id })
    toErin.assertStatus(201)
    const toFrank = await client.post('/api/v1/customers').header('authorization', dave.auth).json({ name: 'For Frank', ownerId: frank.user.id })
    toFrank.assertStatus(422)
    await matchesContract(toFrank)
    assert.deepEqual([toFrank.body().errors[0].field, toFrank.body().errors[0].rule], ['ownerId', 'scope'])
    const toNobody = await client.post('/api/v1/customers').header('authorization', dave.auth).json({ name: 'For nobody', ownerId: null })
    toNobody.assertStatus(422)
    const mine = await client.post('/api/v1/customers').header('authorization', dave.auth).json({ name: 'Mine' })
    mine.assertStatus(201)
    assert.equal(mine.body().data.ownerId, dave.user.id)
    assert.equal(mine.body().data.idNumber, null)
    const handOver = await client.patch(`/api/v1/customers/${mine.body().data.id}`).header('authorization', dave.auth).json({ ownerId: frank.user.id })
    handOver.assertStatus(422)
  })

  test('agents read customers but cannot change them; a user without customers.view reads nothing', async ({ client }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const nobody = await makeUser(org, [])
    const created = await create(client, org.auth, { name: 'Someone', ownerId: agent.user.id })
    ;(await client.post('/api/v1/customers').header('authorization', agent.auth).json({ name: 'Nope' })).assertStatus(403)
    ;(await client.patch(`/api/v1/customers/${created.id}`).header('authorization', agent.auth).json({ name: 'Nope' })).assertStatus(403)
    ;(await client.delete(`/api/v1/customers/${created.id}`).header('authorization', agent.auth)).assertStatus(403)
    ;(await client.post('/api/v1/customer-fields').header('authorization', agent.auth).json({ key: 'x', label: 'X', type: 'text' })).assertStatus(403)
    ;(await client.get('/api/v1/customer-fields').header('authorization', agent.auth)).assertStatus(200)
    ;(await client.get('/api/v1/customers').header('authorization', nobody.auth)).assertStatus(403)
    ;(await client.get('/api/v1/customers/match').qs({ number: '13800138000' }).header('authorization', nobody.auth)).assertStatus(403)
  })

  test('ID numbers are masked in lists and for users without customers.view_ids', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const long = await create(client, org.auth, { name: 'Long', ownerId: agent.user.id, idNumber: '110101199003071234' })
    const short = await create(client, org.auth, { name: 'Short', ownerId: agent.user.id, idNumber: 'A12345' })
    assert.equal(long.idNumber, '110101199003071234')
    const asAgent = await client.get(`/api/v1/customers/${long.id}`).header('authorization', agent.auth)
    assert.equal(asAgent.body().data.idNumber, '110***********1234')
    assert.equal((await client.get(`/api/v1/customers/${short.id}`).header('authorization', agent.auth)).body().data.idNumber, '******')
    const list = await client.get('/api/v1/customers').qs({ sort: 'name' }).header('authorization', org.auth)
    assert.deepEqual(list.body().data.map((c: any) => c.idNumber), ['110***********1234', '******'])
    const updated = await client.patch(`/api/v1/customers/${long.id}`).header('authorization', org.auth).json({ notes: 'x' })
    assert.equal(updated.body().data.idNumber, '110101199003071234', 'an update keeps the number')
  })

  test('bad input answers 422 with the field: an invalid phone, a repeated phone, an unknown owner', async ({ client, assert }) => {
    const org = await makeTenant()
    await setCountry(client, org, 'CN')
    const other = await makeTenant()
    for (const [body, field, rule] of [
      [{ name: 'X', phones: [{ number: 'not a number' }] }, 'phones.0.number', 'phoneNumber'],
      [{ name: 'X', phones: [{ number: '13800138000' }, { number: '+86 138 0013 8000' }] }, 'phones.1.number', 'distinct'],
      [{ name: 'X', phones: [{ number: '12' }] }, 'phones.0.number', 'phoneNumber'],
      [{ name: 'X', ownerId: other.user.id }, 'ownerId', 'exists'],
      [{ name: '' }, 'name', 'minLength'],
      [{ name: 'X', emails: [{ address: 'nope' }] }, 'emails.0.address', 'email'],
      [{ name: 'X', tags: ['a', 'a'] }, 'tags', 'distinct'],
      [{ name: 'X', kind: 'robot' }, 'kind', 'enum'],
      [{ name: 'X', addresses: [{ city: '广州市' }] }, 'addresses.0.street', 'required'],
      [{ name: 'X', addresses: [{ street: 'x', country: 'China' }] }, 'addresses.0.country', 'regex'],
    ] as const) {
      const response = await client.post('/api/v1/customers').header('authorization', org.auth).json(body)
      response.assertStatus(422)
      await matchesContract(response)
      assert.deepEqual([response.body().errors[0].field, response.body().errors[0].rule], [field, rule], JSON.stringify(body))
    }
    const list = await client.get('/api/v1/customers').qs({ sort: 'age' }).header('authorization', org.auth)
    list.assertStatus(422)
    await matchesContract(list)
  })

  test('custom fields are defined by the tenant and customer values are checked against them', async ({ client, assert }) => {
    const org = await makeTenant()
    const fields = [
      { key: 'grade', label: '等级', type: 'choice', options: ['A', 'B', 'C'], required: true },
      { key: 'interests', label: 'Interests', type: 'multi_choice', options: ['golf', 'tea'] },
      { key: 'budget', label: 'Budget', type: 'number' },
      { key: 'birthday', label: 'Birthday', type: 'date' },
      { key: 'nickname', label: 'Nickname', type: 'text' },
    ]
    for (const field of fields) {
      const response = await client.post('/api/v1/customer-fields').header('authorization', org.auth).json(field)
      response.assertStatus(201)
      await matchesContract(response)
    }
    const listed = await client.get('/api/v1/customer-fields').header('authorization', org.auth)
    await matchesContract(listed)
    assert.deepEqual(listed.body().data.map((f: any) => f.key), ['grade', 'interests', 'budget', 'birthday', 'nickname'])

    for (const [body, field, rule] of [
      [{ key: 'grade', label: 'Again', type: 'text' }, 'key', 'unique'],
      [{ key: 'Bad Key', label: 'Bad', type: 'text' }, 'key', 'regex'],
      [{ key: 'level', label: 'Level', type: 'choice' }, 'options', 'required'],
      [{ key: 'note2', label: 'Note', type: 'text', options: ['x'] }, 'options', 'notAllowed'],
    ] as const) {
      const response = await client.post('/api/v1/customer-fields').header('authorization', org.auth).json(body)
      response.assertStatus(422)
      assert.deepEqual([response.body().errors[0].field, response.body().errors[0].rule], [field, rule], JSON.stringify(body))
    }

    for (const [customFields, field, rule] of [
      [{}, 'customFields.grade', 'required'],
      [{ grade: 'D' }, 'customFields.grade', 'in'],
      [{ grade: 'A', interests: ['golf', 'chess'] }, 'customFields.interests', 'in'],
      [{ grade: 'A', interests: 'golf' }, 'customFields.interests', 'in'],
      [{ grade: 'A', budget: '1000' }, 'customFields.budget', 'number'],
      [{ grade: 'A', birthday: '1990-02-30' }, 'customFields.birthday', 'date'],
      [{ grade: 'A', nickname: 42 }, 'customFields.nickname', 'string'],
      [{ grade: 'A', shoeSize: 42 }, 'customFields.shoeSize', 'exists'],
    ] as const) {
      const response = await client.post('/api/v1/customers').header('authorization', org.auth).json({ name: '李雷', customFields })
      response.assertStatus(422)
      await matchesContract(response)
      assert.deepEqual([response.body().errors[0].field, response.body().errors[0].rule], [field, rule], JSON.stringify(customFields))
    }

    const good = { grade: 'A', interests: ['tea'], budget: 12500.5, birthday: '1990-03-07', nickname: '小李' }
    const customer = await create(client, org.auth, { name: '李雷', customFields: good })
    assert.deepEqual(customer.customFields, good)
    const merged = await client.patch(`/api/v1/customers/${customer.id}`).header('authorization', org.auth).json({ customFields: { budget: null, grade: 'B' } })
    merged.assertStatus(200)
    assert.deepEqual(merged.body().data.customFields, { grade: 'B', interests: ['tea'], birthday: '1990-03-07', nickname: '小李' })
    const cleared = await client.patch(`/api/v1/customers/${customer.id}`).header('authorization', org.auth).json({ customFields: { grade: null } })
    cleared.assertStatus(422)
    assert.equal(cleared.body().errors[0].field, 'customFields.grade')

    const nickname = listed.body().data.find((f: any) => f.key === 'nickname')
    const renamed = await client.patch(`/api/v1/customer-fields/${nickname.id}`).header('authorization', org.auth).json({ label: '昵称', position: 0 })
    renamed.assertStatus(200)
    await matchesContract(renamed)
    assert.deepEqual([renamed.body().data.label, renamed.body().data.type], ['昵称', 'text'])
    const removed = await client.delete(`/api/v1/customer-fields/${nickname.id}`).header('authorization', org.auth)
    removed.assertStatus(204)
    const reread = await client.get(`/api/v1/customers/${customer.id}`).header('authorization', org.auth)
    assert.notProperty(reread.body().data.customFields, 'nickname')

    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('customer_field.')).map((e) => e.type))
    assert.includeMembers(events, ['customer_field.created', 'customer_field.updated', 'customer_field.deleted'])
  })

  test('the caller match finds customers from +86 138 0013 8000, 13800138000, 0086-138 0013 8000 and (415) 555-0100', async ({ client, assert }) => {
    for (const country of ['CN', 'US']) {
      const org = await makeTenant()
      await setCountry(client, org, country)
      const wang = await create(client, org.auth, { name: '王小明', phones: [{ number: '+86 138 0013 8000' }] })
      const smith = await create(client, org.auth, { name: 'Jane Smith', phones: [{ number: '+1 415 555 0100' }] })
      await create(client, org.auth, { name: 'Someone else', phones: [{ number: '+86 139 0013 9000' }] })
      for (const [number, expected] of [
        ['+86 138 0013 8000', wang],
        ['13800138000', wang],
        ['0086-138 0013 8000', wang],
        ['(415) 555-0100', smith],
        ['+14155550100', smith],
      ] as const) {
        const response = await client.get('/api/v1/customers/match').qs({ number }).header('authorization', org.auth)
        response.assertStatus(200)
        await matchesContract(response)
        assert.deepEqual(response.body().data.map((c: any) => c.id), [expected.id], `${number} in ${country}`)
        assert.equal(response.body().data[0].matchedNumber, expected.phones[0].number)
      }
      const none = await client.get('/api/v1/customers/match').qs({ number: '+44 20 7946 0000' }).header('authorization', org.auth)
      assert.deepEqual(none.body().data, [])
      const bad = await client.get('/api/v1/customers/match').header('authorization', org.auth)
      bad.assertStatus(422)
      await matchesContract(bad)
    }
  })

  test('search finds a Chinese name by a substring, a phone by partial digits and an e-mail by part of it', async ({ client, assert }) => {
    const org = await makeTenant()
    await setCountry(client, org, 'CN')
    const wang = await create(client, org.auth, { name: '王小明', phones: [{ number: '13800138000' }], tags: ['vip'] })
    const zhang = await create(client, org.auth, {
      name: '张伟',
      phones: [{ number: '13912345678' }],
      emails: [{ address: 'zhang.wei@example.cn' }],
      addresses: [{ label: 'work', country: 'cn', region: '广东省', city: '深圳市', district: '南山区', street: '科技园路1号', postalCode: '518057' }],
    })
    assert.deepEqual(zhang.addresses.map(({ id: _, ...a }: any) => a), [
      { label: 'work', country: 'CN', region: '广东省', city: '深圳市', district: '南山区', street: '科技园路1号', postalCode: '518057' },
    ])
    const org2 = await create(client, org.auth, { name: '小明科技有限公司', kind: 'organisation', status: 'inactive' })
    const search = async (qs: Record<string, string>) => {
      const response = await client.get('/api/v1/customers').qs(qs).header('authorization', org.auth)
      response.assertStatus(200)
      await matchesContract(response)
      return response.body().data.map((c: any) => c.id)
    }
    assert.sameMembers(await search({ search: '小明' }), [wang.id, org2.id])
    assert.deepEqual(await search({ search: '张' }), [zhang.id])
    assert.deepEqual(await search({ search: '5678' }), [zhang.id])
    assert.deepEqual(await search({ search: '138-0013' }), [wang.id])
    assert.deepEqual(await search({ search: 'ZHANG.WEI@' }), [zhang.id])
    assert.deepEqual(await search({ search: '南山' }), [zhang.id], 'an address part')
    const moved = await client.patch(`/api/v1/customers/${zhang.id}`).header('authorization', org.auth).json({ addresses: [{ street: '1 Market St', city: 'San Francisco', country: 'US' }] })
    moved.assertStatus(200)
    assert.deepEqual(moved.body().data.addresses.map((a: any) => [a.label, a.street]), [['home', '1 Market St']], 'the list is replaced')
    assert.deepEqual(await search({ search: '南山' }), [])
    assert.deepEqual(await search({ search: '100%' }), [])
    assert.deepEqual(await search({ search: '小明', status: 'inactive' }), [org2.id])
    assert.deepEqual(await search({ tag: 'vip' }), [wang.id])
    assert.deepEqual(await search({ ownerId: org.user.id, sort: '-createdAt', perPage: '2' }), [org2.id, zhang.id])
  })

  test("another organisation's customers and fields answer 404 and never match", async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const theirs = await create(client, b.auth, { name: 'B customer', phones: [{ number: '+14155550123' }] })
    const field = await client.post('/api/v1/customer-fields').header('authorization', b.auth).json({ key: 'grade', label: 'Grade', type: 'text' })
    for (const request of [
      client.get(`/api/v1/customers/${theirs.id}`),
      client.patch(`/api/v1/customers/${theirs.id}`).json({ name: 'Hijacked' }),
      client.delete(`/api/v1/customers/${theirs.id}`),
      client.patch(`/api/v1/customer-fields/${field.body().data.id}`).json({ label: 'Hijacked' }),
      client.delete(`/api/v1/customer-fields/${field.body().data.id}`),
    ]) {
      const response = await request.header('authorization', a.auth)
      response.assertStatus(404)
    }
    const pop = await client.get('/api/v1/customers/match').qs({ number: '+14155550123' }).header('authorization', a.auth)
    assert.deepEqual(pop.body().data, [])
    const list = await client.get('/api/v1/customers').header('authorization', a.auth)
    assert.equal(list.body().meta.total, 0)
    const still = await client.get(`/api/v1/customers/${theirs.id}`).header('authorization', b.auth)
    assert.equal(still.body().data.name, 'B customer')
  })
})
