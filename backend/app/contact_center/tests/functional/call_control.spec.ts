import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'

/** A tenant with a queue served by two agents and a supervisor; one simulated call answered by the first agent. */
async function answeredCall(client: any) {
  const org = await makeTenant()
  const first = await makeUser(org, ['agent'])
  const second = await makeUser(org, ['agent'])
  const supervisor = await makeUser(org, ['supervisor'])
  const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Care', wrapUpSeconds: 60 })).body().data
  const other = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Billing' })).body().data
  await client.put(`/api/v1/queues/${queue.id}/members`).header('authorization', org.auth).json({ userIds: [first.user.id] })
  await client.put(`/api/v1/queues/${other.id}/members`).header('authorization', org.auth).json({ userIds: [second.user.id] })
  await client.post('/api/v1/agent/state').header('authorization', first.auth).json({ state: 'ready' })
  const call = (await client.post(`/api/v1/queues/${queue.id}/simulated-calls`).header('authorization', org.auth).json({ ani: '+8613800138000' })).body().data
  const offer = (await client.get('/api/v1/agent').header('authorization', first.auth)).body().data.offer
  await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', first.auth)
  return { org, first, second, supervisor, queue, other, callId: call.id as string }
}

test.group('Call control over HTTP', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the call snapshot lists what the agent may do now, and refuses the rest with the reason', async ({ client, assert }) => {
    const { first, callId } = await answeredCall(client)
    const me = await client.get('/api/v1/agent').header('authorization', first.auth)
    await matchesContract(me)
    assert.deepEqual(me.body().data.call.allowedActions, ['hangup', 'transfer', 'disposition'], 'a simulated call has no media actions')
    const hold = await client.post(`/api/v1/agent/calls/${callId}/hold`).header('authorization', first.auth)
    hold.assertStatus(409)
    await matchesContract(hold)
    assert.equal(hold.body().error.message, 'This call has no audio')
  })

  test('blind transfer to a queue: the caller waits again, the agent wraps up, the new queue’s agent is offered it', async ({ client, assert }) => {
    const { org, first, second, supervisor, other, callId } = await answeredCall(client)
    await client.post('/api/v1/agent/state').header('authorization', second.auth).json({ state: 'ready' })
    const moved = await client.post(`/api/v1/agent/calls/${callId}/transfer`).header('authorization', first.auth).json({ target: 'queue', queueId: other.id })
    moved.assertStatus(200)
    await matchesContract(moved)
    assert.equal(moved.body().data.state, 'wrap_up')
    const offered = (await client.get('/api/v1/agent').header('authorization', second.auth)).body().data
    assert.equal(offered.state, 'reserved')
    assert.equal(offered.offer.callId, callId)
    await client.post(`/api/v1/agent/offers/${offered.offer.id}/accept`).header('authorization', second.auth)
    const detail = await client.get(`/api/v1/calls/${callId}`).header('authorization', supervisor.auth)
    await matchesContract(detail)
    assert.isDefined(org)
    assert.equal(detail.body().data.transferCount, 1)
    assert.equal(detail.body().data.queueId, other.id)
    const agentLegs = detail.body().data.legs.filter((l: any) => l.role === 'agent')
    assert.deepEqual(agentLegs.map((l: any) => [l.userId, l.endReason]), [[first.user.id, 'transferred'], [second.user.id, null]])
  })

  test('blind transfer to an agent needs that agent ready; the call then rings only them', async ({ client, assert }) => {
    const { first, second, callId } = await answeredCall(client)
    const notReady = await client.post(`/api/v1/agent/calls/${callId}/transfer`).header('authorization', first.auth).json({ target: 'agent', userId: second.user.id })
    notReady.assertStatus(409)
    assert.equal(notReady.body().error.message, 'That agent is not ready to take a call')
    await client.post('/api/v1/agent/state').header('authorization', second.auth).json({ state: 'ready' })
    const moved = await client.post(`/api/v1/agent/calls/${callId}/transfer`).header('authorization', first.auth).json({ target: 'agent', userId: second.user.id })
    moved.assertStatus(200)
    const offered = (await client.get('/api/v1/agent').header('authorization', second.auth)).body().data
    assert.equal(offered.offer?.callId, callId, 'the agent outside the queue is offered the transferred call')
  })

  test('bad transfer targets name the field; transferring to a number needs a SIP gateway', async ({ client, assert }) => {
    const { first, callId } = await answeredCall(client)
    const missing = await client.post(`/api/v1/agent/calls/${callId}/transfer`).header('authorization', first.auth).json({ target: 'queue' })
    missing.assertStatus(422)
    await matchesContract(missing)
    assert.equal(missing.body().errors[0].field, 'queueId')
    const self = await client.post(`/api/v1/agent/calls/${callId}/transfer`).header('authorization', first.auth).json({ target: 'agent', userId: first.user.id })
    self.assertStatus(422)
    assert.equal(self.body().errors[0].field, 'userId')
    const number = await client.post(`/api/v1/agent/calls/${callId}/transfer`).header('authorization', first.auth).json({ target: 'number', number: '+14155550100' })
    assert.oneOf(number.status(), [409, 503], 'no SIP gateway in the test stack')
  })

  test('hang up, then the disposition in wrap-up; nobody else can touch the call', async ({ client, assert }) => {
    const { org, first, second, callId } = await answeredCall(client)
    ;(await client.post(`/api/v1/agent/calls/${callId}/hangup`).header('authorization', second.auth)).assertStatus(404)
    const ended = await client.post(`/api/v1/agent/calls/${callId}/hangup`).header('authorization', first.auth)
    assert.deepEqual(ended.body().data.call.allowedActions, ['disposition'])
    const done = await client.post(`/api/v1/agent/calls/${callId}/disposition`).header('authorization', first.auth).json({ code: 'resolved', notes: '已解决' })
    done.assertStatus(200)
    await matchesContract(done)
    assert.equal(done.body().data.call.disposition, 'resolved')
    const log = await asAdmin(org, (scope) => scope.trx.from('audit_logs').where('target_id', callId).select('action'))
    assert.includeMembers(log.map((r: any) => r.action), ['agent.calls_hangup', 'agent.calls_disposition'])
  })

  test('supervisors list live calls; stepping into a call without audio is refused', async ({ client, assert }) => {
    const { supervisor, first, callId } = await answeredCall(client)
    const live = await client.get('/api/v1/calls').header('authorization', supervisor.auth)
    live.assertStatus(200)
    await matchesContract(live)
    assert.deepEqual(live.body().data.map((c: any) => [c.id, c.agentId, c.status]), [[callId, first.user.id, 'connected']])
    const monitor = await client.post(`/api/v1/calls/${callId}/monitor`).header('authorization', supervisor.auth)
    monitor.assertStatus(409)
    ;(await client.post(`/api/v1/calls/${callId}/monitor`).header('authorization', first.auth)).assertStatus(403)
    const released = await client.post(`/api/v1/calls/${callId}/release`).header('authorization', supervisor.auth)
    released.assertStatus(200)
    await matchesContract(released)
    assert.deepEqual([released.body().data.status, released.body().data.endReason], ['ended', 'supervisor_release'])
    const ended = await client.get('/api/v1/calls').qs({ status: 'ended' }).header('authorization', supervisor.auth)
    assert.equal(ended.body().meta.total, 1)
  })

  test('the public web-call entry answers 404 for an unknown key and names bad fields', async ({ client, assert }) => {
    const unknown = await client.get('/api/v1/public/web-calls/not-a-key')
    unknown.assertStatus(404)
    await matchesContract(unknown)
    const bad = await client.post('/api/v1/public/web-calls/not-a-key').json({ language: 'fr' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'language')
  })

  test('a web caller’s stated phone number must be a phone number; nothing is created otherwise', async ({ client, assert }) => {
    const org = await makeTenant()
    const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Web' })).body().data
    const entry = await client
      .post('/api/v1/entry-points')
      .header('authorization', org.auth)
      .json({ kind: 'web', name: 'Website', allowedOrigins: ['https://shop.example'], target: { type: 'queue', queueId: queue.id } })
    entry.assertStatus(201)
    const bad = await client.post(`/api/v1/public/web-calls/${entry.body().data.widgetKey}`).json({ name: 'Visitor', phone: '12' })
    bad.assertStatus(422)
    await matchesContract(bad)
    assert.deepEqual([bad.body().errors[0].field, bad.body().errors[0].rule], ['phone', 'phoneNumber'])
    const calls = await asAdmin(org, (scope) => scope.trx.from('calls').count('* as n').first())
    assert.equal(Number(calls.n), 0)
  })
})

