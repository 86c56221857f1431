import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { VoiceProvider } from '#voice/voice_provider'
import { roomOf } from '#voice/voice'
import { enqueueCall } from '#contact_center/actions/calls'
import { expireOffers } from '#contact_center/actions/offers'

const configured = Boolean(env.get('LIVEKIT_URL'))
if (!configured && process.env.CI === 'true') throw new Error('CI=true and LIVEKIT_URL is not set: the LiveKit server did not start')

/** Agent A connected to a call that has a (real, empty) media room; agent B ready outside the queue. */
async function connectedCall(client: any) {
  const org = await makeTenant()
  const a = await makeUser(org, ['agent'])
  const b = await makeUser(org, ['agent'])
  const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Care', wrapUpSeconds: 60 })).body().data
  await client.put(`/api/v1/queues/${queue.id}/members`).header('authorization', org.auth).json({ userIds: [a.user.id] })
  const callId = await asAdmin(org, async (scope) => {
    const id = await enqueueCall(scope, { queueId: queue.id, channel: 'web' })
    await scope.trx.from('calls').where('id', id).update({ room: roomOf(id) })
    await scope.trx.from('call_legs').where('call_id', id).update({ identity: `c:${id}` })
    return id
  })
  await (await app.container.make(VoiceProvider)).createCallRoom(roomOf(callId), { callId })
  await client.post('/api/v1/agent/state').header('authorization', a.auth).json({ state: 'ready' })
  const offer = (await client.get('/api/v1/agent').header('authorization', a.auth)).body().data.offer
  await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', a.auth)
  return { org, a, b, queue, callId }
}

const me = async (client: any, user: { auth: string }) => (await client.get('/api/v1/agent').header('authorization', user.auth)).body().data

test.group('Consultation inside the call', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('consult, then complete: the colleague owns the call and the customer comes off hold', async ({ client, assert }) => {
    const { a, b, callId } = await connectedCall(client)
    const early = await client.post(`/api/v1/agent/calls/${callId}/consult`).header('authorization', a.auth).json({ userId: b.user.id })
    early.assertStatus(409)
    assert.equal(early.body().error.message, 'That agent is not ready to take a call')
    await client.post('/api/v1/agent/state').header('authorization', b.auth).json({ state: 'ready' })

    const asked = await client.post(`/api/v1/agent/calls/${callId}/consult`).header('authorization', a.auth).json({ userId: b.user.id })
    asked.assertStatus(200)
    await matchesContract(asked)
    assert.deepEqual(asked.body().data.call.allowedActions, ['hangup', 'consult_cancel'])
    assert.isTrue(asked.body().data.call.onHold, 'the customer waits on hold')
    const ringing = await client.get('/api/v1/agent').header('authorization', b.auth)
    await matchesContract(ringing)
    assert.deepEqual([ringing.body().data.state, ringing.body().data.offer.kind, ringing.body().data.offer.fromAgentId], ['reserved', 'consult', a.user.id])

    await client.post(`/api/v1/agent/offers/${ringing.body().data.offer.id}/accept`).header('authorization', b.auth)
    const consulted = await me(client, b)
    assert.deepEqual([consulted.state, consulted.call.id, consulted.call.consultOnlyTo, consulted.call.allowedActions], ['busy', callId, `a:${a.user.id}`, ['hangup']])
    ;(await client.post(`/api/v1/agent/calls/${callId}/media`).header('authorization', b.auth)).assertStatus(200)
    const initiator = await me(client, a)
    assert.deepEqual(initiator.call.allowedActions, ['hangup', 'consult_complete', 'consult_conference', 'consult_cancel'])
    assert.equal(initiator.call.consult.state, 'talking')
    ;(await client.post(`/api/v1/agent/calls/${callId}/transfer`).header('authorization', a.auth).json({ target: 'agent', userId: b.user.id })).assertStatus(409)

    const done = await client.post(`/api/v1/agent/calls/${callId}/consult/complete`).header('authorization', a.auth)
    await matchesContract(done)
    assert.equal(done.body().data.state, 'wrap_up')
    const owner = await me(client, b)
    assert.deepEqual([owner.call.agentId, owner.call.onHold, owner.call.consult, owner.call.consultOnlyTo, owner.call.transferCount], [b.user.id, false, null, null, 1])
    assert.include(owner.call.allowedActions, 'hold')
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('conference, then the initiator leaves: the colleague keeps the customer; their hang-up ends the call', async ({ client, assert }) => {
    const { a, b, callId } = await connectedCall(client)
    await client.post('/api/v1/agent/state').header('authorization', b.auth).json({ state: 'ready' })
    await client.post(`/api/v1/agent/calls/${callId}/consult`).header('authorization', a.auth).json({ userId: b.user.id })
    await client.post(`/api/v1/agent/offers/${(await me(client, b)).offer.id}/accept`).header('authorization', b.auth)
    const joined = await client.post(`/api/v1/agent/calls/${callId}/consult/conference`).header('authorization', a.auth)
    assert.deepEqual([joined.body().data.call.consult.state, joined.body().data.call.onHold], ['conference', false])
    assert.isNull((await me(client, b)).call.consultOnlyTo, 'in a conference the colleague speaks to everyone')
    const left = await client.post(`/api/v1/agent/calls/${callId}/hangup`).header('authorization', a.auth)
    assert.equal(left.body().data.state, 'wrap_up')
    const owner = await me(client, b)
    assert.deepEqual([owner.call.status, owner.call.agentId], ['connected', b.user.id])
    await client.post(`/api/v1/agent/calls/${callId}/hangup`).header('authorization', b.auth)
    assert.equal((await me(client, b)).call.status, 'ended')
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('a consult that is cancelled or rings out leaves the customer with the initiator', async ({ client, assert }) => {
    const { org, a, b, callId } = await connectedCall(client)
    await client.post('/api/v1/agent/state').header('authorization', b.auth).json({ state: 'ready' })
    await client.post(`/api/v1/agent/calls/${callId}/consult`).header('authorization', a.auth).json({ userId: b.user.id })
    const cancelled = await client.post(`/api/v1/agent/calls/${callId}/consult/cancel`).header('authorization', a.auth)
    assert.deepEqual([cancelled.body().data.call.consult, cancelled.body().data.call.onHold], [null, false])
    assert.deepEqual([(await me(client, b)).state, (await me(client, b)).offer], ['ready', null])

    await client.post(`/api/v1/agent/calls/${callId}/consult`).header('authorization', a.auth).json({ userId: b.user.id })
    await asAdmin(org, async (scope) => {
      await scope.trx.from('offers').where('call_id', callId).where('status', 'pending').update({ expires_at: new Date(Date.now() - 1000) })
      await expireOffers(scope)
    })
    const missed = await me(client, b)
    assert.deepEqual([missed.state, missed.reason], ['not_ready', 'no_answer'])
    const still = await me(client, a)
    assert.deepEqual([still.call.status, still.call.agentId, still.call.consult], ['connected', a.user.id, null])
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('outbound calls need a SIP gateway, and say so', async ({ client, assert }) => {
    const org = await makeTenant()
    const a = await makeUser(org, ['agent'])
    const refused = await client.post('/api/v1/agent/calls').header('authorization', a.auth).json({ number: '(415) 555-0123' })
    assert.oneOf(refused.status(), [409, 503])
    await matchesContract(refused)
    const bad = await client.post('/api/v1/agent/calls').header('authorization', a.auth).json({ number: 'call me' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'number')
  })

  test('supervision shows on the agent’s call unless the organisation turns it off; speaking needs the audio joined', async ({ client, assert }) => {
    const { org, a, callId } = await connectedCall(client)
    const supervisor = await makeUser(org, ['supervisor'])
    const monitored = await client.post(`/api/v1/calls/${callId}/monitor`).header('authorization', supervisor.auth)
    monitored.assertStatus(200)
    await matchesContract(monitored)
    assert.deepEqual([monitored.body().data.mode, monitored.body().data.join.identity], ['monitor', `s:${supervisor.user.id}`])
    assert.deepEqual((await me(client, a)).call.supervisors.map((s: any) => [s.userId, s.mode]), [[supervisor.user.id, 'monitor']])
    const whisper = await client.post(`/api/v1/calls/${callId}/whisper`).header('authorization', supervisor.auth)
    whisper.assertStatus(409)
    assert.match(whisper.body().error.message, /Join the call’s audio first/)
    await client.put('/api/v1/voice/settings').header('authorization', org.auth).json({ notifyAgentOfSupervision: false })
    assert.deepEqual((await me(client, a)).call.supervisors, [])
    const live = await client.get('/api/v1/calls').header('authorization', supervisor.auth)
    assert.deepEqual(live.body().data[0].supervisors.map((s: any) => s.mode), ['monitor'], 'supervisors still see each other')
    ;(await client.post(`/api/v1/calls/${callId}/leave`).header('authorization', supervisor.auth)).assertStatus(200)
    const log = await asAdmin(org, (scope) => scope.trx.from('audit_logs').where('target_id', callId).select('action'))
    assert.includeMembers(log.map((r: any) => r.action), ['calls.monitor', 'calls.leave'])
  }).skip(!configured, 'LIVEKIT_URL is not set')
})
