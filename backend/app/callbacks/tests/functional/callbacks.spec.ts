import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { createCustomer } from '#crm/actions/customers'
import { createRole } from '#identity/actions/roles'
import { createTeam, setTeamMembers } from '#identity/actions/teams'

type Tenant = Awaited<ReturnType<typeof makeTenant>>
type User = { auth: string; user: { id: string } }

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

/** An organisation with a queue and two agents in it. */
async function callCentre(client: any) {
  const org = await makeTenant()
  const a = await makeUser(org, ['agent'])
  const b = await makeUser(org, ['agent'])
  const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Callbacks' })).body().data
  await client.put(`/api/v1/queues/${queue.id}/members`).header('authorization', org.auth).json({ userIds: [a.user.id, b.user.id] })
  return { org, a, b, queueId: queue.id as string }
}

function schedule(client: any, user: User | Tenant, body: Record<string, unknown>) {
  return client.post('/api/v1/callbacks').header('authorization', user.auth).json(body)
}

function fieldsOf(response: any): string[] {
  return (response.body().errors ?? []).map((e: { field: string }) => e.field)
}

test.group('Scheduled callbacks: booking, changing, who sees what', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an agent books a callback: the number in E.164, listed as theirs, audited, with an event', async ({ client, assert }) => {
    const { org, a, queueId } = await callCentre(client)
    const customer = await asAdmin(org, (scope) => createCustomer(scope, { userId: null, seeAll: true, seeIds: true }, { name: 'Li Lei', ownerId: a.user.id, phones: [{ number: '+8613800138000' }] }))
    const dueAt = inHours(2)
    const created = await schedule(client, a, { number: '(415) 555-0123', customerId: customer.id, dueAt, queueId, note: 'About the invoice' })
    created.assertStatus(201)
    await matchesContract(created)
    assert.deepInclude(created.body().data, {
      number: '+14155550123', customerId: customer.id, customerName: 'Li Lei', queueId, queueName: 'Callbacks', mode: 'personal',
      agentId: a.user.id, note: 'About the invoice', dueAt, status: 'scheduled', callId: null, simulated: false, createdBy: a.user.id,
    })
    const mine = await client.get('/api/v1/callbacks').qs({ status: 'open' }).header('authorization', a.auth)
    mine.assertStatus(200)
    await matchesContract(mine)
    assert.deepEqual(mine.body().data.map((c: { id: string }) => c.id), [created.body().data.id])
    const shown = await client.get(`/api/v1/callbacks/${created.body().data.id}`).header('authorization', a.auth)
    await matchesContract(shown)

    const id = created.body().data.id
    const log = await asAdmin(org, (scope) => scope.trx.from('audit_logs').where('target_id', id).select('action', 'after'))
    assert.deepEqual(log.map((l) => l.action), ['callbacks.store'])
    assert.notProperty(log[0].after, 'note', 'the note stays out of the operation log')
    const events = await asAdmin(org, (scope) => scope.trx.from('domain_events').where('entity_id', id).select('type', 'payload'))
    assert.deepEqual(events.map((e) => e.type), ['callback.scheduled'])
  })

  test('bad bookings answer 422 naming the field', async ({ client, assert }) => {
    const { org, a, b, queueId } = await callCentre(client)
    const other = await makeTenant()
    const otherQueue = (await client.post('/api/v1/queues').header('authorization', other.auth).json({ name: 'Theirs' })).body().data.id
    const hidden = await asAdmin(org, (scope) => createCustomer(scope, { userId: null, seeAll: true, seeIds: true }, { name: 'Not yours', ownerId: org.user.id }))
    const good = { number: '+14155550123', dueAt: inHours(1), queueId }
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, number: 'call me' }, 'number'],
      [{ ...good, number: '' }, 'number'],
      [{ ...good, dueAt: new Date(Date.now() - 60_000).toISOString() }, 'dueAt'],
      [{ ...good, dueAt: inHours(24 * 91) }, 'dueAt'],
      [{ ...good, dueAt: 'tomorrow' }, 'dueAt'],
      [{ number: good.number, dueAt: good.dueAt }, 'queueId'],
      [{ ...good, queueId: otherQueue }, 'queueId'],
      [{ ...good, mode: 'whenever' }, 'mode'],
      [{ ...good, customerId: hidden.id }, 'customerId'],
      [{ ...good, agentId: b.user.id }, 'agentId'],
      [{ ...good, simulated: true }, 'simulated'],
      [{ ...good, note: 'x'.repeat(2001) }, 'note'],
    ]
    for (const [body, field] of cases) {
      const response = await schedule(client, a, body)
      assert.equal(response.status(), 422, `${JSON.stringify(body).slice(0, 80)} answered ${response.status()}`)
      assert.include(fieldsOf(response), field)
      await matchesContract(response)
    }
    const count = await asAdmin(org, (scope) => scope.trx.from('scheduled_callbacks').count('* as n').first())
    assert.equal(Number(count.n), 0)
  })

  test('rescheduling moves the time; cancelling ends it; finished ones refuse both with 409', async ({ client, assert }) => {
    const { org, a, queueId } = await callCentre(client)
    const id = (await schedule(client, a, { number: '+14155550123', dueAt: inHours(1), queueId })).body().data.id
    const later = inHours(5)
    const moved = await client.patch(`/api/v1/callbacks/${id}`).header('authorization', a.auth).json({ dueAt: later, mode: 'queue', note: 'After lunch' })
    moved.assertStatus(200)
    await matchesContract(moved)
    assert.deepInclude(moved.body().data, { dueAt: later, mode: 'queue', note: 'After lunch', status: 'scheduled' })
    const past = await client.patch(`/api/v1/callbacks/${id}`).header('authorization', a.auth).json({ dueAt: new Date(Date.now() - 1000).toISOString() })
    past.assertStatus(422)
    assert.deepEqual(fieldsOf(past), ['dueAt'])

    const cancelled = await client.post(`/api/v1/callbacks/${id}/cancel`).header('authorization', a.auth)
    cancelled.assertStatus(200)
    await matchesContract(cancelled)
    assert.equal(cancelled.body().data.status, 'cancelled')
    const again = await client.post(`/api/v1/callbacks/${id}/cancel`).header('authorization', a.auth)
    again.assertStatus(409)
    await matchesContract(again)
    ;(await client.patch(`/api/v1/callbacks/${id}`).header('authorization', a.auth).json({ dueAt: inHours(2) })).assertStatus(409)
    assert.lengthOf((await client.get('/api/v1/callbacks').qs({ status: 'open' }).header('authorization', a.auth)).body().data, 0)

    const events = await asAdmin(org, (scope) => scope.trx.from('domain_events').where('entity_id', id).orderBy('occurred_at').select('type'))
    assert.deepEqual(events.map((e) => e.type), ['callback.scheduled', 'callback.rescheduled', 'callback.cancelled'])
    const log = await asAdmin(org, (scope) => scope.trx.from('audit_logs').where('target_id', id).where('result', 'success').select('action'))
    assert.sameMembers(log.map((l) => l.action), ['callbacks.store', 'callbacks.update', 'callbacks.cancel'])
  })

  test('agents see and change only their own; a supervisor sees their team, a manager everyone’s and may book for an agent', async ({ client, assert }) => {
    const { org, a, b, queueId } = await callCentre(client)
    const teamId = await asAdmin(org, async (scope) => {
      org.roleIds.lead = (await createRole(scope, { name: 'Team lead', permissions: ['calls.handle', 'agents.view'] })).id
      return (await createTeam(scope, { name: 'Day shift' })).id
    })
    const lead = await makeUser(org, ['lead'])
    await asAdmin(org, (scope) => setTeamMembers(scope, teamId, [a.user.id, lead.user.id]))
    const supervisor = await makeUser(org, ['supervisor'])
    const ofA = (await schedule(client, a, { number: '+14155550123', dueAt: inHours(1), queueId })).body().data.id
    const ofB = (await schedule(client, b, { number: '+14155550124', dueAt: inHours(1), queueId })).body().data.id

    for (const [method, url, body] of [['GET', `/api/v1/callbacks/${ofA}`], ['PATCH', `/api/v1/callbacks/${ofA}`, { dueAt: inHours(3) }], ['POST', `/api/v1/callbacks/${ofA}/cancel`, {}]] as const) {
      const request = client.request(url, method).header('authorization', b.auth)
      const response = body ? await request.json(body) : await request
      assert.equal(response.status(), 404, `${method} ${url} by another agent`)
    }
    ;(await client.get('/api/v1/callbacks').qs({ scope: 'all' }).header('authorization', a.auth)).assertStatus(403)
    ;(await client.get('/api/v1/callbacks').qs({ scope: 'team' }).header('authorization', a.auth)).assertStatus(403)

    const team = await client.get('/api/v1/callbacks').qs({ scope: 'team' }).header('authorization', lead.auth)
    team.assertStatus(200)
    assert.deepEqual(team.body().data.map((c: { id: string }) => c.id), [ofA], 'the lead sees their team member’s callback only')
    ;(await client.get(`/api/v1/callbacks/${ofA}`).header('authorization', lead.auth)).assertStatus(200)
    ;(await client.post(`/api/v1/callbacks/${ofA}/cancel`).header('authorization', lead.auth)).assertStatus(404)

    const all = await client.get('/api/v1/callbacks').qs({ scope: 'all' }).header('authorization', supervisor.auth)
    assert.sameMembers(all.body().data.map((c: { id: string }) => c.id), [ofA, ofB])
    ;(await client.post(`/api/v1/callbacks/${ofB}/cancel`).header('authorization', supervisor.auth)).assertStatus(200)
    const booked = await schedule(client, supervisor, { number: '+14155550125', dueAt: inHours(1), queueId, agentId: a.user.id })
    booked.assertStatus(201)
    assert.deepInclude(booked.body().data, { agentId: a.user.id, createdBy: supervisor.user.id })
    const notAnAgent = await makeUser(org, ['auditor'])
    const refused = await schedule(client, supervisor, { number: '+14155550125', dueAt: inHours(1), queueId, agentId: notAnAgent.user.id })
    refused.assertStatus(422)
    assert.deepEqual(fieldsOf(refused), ['agentId'])
    ;(await client.get('/api/v1/callbacks').header('authorization', notAnAgent.auth)).assertStatus(403)
  })

  test("another organisation's callback answers 404 everywhere and never lists", async ({ client, assert }) => {
    const { org, queueId } = await callCentre(client)
    const theirs = (await schedule(client, org, { number: '+14155550123', dueAt: inHours(1), queueId })).body().data.id
    const other = await makeTenant()
    for (const [method, url, body] of [['GET', `/api/v1/callbacks/${theirs}`], ['PATCH', `/api/v1/callbacks/${theirs}`, { dueAt: inHours(3) }], ['POST', `/api/v1/callbacks/${theirs}/cancel`, {}]] as const) {
      const request = client.request(url, method).header('authorization', other.auth)
      const response = body ? await request.json(body) : await request
      assert.equal(response.status(), 404)
      await matchesContract(response)
    }
    const list = await client.get('/api/v1/callbacks').qs({ scope: 'all' }).header('authorization', other.auth)
    assert.notInclude(list.text(), theirs)
    const status = await asAdmin(org, (scope) => scope.trx.from('scheduled_callbacks').where('id', theirs).first())
    assert.equal(status.status, 'scheduled')
  })
})
