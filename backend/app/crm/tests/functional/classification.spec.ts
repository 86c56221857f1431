import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { jobRunner } from '#jobs/job_runner'
import { createRole } from '#identity/actions/roles'

type Org = Awaited<ReturnType<typeof makeTenant>>
type Rules = { match: 'all' | 'any'; conditions: Array<Record<string, unknown>> }

async function create(client: any, auth: string, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/customers').header('authorization', auth).json(body)
  response.assertStatus(201)
  return response.body().data
}

async function field(client: any, org: Org, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/customer-fields').header('authorization', org.auth).json(body)
  response.assertStatus(201)
}

/** An exclusive "Grade" group (A, B, C) and a "VIP" group (Gold), as the admin. */
async function groups(client: any, org: Org) {
  const grade = await client.post('/api/v1/customer-category-groups').header('authorization', org.auth).json({ name: 'Grade', exclusive: true, values: [{ name: 'A', colour: '#F5222D' }, { name: 'B' }, { name: 'C' }] })
  grade.assertStatus(201)
  const vip = await client.post('/api/v1/customer-category-groups').header('authorization', org.auth).json({ name: 'VIP', values: [{ name: 'Gold' }] })
  vip.assertStatus(201)
  const [a, b, c] = grade.body().data.values.map((v: any) => v.id)
  return { grade: grade.body().data, vip: vip.body().data, a, b, c, gold: vip.body().data.values[0].id }
}

async function classify(client: any, auth: string, customerId: string, valueIds: string[]) {
  return client.put(`/api/v1/customers/${customerId}/categories`).header('authorization', auth).json({ valueIds })
}

let segmentCounter = 0

/** Saves a segment with these rules and answers the names of its members, as the list shows them. */
async function members(client: any, auth: string, rules: Rules): Promise<string[]> {
  const saved = await client.post('/api/v1/customer-segments').header('authorization', auth).json({ name: `Segment ${++segmentCounter}`, rules })
  saved.assertStatus(201)
  const listed = await client.get('/api/v1/customers').qs({ segmentId: saved.body().data.id, sort: 'name', perPage: 100 }).header('authorization', auth)
  listed.assertStatus(200)
  const names = listed.body().data.map((c: any) => c.name)
  if (saved.body().data.memberCount !== names.length) throw new Error(`count ${saved.body().data.memberCount} but ${names.length} listed for ${JSON.stringify(rules)}`)
  return names
}

/** A role that sees (own and team) and manages customers, but not all of them. */
async function scopedManager(org: Org) {
  const key = await asAdmin(org, async (scope) => {
    const role = await createRole(scope, { name: `Scoped ${segmentCounter++}`, permissions: ['customers.view', 'customers.manage'] })
    org.roleIds[role.key] = role.id
    return role.key
  })
  return makeUser(org, [key])
}

test.group('Customer classification', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('category groups and values are created, listed, changed and deleted; names are unique', async ({ client, assert }) => {
    const org = await makeTenant()
    const { grade, a } = await groups(client, org)
    assert.deepEqual(grade.values.map((v: any) => [v.name, v.colour, v.position]), [['A', '#f5222d', 0], ['B', '#1677ff', 1], ['C', '#1677ff', 2]])
    assert.isTrue(grade.exclusive)

    const listed = await client.get('/api/v1/customer-category-groups').header('authorization', org.auth)
    listed.assertStatus(200)
    await matchesContract(listed)
    assert.deepEqual(listed.body().data.map((g: any) => g.name), ['Grade', 'VIP'])

    const twice = await client.post('/api/v1/customer-category-groups').header('authorization', org.auth).json({ name: 'grade' })
    twice.assertStatus(422)
    assert.equal(twice.body().errors[0].field, 'name')
    const sameValue = await client.post('/api/v1/customer-category-groups').header('authorization', org.auth).json({ name: 'Industry', values: [{ name: 'IT' }, { name: 'it' }] })
    assert.equal(sameValue.body().errors[0].field, 'values.1.name')

    const d = await client.post(`/api/v1/customer-category-groups/${grade.id}/values`).header('authorization', org.auth).json({ name: 'D', colour: '#00AA00' })
    d.assertStatus(201)
    await matchesContract(d)
    assert.deepEqual([d.body().data.position, d.body().data.colour], [3, '#00aa00'])
    const clash = await client.post(`/api/v1/customer-category-groups/${grade.id}/values`).header('authorization', org.auth).json({ name: 'a' })
    clash.assertStatus(422)
    const badColour = await client.patch(`/api/v1/customer-category-values/${a}`).header('authorization', org.auth).json({ colour: 'red' })
    assert.equal(badColour.body().errors[0].field, 'colour')

    const renamed = await client.patch(`/api/v1/customer-category-values/${a}`).header('authorization', org.auth).json({ name: 'A+', position: 9 })
    renamed.assertStatus(200)
    await matchesContract(renamed)
    const group = await client.patch(`/api/v1/customer-category-groups/${grade.id}`).header('authorization', org.auth).json({ name: 'Customer grade', description: 'Value to us' })
    await matchesContract(group)
    assert.deepEqual(group.body().data.values.map((v: any) => v.name), ['B', 'C', 'D', 'A+'])

    const removed = await client.delete(`/api/v1/customer-category-values/${d.body().data.id}`).header('authorization', org.auth)
    removed.assertStatus(204)
    const gone = await client.delete(`/api/v1/customer-category-groups/${grade.id}`).header('authorization', org.auth)
    gone.assertStatus(204)
    const after = await client.get('/api/v1/customer-category-groups').header('authorization', org.auth)
    assert.deepEqual(after.body().data.map((g: any) => g.name), ['VIP'])
    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).map((e) => e.type).filter((t) => t.startsWith('customer_category')))
    assert.includeMembers(events, ['customer_category_group.created', 'customer_category_value.created', 'customer_category_value.updated', 'customer_category_group.updated', 'customer_category_value.deleted', 'customer_category_group.deleted'])

    const log = await client.get('/api/v1/audit-logs').qs({ action: 'customer_category_groups.destroy' }).header('authorization', org.auth)
    assert.equal(log.body().data[0]?.targetId, grade.id)
  })

  test('a customer gets and loses category values; an exclusive group allows one value; each change is published', async ({ client, assert }) => {
    const org = await makeTenant()
    const { grade, a, b, gold } = await groups(client, org)
    const customer = await create(client, org.auth, { name: 'Ada' })
    assert.deepEqual(customer.categories, [])

    const set = await classify(client, org.auth, customer.id, [gold, a])
    set.assertStatus(200)
    await matchesContract(set)
    assert.deepEqual(set.body().data.categories.map((c: any) => [c.groupName, c.name, c.colour]), [['Grade', 'A', '#f5222d'], ['VIP', 'Gold', '#1677ff']])
    const shown = await client.get(`/api/v1/customers/${customer.id}`).header('authorization', org.auth)
    await matchesContract(shown)
    assert.lengthOf(shown.body().data.categories, 2)

    const both = await classify(client, org.auth, customer.id, [a, b])
    both.assertStatus(422)
    assert.deepEqual([both.body().errors[0].field, both.body().errors[0].rule], ['valueIds.1', 'exclusive'])
    const unknown = await classify(client, org.auth, customer.id, ['00000000-0000-7000-8000-000000000000'])
    assert.equal(unknown.body().errors[0].field, 'valueIds.0')

    const moved = await classify(client, org.auth, customer.id, [b])
    assert.deepEqual(moved.body().data.categories.map((c: any) => c.name), ['B'])
    const cleared = await classify(client, org.auth, customer.id, [])
    assert.deepEqual(cleared.body().data.categories, [])
    await classify(client, org.auth, customer.id, [])

    const events = await asAdmin(org, (scope) => readEvents(scope, { type: 'customer.classified' }))
    assert.lengthOf(events, 3, 'an unchanged set publishes nothing')
    assert.deepEqual(events[0].payload, { added: [gold, a], removed: [] })
    assert.deepEqual(events[1].payload.added, [b])
    assert.sameMembers(events[1].payload.removed as string[], [gold, a])
    assert.deepEqual(events[2].payload, { added: [], removed: [b] })

    // A non-exclusive group may become exclusive only once no customer has two of its values.
    const industry = (await client.post('/api/v1/customer-category-groups').header('authorization', org.auth).json({ name: 'Industry', values: [{ name: 'IT' }, { name: 'Retail' }] })).body().data
    await classify(client, org.auth, customer.id, industry.values.map((v: any) => v.id))
    const refused = await client.patch(`/api/v1/customer-category-groups/${industry.id}`).header('authorization', org.auth).json({ exclusive: true })
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'exclusive')
    await classify(client, org.auth, customer.id, [industry.values[0].id])
    const allowed = await client.patch(`/api/v1/customer-category-groups/${industry.id}`).header('authorization', org.auth).json({ exclusive: true })
    allowed.assertStatus(200)
    assert.isTrue(allowed.body().data.exclusive)
    assert.notEqual(grade.id, industry.id)

    const agent = await makeUser(org, ['agent'])
    const denied = await classify(client, agent.auth, customer.id, [])
    denied.assertStatus(403)
  })

  test('the customer list filters by category value and by segment', async ({ client, assert }) => {
    const org = await makeTenant()
    const { a, gold } = await groups(client, org)
    const ada = await create(client, org.auth, { name: 'Ada', tags: ['vip'] })
    const bo = await create(client, org.auth, { name: 'Bo' })
    await classify(client, org.auth, ada.id, [a, gold])
    await classify(client, org.auth, bo.id, [gold])

    const byValue = await client.get('/api/v1/customers').qs({ categoryId: a }).header('authorization', org.auth)
    byValue.assertStatus(200)
    await matchesContract(byValue)
    assert.deepEqual(byValue.body().data.map((c: any) => c.name), ['Ada'])
    const byGold = await client.get('/api/v1/customers').qs({ categoryId: gold, sort: 'name' }).header('authorization', org.auth)
    assert.deepEqual(byGold.body().data.map((c: any) => c.name), ['Ada', 'Bo'])

    const segment = await client.post('/api/v1/customer-segments').header('authorization', org.auth).json({ name: 'Gold', description: 'Gold customers', rules: { match: 'all', conditions: [{ field: 'category', operator: 'hasAny', value: [gold] }] } })
    segment.assertStatus(201)
    await matchesContract(segment)
    assert.equal(segment.body().data.memberCount, 2)
    const members = await client.get('/api/v1/customers').qs({ segmentId: segment.body().data.id, tag: 'vip' }).header('authorization', org.auth)
    assert.deepEqual(members.body().data.map((c: any) => c.name), ['Ada'], 'segment and list filters combine')
    const missing = await client.get('/api/v1/customers').qs({ segmentId: '00000000-0000-7000-8000-000000000000' }).header('authorization', org.auth)
    missing.assertStatus(404)
    const malformed = await client.get('/api/v1/customers').qs({ categoryId: 'grade-a' }).header('authorization', org.auth)
    assert.equal(malformed.body().errors[0].field, 'categoryId')
  })

  test('segment rules: every field and operator', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const { a, b } = await groups(client, org)
    await field(client, org, { key: 'tier', label: 'Tier', type: 'choice', options: ['gold', 'silver'] })
    await field(client, org, { key: 'score', label: 'Score', type: 'number' })
    await field(client, org, { key: 'since', label: 'Since', type: 'date' })
    await field(client, org, { key: 'note', label: 'Note', type: 'text' })
    await field(client, org, { key: 'topics', label: 'Topics', type: 'multi_choice', options: ['billing', 'tech'] })
    const ada = await create(client, org.auth, {
      name: 'Ada', tags: ['vip', 'north'], source: 'referral', phones: [{ number: '+8613800138000' }], emails: [{ address: 'ada@example.com' }],
      customFields: { tier: 'gold', score: 80, since: '2024-01-15', note: 'likes tea', topics: ['billing', 'tech'] },
    })
    const bo = await create(client, org.auth, {
      name: 'Bo', kind: 'organisation', status: 'inactive', ownerId: agent.user.id, tags: ['north'], source: 'web', emails: [{ address: 'bo@example.com' }],
      customFields: { tier: 'silver', score: 20, since: '2025-06-01', topics: ['tech'] },
    })
    const cy = await create(client, org.auth, { name: 'Cy', ownerId: null })
    await classify(client, org.auth, ada.id, [a])
    await classify(client, org.auth, bo.id, [b])
    // Cy joined on 10 March 2023 at noon in the organisation's time zone (Asia/Shanghai).
    await asAdmin(org, (scope) => scope.trx.from('customers').where('tenant_id', scope.tenantId).where('id', cy.id).update({ created_at: new Date('2023-03-10T12:00:00+08:00') }))

    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ field: 'status', operator: 'is', value: 'active' }, ['Ada', 'Cy']],
      [{ field: 'status', operator: 'isNot', value: 'active' }, ['Bo']],
      [{ field: 'kind', operator: 'is', value: 'organisation' }, ['Bo']],
      [{ field: 'kind', operator: 'isNot', value: 'organisation' }, ['Ada', 'Cy']],
      [{ field: 'owner', operator: 'in', value: [agent.user.id] }, ['Bo']],
      [{ field: 'owner', operator: 'notIn', value: [agent.user.id] }, ['Ada', 'Cy']],
      [{ field: 'owner', operator: 'empty' }, ['Cy']],
      [{ field: 'owner', operator: 'notEmpty' }, ['Ada', 'Bo']],
      [{ field: 'tags', operator: 'hasAny', value: ['vip', 'none'] }, ['Ada']],
      [{ field: 'tags', operator: 'hasAll', value: ['vip', 'north'] }, ['Ada']],
      [{ field: 'tags', operator: 'hasNone', value: ['north'] }, ['Cy']],
      [{ field: 'tags', operator: 'empty' }, ['Cy']],
      [{ field: 'tags', operator: 'notEmpty' }, ['Ada', 'Bo']],
      [{ field: 'category', operator: 'hasAny', value: [a, b] }, ['Ada', 'Bo']],
      [{ field: 'category', operator: 'hasAll', value: [a] }, ['Ada']],
      [{ field: 'category', operator: 'hasAll', value: [a, b] }, []],
      [{ field: 'category', operator: 'hasNone', value: [a] }, ['Bo', 'Cy']],
      [{ field: 'source', operator: 'equals', value: 'referral' }, ['Ada']],
      [{ field: 'source', operator: 'contains', value: 'EF' }, ['Ada']],
      [{ field: 'source', operator: 'contains', value: '%' }, []],
      [{ field: 'source', operator: 'in', value: ['web', 'fair'] }, ['Bo']],
      [{ field: 'source', operator: 'empty' }, ['Cy']],
      [{ field: 'source', operator: 'notEmpty' }, ['Ada', 'Bo']],
      [{ field: 'source', operator: 'equals', value: "x' or '1'='1" }, []],
      [{ field: 'createdAt', operator: 'before', value: '2024-01-01' }, ['Cy']],
      [{ field: 'createdAt', operator: 'after', value: '2024-01-01' }, ['Ada', 'Bo']],
      [{ field: 'createdAt', operator: 'between', value: { from: '2023-03-10', to: '2023-03-10' } }, ['Cy']],
      [{ field: 'createdAt', operator: 'between', value: { from: '2023-03-11', to: '2023-12-31' } }, []],
      [{ field: 'createdAt', operator: 'withinLastDays', value: 30 }, ['Ada', 'Bo']],
      [{ field: 'updatedAt', operator: 'withinLastDays', value: 1 }, ['Ada', 'Bo', 'Cy']],
      [{ field: 'hasPhone', operator: 'is', value: true }, ['Ada']],
      [{ field: 'hasPhone', operator: 'is', value: false }, ['Bo', 'Cy']],
      [{ field: 'hasEmail', operator: 'is', value: false }, ['Cy']],
      [{ field: 'customField', key: 'tier', operator: 'equals', value: 'gold' }, ['Ada']],
      [{ field: 'customField', key: 'tier', operator: 'in', value: ['gold', 'silver'] }, ['Ada', 'Bo']],
      [{ field: 'customField', key: 'tier', operator: 'empty' }, ['Cy']],
      [{ field: 'customField', key: 'score', operator: 'equals', value: 80 }, ['Ada']],
      [{ field: 'customField', key: 'score', operator: 'greaterThan', value: 50 }, ['Ada']],
      [{ field: 'customField', key: 'score', operator: 'lessThan', value: 50 }, ['Bo']],
      [{ field: 'customField', key: 'since', operator: 'equals', value: '2025-06-01' }, ['Bo']],
      [{ field: 'customField', key: 'since', operator: 'before', value: '2025-01-01' }, ['Ada']],
      [{ field: 'customField', key: 'since', operator: 'after', value: '2025-01-01' }, ['Bo']],
      [{ field: 'customField', key: 'since', operator: 'between', value: { from: '2024-01-01', to: '2024-12-31' } }, ['Ada']],
      [{ field: 'customField', key: 'note', operator: 'equals', value: 'likes tea' }, ['Ada']],
      [{ field: 'customField', key: 'note', operator: 'contains', value: 'TEA' }, ['Ada']],
      [{ field: 'customField', key: 'note', operator: 'notEmpty' }, ['Ada']],
      [{ field: 'customField', key: 'topics', operator: 'contains', value: 'billing' }, ['Ada']],
      [{ field: 'customField', key: 'topics', operator: 'in', value: ['tech'] }, ['Ada', 'Bo']],
      [{ field: 'customField', key: 'topics', operator: 'empty' }, ['Cy']],
    ]
    for (const [condition, expected] of cases) {
      assert.deepEqual(await members(client, org.auth, { match: 'all', conditions: [condition] }), expected, JSON.stringify(condition))
    }
    const any = { match: 'any' as const, conditions: [{ field: 'status', operator: 'isNot', value: 'active' }, { field: 'tags', operator: 'hasAny', value: ['vip'] }] }
    assert.deepEqual(await members(client, org.auth, any), ['Ada', 'Bo'])
    assert.deepEqual(await members(client, org.auth, { ...any, match: 'all' }), [])
    assert.deepEqual(await members(client, org.auth, { match: 'all', conditions: [] }), ['Ada', 'Bo', 'Cy'])

    const preview = await client.post('/api/v1/customer-segments/preview').header('authorization', org.auth).json({ rules: { match: 'all', conditions: [{ field: 'tags', operator: 'hasAny', value: [' vip ', 'vip'] }] } })
    preview.assertStatus(200)
    await matchesContract(preview)
    assert.equal(preview.body().data.memberCount, 1)
    assert.deepEqual(preview.body().data.rules.conditions[0].value, ['vip'], 'values are stored trimmed and without duplicates')
  })

  test('bad segment rules are 422s that name the exact place', async ({ client, assert }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    await field(client, org, { key: 'score', label: 'Score', type: 'number' })
    const attempt = async (conditions: Array<Record<string, unknown>>) => {
      const response = await client.post('/api/v1/customer-segments').header('authorization', org.auth).json({ name: 'Bad', rules: { match: 'all', conditions } })
      response.assertStatus(422)
      return `${response.body().errors[0].field} ${response.body().errors[0].rule}`
    }
    const ok = { field: 'status', operator: 'is', value: 'active' }
    assert.equal(await attempt([ok, ok, { field: 'status', operator: 'is', value: 'gone' }]), 'rules.conditions.2.value in')
    assert.equal(await attempt([{ field: 'status', operator: 'contains', value: 'act' }]), 'rules.conditions.0.operator in')
    assert.equal(await attempt([{ field: 'planet', operator: 'is', value: 'x' }]), 'rules.conditions.0.field enum')
    assert.equal(await attempt([{ field: 'customField', operator: 'equals', value: 1 }]), 'rules.conditions.0.key required')
    assert.equal(await attempt([{ field: 'customField', key: 'nope', operator: 'equals', value: 1 }]), 'rules.conditions.0.key exists')
    assert.equal(await attempt([{ field: 'customField', key: 'score', operator: 'contains', value: '1' }]), 'rules.conditions.0.operator in')
    assert.equal(await attempt([{ field: 'customField', key: 'score', operator: 'greaterThan', value: 'ten' }]), 'rules.conditions.0.value number')
    assert.equal(await attempt([{ field: 'owner', operator: 'in', value: [org.user.id, other.user.id] }]), 'rules.conditions.0.value.1 exists')
    assert.equal(await attempt([{ field: 'owner', operator: 'in', value: [] }]), 'rules.conditions.0.value array')
    assert.equal(await attempt([{ field: 'category', operator: 'hasAny', value: ['x'] }]), 'rules.conditions.0.value.0 exists')
    assert.equal(await attempt([{ field: 'createdAt', operator: 'before', value: '2024-02-30' }]), 'rules.conditions.0.value date')
    assert.equal(await attempt([{ field: 'createdAt', operator: 'between', value: { from: '2024-03-01', to: '2024-02-01' } }]), 'rules.conditions.0.value.to afterOrEqual')
    assert.equal(await attempt([{ field: 'updatedAt', operator: 'withinLastDays', value: 0 }]), 'rules.conditions.0.value range')
    assert.equal(await attempt([{ field: 'hasPhone', operator: 'is', value: 'yes' }]), 'rules.conditions.0.value boolean')
    assert.equal(await attempt([{ field: 'tags', operator: 'hasAny', value: ['x'.repeat(41)] }]), 'rules.conditions.0.value.0 maxLength')

    const noRules = await client.post('/api/v1/customer-segments').header('authorization', org.auth).json({ name: 'No rules' })
    noRules.assertStatus(422)
    assert.equal(noRules.body().errors[0].field, 'rules')
    await client.post('/api/v1/customer-segments').header('authorization', org.auth).json({ name: 'Taken', rules: { match: 'all', conditions: [] } })
    const taken = await client.post('/api/v1/customer-segments').header('authorization', org.auth).json({ name: 'TAKEN', rules: { match: 'all', conditions: [] } })
    assert.equal(taken.body().errors[0].field, 'name')
  })

  test("a segment never counts or lists customers outside the viewer's data scope", async ({ client, assert }) => {
    const org = await makeTenant()
    const manager = await scopedManager(org)
    await create(client, org.auth, { name: 'Admin VIP', tags: ['vip'] })
    await create(client, org.auth, { name: 'Manager VIP', tags: ['vip'], ownerId: manager.user.id })
    await create(client, org.auth, { name: 'Manager plain', ownerId: manager.user.id })
    const saved = await client.post('/api/v1/customer-segments').header('authorization', manager.auth).json({ name: 'VIPs', rules: { match: 'all', conditions: [{ field: 'tags', operator: 'hasAny', value: ['vip'] }] } })
    saved.assertStatus(201)
    const id = saved.body().data.id
    assert.equal(saved.body().data.memberCount, 1)

    const asManager = await client.get('/api/v1/customer-segments').header('authorization', manager.auth)
    await matchesContract(asManager)
    assert.deepEqual(asManager.body().data.map((s: any) => [s.name, s.memberCount, s.createdByName]), [['VIPs', 1, manager.user.displayName]])
    const asAdminList = await client.get('/api/v1/customer-segments').header('authorization', org.auth)
    assert.equal(asAdminList.body().data[0].memberCount, 2, 'the admin sees every customer')
    const shown = await client.get(`/api/v1/customer-segments/${id}`).header('authorization', manager.auth)
    await matchesContract(shown)
    assert.equal(shown.body().data.memberCount, 1)

    const listed = await client.get('/api/v1/customers').qs({ segmentId: id }).header('authorization', manager.auth)
    assert.deepEqual(listed.body().data.map((c: any) => c.name), ['Manager VIP'])
    const all = await client.get('/api/v1/customers').qs({ segmentId: id }).header('authorization', org.auth)
    assert.equal(all.body().meta.total, 2)

    const changed = await client.patch(`/api/v1/customer-segments/${id}`).header('authorization', org.auth).json({ name: 'All VIPs', description: null })
    changed.assertStatus(200)
    await matchesContract(changed)
    const agent = await makeUser(org, ['agent'])
    const readOnly = await client.get('/api/v1/customer-segments').header('authorization', agent.auth)
    readOnly.assertStatus(200)
    assert.equal(readOnly.body().data[0].memberCount, 0, 'an agent sees none of these customers')
    const denied = await client.patch(`/api/v1/customer-segments/${id}`).header('authorization', agent.auth).json({ name: 'Mine' })
    denied.assertStatus(403)
    const deleted = await client.delete(`/api/v1/customer-segments/${id}`).header('authorization', org.auth)
    deleted.assertStatus(204)
    const types = await asAdmin(org, async (scope) => (await readEvents(scope)).map((e) => e.type).filter((t) => t.startsWith('customer_segment')))
    assert.deepEqual(types, ['customer_segment.created', 'customer_segment.updated', 'customer_segment.deleted'])
  })

  test("bulk re-classification changes the segment's members in the starter's scope, as a job with progress, audited and published", async ({ client, assert }) => {
    const org = await makeTenant()
    const manager = await scopedManager(org)
    const { a, b, gold } = await groups(client, org)
    const mine1 = await create(client, org.auth, { name: 'Mine 1', tags: ['north', 'x'], ownerId: manager.user.id })
    const mine2 = await create(client, org.auth, { name: 'Mine 2', tags: ['x'], ownerId: manager.user.id })
    const mine3 = await create(client, org.auth, { name: 'Mine 3', ownerId: manager.user.id })
    const admins = await create(client, org.auth, { name: 'Admin’s', tags: ['north'] })
    for (const c of [mine1, mine2, admins]) await classify(client, org.auth, c.id, [a])
    await classify(client, org.auth, mine3.id, [b])
    const segment = (await client.post('/api/v1/customer-segments').header('authorization', org.auth).json({ name: 'Grade A', rules: { match: 'all', conditions: [{ field: 'category', operator: 'hasAny', value: [a] }] } })).body().data

    const queued = await client.post('/api/v1/customers/reclassifications').header('authorization', manager.auth).json({
      segmentId: segment.id,
      changes: { addCategoryIds: [b, gold], addTags: ['promo'], removeTags: ['north'], status: 'inactive' },
    })
    queued.assertStatus(202)
    await matchesContract(queued)
    assert.equal(queued.body().data.kind, 'customers.reclassify')
    assert.isTrue(await jobRunner.tick())
    const job = (await client.get(`/api/v1/jobs/${queued.body().data.id}`).header('authorization', manager.auth)).body().data
    assert.equal(job.status, 'succeeded', job.error)
    assert.deepEqual(job.progress, { done: 2, total: 2, percent: 100 })
    assert.deepEqual(job.result, { matched: 2, reached: 2, changed: 2 })

    const show = async (id: string) => (await client.get(`/api/v1/customers/${id}`).header('authorization', org.auth)).body().data
    for (const id of [mine1.id, mine2.id]) {
      const customer = await show(id)
      assert.deepEqual(customer.categories.map((c: any) => c.name), ['B', 'Gold'], 'B replaced A in the exclusive group')
      assert.equal(customer.status, 'inactive')
      assert.notInclude(customer.tags, 'north')
      assert.include(customer.tags, 'promo')
      assert.equal(customer.updatedBy, manager.user.id)
    }
    assert.deepEqual((await show(mine1.id)).tags, ['x', 'promo'])
    const untouched = await show(admins.id)
    assert.deepEqual([untouched.categories.map((c: any) => c.name), untouched.status, untouched.tags], [['A'], 'active', ['north']], 'outside the starter’s scope')
    assert.deepEqual((await show(mine3.id)).categories.map((c: any) => c.name), ['B'], 'not a member of the segment')

    const classified = await asAdmin(org, (scope) => readEvents(scope, { type: 'customer.classified' }))
    const fromJob = classified.filter((e) => e.payload.jobId === job.id)
    assert.sameMembers(fromJob.map((e) => e.entity.id), [mine1.id, mine2.id])
    assert.sameMembers(fromJob[0].payload.added as string[], [b, gold])
    assert.deepEqual(fromJob[0].payload.removed, [a])
    const updated = (await asAdmin(org, (scope) => readEvents(scope, { type: 'customer.updated' }))).filter((e) => e.payload.jobId === job.id)
    assert.sameMembers(updated.map((e) => e.entity.id), [mine1.id, mine2.id])
    assert.sameMembers(updated[0].payload.changed as string[], ['tags', 'status'])
    const batchLog = await client.get('/api/v1/audit-logs').qs({ action: 'customers.reclassify.batch' }).header('authorization', org.auth)
    assert.equal(batchLog.body().data[0]?.targetId, job.id)
    assert.sameMembers(batchLog.body().data[0]?.after.customerIds, [mine1.id, mine2.id])
    const startLog = await client.get('/api/v1/audit-logs').qs({ action: 'customers.reclassify' }).header('authorization', org.auth)
    assert.equal(startLog.body().data.find((r: any) => r.action === 'customers.reclassify')?.targetId, job.id)

    // Running the same changes again over the list's filters changes nothing and publishes nothing.
    const again = await client.post('/api/v1/customers/reclassifications').header('authorization', manager.auth).json({ filters: { categoryId: b }, changes: { addTags: ['promo'], status: 'inactive' } })
    again.assertStatus(202)
    await jobRunner.tick()
    const second = (await client.get(`/api/v1/jobs/${again.body().data.id}`).header('authorization', manager.auth)).body().data
    assert.deepEqual(second.result, { matched: 3, reached: 3, changed: 1 }, 'only Mine 3 was not yet inactive with promo')
  })

  test('a re-classification is checked before it is queued and needs customers.manage', async ({ client, assert }) => {
    const org = await makeTenant()
    const { a, b, gold } = await groups(client, org)
    const start = (auth: string, body: Record<string, unknown>) => client.post('/api/v1/customers/reclassifications').header('authorization', auth).json(body)
    const fieldOf = async (body: Record<string, unknown>) => {
      const response = await start(org.auth, body)
      response.assertStatus(422)
      return response.body().errors[0].field
    }
    assert.equal(await fieldOf({ changes: {} }), 'changes')
    assert.equal(await fieldOf({}), 'changes')
    assert.equal(await fieldOf({ changes: { addCategoryIds: [gold, a, b] } }), 'changes.addCategoryIds.2')
    assert.equal(await fieldOf({ changes: { addCategoryIds: [a], removeCategoryIds: [a] } }), 'changes.removeCategoryIds.0')
    assert.equal(await fieldOf({ changes: { addTags: ['vip'], removeTags: ['vip'] } }), 'changes.removeTags.0')
    assert.equal(await fieldOf({ changes: { removeCategoryIds: ['00000000-0000-7000-8000-000000000000'] } }), 'changes.removeCategoryIds.0')
    assert.equal(await fieldOf({ changes: { status: 'gone' } }), 'changes.status')
    const missing = await start(org.auth, { segmentId: '00000000-0000-7000-8000-000000000000', changes: { status: 'active' } })
    missing.assertStatus(404)
    const agent = await makeUser(org, ['agent'])
    const denied = await start(agent.auth, { changes: { status: 'active' } })
    denied.assertStatus(403)
  })

  test("another organisation's groups, values, segments and customers answer 404 and stay unchanged", async ({ client, assert }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    const theirs = await groups(client, other)
    const customer = await create(client, other.auth, { name: 'Theirs' })
    await classify(client, other.auth, customer.id, [theirs.a])
    const segment = (await client.post('/api/v1/customer-segments').header('authorization', other.auth).json({ name: 'Theirs', rules: { match: 'all', conditions: [] } })).body().data
    const mine = await create(client, org.auth, { name: 'Mine' })

    const calls = [
      client.patch(`/api/v1/customer-category-groups/${theirs.grade.id}`).header('authorization', org.auth).json({ name: 'Hijacked' }),
      client.delete(`/api/v1/customer-category-groups/${theirs.grade.id}`).header('authorization', org.auth),
      client.post(`/api/v1/customer-category-groups/${theirs.grade.id}/values`).header('authorization', org.auth).json({ name: 'Z' }),
      client.patch(`/api/v1/customer-category-values/${theirs.a}`).header('authorization', org.auth).json({ name: 'Hijacked' }),
      client.delete(`/api/v1/customer-category-values/${theirs.a}`).header('authorization', org.auth),
      client.put(`/api/v1/customers/${customer.id}/categories`).header('authorization', org.auth).json({ valueIds: [] }),
      client.get(`/api/v1/customer-segments/${segment.id}`).header('authorization', org.auth),
      client.patch(`/api/v1/customer-segments/${segment.id}`).header('authorization', org.auth).json({ name: 'Hijacked' }),
      client.delete(`/api/v1/customer-segments/${segment.id}`).header('authorization', org.auth),
      client.get('/api/v1/customers').qs({ segmentId: segment.id }).header('authorization', org.auth),
      client.post('/api/v1/customers/reclassifications').header('authorization', org.auth).json({ segmentId: segment.id, changes: { status: 'inactive' } }),
    ]
    for (const call of calls) {
      const response = await call
      assert.equal(response.status(), 404, response.text())
    }
    const foreignValue = await classify(client, org.auth, mine.id, [theirs.a])
    foreignValue.assertStatus(422)
    assert.equal(foreignValue.body().errors[0].field, 'valueIds.0')
    const emptyFilter = await client.get('/api/v1/customers').qs({ categoryId: theirs.a }).header('authorization', org.auth)
    assert.equal(emptyFilter.body().meta.total, 0)

    const still = await client.get('/api/v1/customer-category-groups').header('authorization', other.auth)
    assert.deepEqual(still.body().data[0].values.map((v: any) => v.name), ['A', 'B', 'C'])
    const theirCustomer = await client.get(`/api/v1/customers/${customer.id}`).header('authorization', other.auth)
    assert.deepEqual(theirCustomer.body().data.categories.map((c: any) => c.name), ['A'])
    const ourGroups = await client.get('/api/v1/customer-category-groups').header('authorization', org.auth)
    assert.deepEqual(ourGroups.body().data, [])
  })
})
