import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { enqueueCall } from '#contact_center/actions/calls'

test.group('ACD over HTTP', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin sets up a queue; an agent goes ready, is offered a call, answers and hangs up', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const skill = await client.post('/api/v1/skills').header('authorization', org.auth).json({ name: '普通话' })
    skill.assertStatus(201)
    await matchesContract(skill)
    const queue = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Hotline', wrapUpSeconds: 30, relaxAfterSeconds: 20 })
    queue.assertStatus(201)
    await matchesContract(queue)
    const queueId = queue.body().data.id
    await matchesContract(await client.put(`/api/v1/queues/${queueId}/members`).header('authorization', org.auth).json({ userIds: [agent.user.id] }))
    await matchesContract(await client.put(`/api/v1/queues/${queueId}/skills`).header('authorization', org.auth).json({ skills: [{ skillId: skill.body().data.id, minLevel: 3 }] }))
    await matchesContract(await client.put(`/api/v1/agents/${agent.user.id}/skills`).header('authorization', org.auth).json({ skills: [{ skillId: skill.body().data.id, level: 6 }] }))

    const callId = await asAdmin(org, (scope) => enqueueCall(scope, { queueId, channel: 'voice', ani: '+8613800138000' }))
    const listed = await client.get('/api/v1/queues').header('authorization', org.auth)
    await matchesContract(listed)
    assert.equal(listed.body().data[0].waiting, 1)

    const readyNow = await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    readyNow.assertStatus(200)
    await matchesContract(readyNow)
    assert.equal(readyNow.body().data.state, 'reserved', 'going ready offered the waiting call at once')
    const offer = readyNow.body().data.offer
    assert.equal(offer.callId, callId)

    const answered = await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', agent.auth)
    await matchesContract(answered)
    assert.equal(answered.body().data.state, 'busy')
    assert.equal(answered.body().data.call.status, 'connected')
    assert.equal(answered.body().data.call.ani, '+8613800138000')

    const ended = await client.post(`/api/v1/agent/calls/${callId}/hangup`).header('authorization', agent.auth)
    await matchesContract(ended)
    assert.equal(ended.body().data.state, 'wrap_up')
    const done = await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'not_ready', reason: 'lunch' })
    assert.deepEqual([done.body().data.state, done.body().data.reason], ['not_ready', 'lunch'])
  })

  test('a supervisor sees agents live, locks one, and forces a state; the agent cannot move while locked', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const agent = await makeUser(org, ['agent'])
    const agents = await client.get('/api/v1/agents').header('authorization', supervisor.auth)
    await matchesContract(agents)
    assert.include(agents.body().data.map((a: any) => a.userId), agent.user.id)

    await matchesContract(await client.post(`/api/v1/agents/${agent.user.id}/lock`).header('authorization', supervisor.auth))
    const blocked = await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    blocked.assertStatus(409)
    await matchesContract(blocked)
    const forced = await client.post(`/api/v1/agents/${agent.user.id}/state`).header('authorization', supervisor.auth).json({ state: 'ready' })
    await matchesContract(forced)
    assert.equal(forced.body().data.state, 'ready')
    await client.post(`/api/v1/agents/${agent.user.id}/unlock`).header('authorization', supervisor.auth)
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'agents.' }).header('authorization', org.auth)
    assert.includeMembers(log.body().data.map((r: any) => r.action), ['agents.lock', 'agents.state', 'agents.unlock'])
  })

  test('agents cannot run supervisor actions, and supervisors cannot change queues', async ({ client }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const supervisor = await makeUser(org, ['supervisor'])
    ;(await client.post(`/api/v1/agents/${supervisor.user.id}/lock`).header('authorization', agent.auth)).assertStatus(403)
    ;(await client.post('/api/v1/queues').header('authorization', supervisor.auth).json({ name: 'Nope' })).assertStatus(403)
  })

  test('an admin places a simulated call and the ready agent is offered it at once', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const queue = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Trial' })
    await client.put(`/api/v1/queues/${queue.body().data.id}/members`).header('authorization', org.auth).json({ userIds: [agent.user.id] })
    await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    const call = await client.post(`/api/v1/queues/${queue.body().data.id}/simulated-calls`).header('authorization', org.auth).json({ ani: '13800138000' })
    call.assertStatus(201)
    await matchesContract(call)
    assert.deepEqual([call.body().data.status, call.body().data.channel, call.body().data.agentId], ['offered', 'simulated', agent.user.id])
    const denied = await client.post(`/api/v1/queues/${queue.body().data.id}/simulated-calls`).header('authorization', agent.auth).json({})
    denied.assertStatus(403)
  })

  test('bad queue settings name the field', async ({ client, assert }) => {
    const org = await makeTenant()
    const response = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Q', offerTimeoutSeconds: 1, strategy: 'random' })
    response.assertStatus(422)
    await matchesContract(response)
    assert.includeMembers(response.body().errors.map((e: any) => e.field), ['offerTimeoutSeconds', 'strategy'])
  })
})
