import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { createTeam, setTeamMembers } from '#identity/actions/teams'
import { createQueue } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'

type Org = Awaited<ReturnType<typeof makeTenant>>

async function customerOf(client: any, org: Org, ownerId: string, name = 'Customer') {
  const response = await client.post('/api/v1/customers').header('authorization', org.auth).json({ name, ownerId })
  response.assertStatus(201)
  return response.body().data.id as string
}

async function callOf(org: Org) {
  return asAdmin(org, async (scope) => {
    const queueId = await createQueue(scope, { name: `Queue ${Math.random()}` })
    return enqueueCall(scope, { queueId, channel: 'voice' })
  })
}

async function track(client: any, auth: string, customerId: string, body: Record<string, unknown>) {
  const response = await client.post(`/api/v1/customers/${customerId}/tracking-records`).header('authorization', auth).json(body)
  response.assertStatus(201)
  return response.body().data
}

/** The local date in Asia/Shanghai (UTC+8, no daylight saving), shifted by some days, as YYYY-MM-DD. */
function shanghaiDate(days = 0) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

test.group('Tracking records', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an agent logs a call with a customer they see, reads the timeline newest first; it is logged and published', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const customerId = await customerOf(client, org, agent.user.id, '王小明')
    const callId = await callOf(org)

    const created = await client.post(`/api/v1/customers/${customerId}/tracking-records`).header('authorization', agent.auth).json({
      type: 'call', outcome: 'interested', content: '客户对新套餐感兴趣，下周回访', callId, nextFollowUpAt: '2030-01-02T03:00:00.000Z',
    })
    created.assertStatus(201)
    await matchesContract(created)
    const record = created.body().data
    assert.deepInclude(record, {
      customerId, type: 'call', outcome: 'interested', content: '客户对新套餐感兴趣，下周回访', callId, ownerId: agent.user.id, ownerName: agent.user.displayName,
      nextFollowUpAt: '2030-01-02T03:00:00.000Z', done: false, createdBy: agent.user.id, createdByName: agent.user.displayName,
    })
    const note = await track(client, agent.auth, customerId, { type: 'note', content: 'Second entry' })
    assert.deepInclude(note, { outcome: null, callId: null, nextFollowUpAt: null })

    const listed = await client.get(`/api/v1/customers/${customerId}/tracking-records`).header('authorization', agent.auth)
    listed.assertStatus(200)
    await matchesContract(listed)
    assert.equal(listed.body().meta.total, 2)
    assert.deepEqual(listed.body().data.map((r: any) => r.id), [note.id, record.id], 'newest first (ids are time-ordered when the clock ties)')

    const bad = await client.post(`/api/v1/customers/${customerId}/tracking-records`).header('authorization', agent.auth).json({ type: 'meeting', content: '' })
    bad.assertStatus(422)
    await matchesContract(bad)
    assert.sameMembers(bad.body().errors.map((e: any) => e.field), ['type', 'content'])

    const changed = await client.patch(`/api/v1/tracking-records/${record.id}`).header('authorization', agent.auth).json({ done: true, outcome: 'called back' })
    changed.assertStatus(200)
    await matchesContract(changed)
    assert.deepInclude(changed.body().data, { done: true, outcome: 'called back', content: record.content })

    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => ['customer.tracked', 'tracking_record.updated'].includes(e.type)))
    assert.deepEqual(events.map((e) => e.type), ['customer.tracked', 'customer.tracked', 'tracking_record.updated'])
    assert.equal(events[0].entity.id, customerId)
    assert.equal(events[0].payload.trackingRecordId, record.id)
    assert.equal(events[2].entity.id, record.id)
    assert.notInclude(JSON.stringify(events), '客户对新套餐感兴趣', 'events carry no free text')
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'tracking_records.', result: 'success' }).header('authorization', org.auth)
    assert.sameMembers(log.body().data.map((e: any) => e.action), ['tracking_records.store', 'tracking_records.store', 'tracking_records.update'])
  })

  test('a customer outside the agent’s scope answers 404; another tenant’s call is a 422 on callId', async ({ client, assert }) => {
    const org = await makeTenant()
    const [alice, carol] = [await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    const ofCarol = await customerOf(client, org, carol.user.id)
    const ofAlice = await customerOf(client, org, alice.user.id)
    const record = await track(client, carol.auth, ofCarol, { type: 'visit', content: 'Visited' })

    const list = await client.get(`/api/v1/customers/${ofCarol}/tracking-records`).header('authorization', alice.auth)
    list.assertStatus(404)
    await matchesContract(list)
    const create = await client.post(`/api/v1/customers/${ofCarol}/tracking-records`).header('authorization', alice.auth).json({ type: 'note', content: 'Sneaky' })
    create.assertStatus(404)
    const patch = await client.patch(`/api/v1/tracking-records/${record.id}`).header('authorization', alice.auth).json({ content: 'Sneaky' })
    patch.assertStatus(404)
    await matchesContract(patch)

    const other = await makeTenant()
    const foreignCall = await callOf(other)
    const foreign = await client.post(`/api/v1/customers/${ofAlice}/tracking-records`).header('authorization', alice.auth).json({ type: 'call', content: 'Call', callId: foreignCall })
    foreign.assertStatus(422)
    await matchesContract(foreign)
    assert.equal(foreign.body().errors[0].field, 'callId')
    const foreignCustomer = await customerOf(client, other, other.user.id)
    const cross = await client.get(`/api/v1/customers/${foreignCustomer}/tracking-records`).header('authorization', org.auth)
    cross.assertStatus(404)
  })

  test('the due list holds open follow-ups until the end of today in the organisation’s time zone, oldest first', async ({ client, assert }) => {
    const org = await makeTenant()
    const tz = await client.patch('/api/v1/tenant').header('authorization', org.auth).json({ timeZone: 'Asia/Shanghai' })
    tz.assertStatus(200)
    const agent = await makeUser(org, ['agent'])
    const manager = await makeUser(org, ['customer_manager'])
    const customerId = await customerOf(client, org, agent.user.id, '李四')

    const tonight = await track(client, agent.auth, customerId, { type: 'follow_up', content: 'Tonight', nextFollowUpAt: `${shanghaiDate()}T23:30:00+08:00` })
    const overdue = await track(client, agent.auth, customerId, { type: 'follow_up', content: 'Yesterday', nextFollowUpAt: `${shanghaiDate(-1)}T09:00:00+08:00` })
    await track(client, agent.auth, customerId, { type: 'follow_up', content: 'Tomorrow', nextFollowUpAt: `${shanghaiDate(1)}T00:30:00+08:00` })
    await track(client, agent.auth, customerId, { type: 'note', content: 'No follow-up' })
    await track(client, manager.auth, customerId, { type: 'follow_up', content: 'The manager’s own', nextFollowUpAt: `${shanghaiDate(-1)}T10:00:00+08:00` })

    const due = await client.get('/api/v1/tracking-records/due').header('authorization', agent.auth)
    due.assertStatus(200)
    await matchesContract(due)
    assert.deepEqual(due.body().data.map((r: any) => r.id), [overdue.id, tonight.id])
    assert.equal(due.body().data[0].customerName, '李四')

    const done = await client.patch(`/api/v1/tracking-records/${overdue.id}`).header('authorization', agent.auth).json({ done: true })
    done.assertStatus(200)
    const after = await client.get('/api/v1/tracking-records/due').header('authorization', agent.auth)
    assert.deepEqual(after.body().data.map((r: any) => r.id), [tonight.id], 'a done follow-up leaves the list')

    const forAgent = await client.get('/api/v1/tracking-records/due').qs({ ownerId: agent.user.id }).header('authorization', manager.auth)
    forAgent.assertStatus(200)
    assert.deepEqual(forAgent.body().data.map((r: any) => r.id), [tonight.id], 'customers.view_all lists anyone’s')
    const others = await client.get('/api/v1/tracking-records/due').qs({ ownerId: manager.user.id }).header('authorization', agent.auth)
    others.assertStatus(403)
    await matchesContract(others)
  })

  test('only the author, the owner or a customer manager changes a record; others who see it get 403', async ({ client, assert }) => {
    const org = await makeTenant()
    const [alice, bob, dave] = [await makeUser(org, ['agent']), await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    const manager = await makeUser(org, ['customer_manager'])
    await asAdmin(org, async (scope) => {
      const team = await createTeam(scope, { name: 'Sales' })
      await setTeamMembers(scope, team.id, [alice.user.id, bob.user.id, dave.user.id])
    })
    const customerId = await customerOf(client, org, alice.user.id)
    const record = await track(client, alice.auth, customerId, { type: 'follow_up', content: 'Call back', ownerId: dave.user.id, nextFollowUpAt: new Date().toISOString() })
    assert.equal(record.ownerId, dave.user.id, 'a team member may be given the follow-up')

    const byBob = await client.patch(`/api/v1/tracking-records/${record.id}`).header('authorization', bob.auth).json({ content: 'Not mine' })
    byBob.assertStatus(403)
    await matchesContract(byBob)
    const byAuthor = await client.patch(`/api/v1/tracking-records/${record.id}`).header('authorization', alice.auth).json({ content: 'Call back after 3pm' })
    byAuthor.assertStatus(200)
    const byOwner = await client.patch(`/api/v1/tracking-records/${record.id}`).header('authorization', dave.auth).json({ done: true })
    byOwner.assertStatus(200)
    const byManager = await client.patch(`/api/v1/tracking-records/${record.id}`).header('authorization', manager.auth).json({ nextFollowUpAt: null, done: false })
    byManager.assertStatus(200)
    assert.deepInclude(byManager.body().data, { content: 'Call back after 3pm', nextFollowUpAt: null, done: false })

    const stranger = await makeUser(org, ['agent'])
    const outsider = await client.post(`/api/v1/customers/${customerId}/tracking-records`).header('authorization', alice.auth).json({ type: 'note', content: 'x', ownerId: stranger.user.id })
    outsider.assertStatus(422)
    assert.equal(outsider.body().errors[0].field, 'ownerId')
  })

  test('giving a call its disposition logs it in the timeline of the customers with that number, once per call', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const customer = (await client.post('/api/v1/customers').header('authorization', org.auth).json({ name: '周杰', phones: [{ number: '+86 138 0013 8123' }] })).body().data
    const stranger = (await client.post('/api/v1/customers').header('authorization', org.auth).json({ name: 'Other number', phones: [{ number: '+8613900139000' }] })).body().data
    const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Care', wrapUpSeconds: 60 })).body().data
    await client.put(`/api/v1/queues/${queue.id}/members`).header('authorization', org.auth).json({ userIds: [agent.user.id] })
    await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    const call = (await client.post(`/api/v1/queues/${queue.id}/simulated-calls`).header('authorization', org.auth).json({ ani: '+8613800138123' })).body().data
    const offer = (await client.get('/api/v1/agent').header('authorization', agent.auth)).body().data.offer
    await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', agent.auth)
    await client.post(`/api/v1/agent/calls/${call.id}/hangup`).header('authorization', agent.auth)

    const first = await client.post(`/api/v1/agent/calls/${call.id}/disposition`).header('authorization', agent.auth).json({ code: 'resolved', notes: '已解决退款' })
    first.assertStatus(200)
    const again = await client.post(`/api/v1/agent/calls/${call.id}/disposition`).header('authorization', agent.auth).json({ code: 'callback' })
    again.assertStatus(200)
    const timeline = (await client.get(`/api/v1/customers/${customer.id}/tracking-records`).header('authorization', org.auth)).body().data
    assert.lengthOf(timeline, 1, 'one record per call, updated by the second disposition')
    assert.include(timeline[0], { type: 'call', callId: call.id, outcome: 'callback', content: 'callback', ownerId: agent.user.id })
    assert.lengthOf((await client.get(`/api/v1/customers/${stranger.id}/tracking-records`).header('authorization', org.auth)).body().data, 0)
  })
})
