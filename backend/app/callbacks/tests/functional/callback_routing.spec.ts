import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { VoiceProvider } from '#voice/voice_provider'
import { acdTick } from '#contact_center/actions/housekeeping'
import { endCall, enqueueCall } from '#contact_center/actions/calls'
import { PERSONAL_GRACE_MINUTES } from '#callbacks/actions/due_callbacks'

type Tenant = Awaited<ReturnType<typeof makeTenant>>
type User = { auth: string; user: { id: string } }

/** A voice server that records what it was asked to dial, with or without an outbound SIP trunk. */
function fakeVoice(outbound: boolean) {
  const dialled: Array<{ room: string; number: string; callerId: string | null; identity: string }> = []
  const rooms: string[] = []
  const fake = {
    name: 'fake',
    capabilities: new Set(outbound ? ['sip_outbound'] : []),
    async createCallRoom(room: string) {
      rooms.push(room)
    },
    async dialOut(room: string, number: string, callerId: string | null, identity: string) {
      dialled.push({ room, number, callerId, identity })
    },
  }
  app.container.swap(VoiceProvider, () => fake as unknown as VoiceProvider)
  return { dialled, rooms }
}

/** An organisation with a queue and two agents in it, B ready before A (so B would be longest idle). */
async function callCentre(client: any) {
  const org = await makeTenant()
  const a = await makeUser(org, ['agent'])
  const b = await makeUser(org, ['agent'])
  const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Callbacks', offerTimeoutSeconds: 30 })).body().data
  await client.put(`/api/v1/queues/${queue.id}/members`).header('authorization', org.auth).json({ userIds: [a.user.id, b.user.id] })
  return { org, a, b, queueId: queue.id as string }
}

const ready = (client: any, user: User) => client.post('/api/v1/agent/state').header('authorization', user.auth).json({ state: 'ready' })
const me = async (client: any, user: User) => (await client.get('/api/v1/agent').header('authorization', user.auth)).body().data

/** Books a callback an hour ahead, then moves its due time into the past, as if the hour went by. */
async function dueCallback(client: any, org: Tenant, by: User | Tenant, body: Record<string, unknown>) {
  const booked = await client.post('/api/v1/callbacks').header('authorization', by.auth).json({ number: '+14155550123', dueAt: new Date(Date.now() + 3_600_000).toISOString(), ...body })
  booked.assertStatus(201)
  const id = booked.body().data.id as string
  await asAdmin(org, (scope) => scope.trx.from('scheduled_callbacks').where('id', id).update({ due_at: new Date(Date.now() - 60_000) }))
  return id
}

const tick = (org: Tenant) => asAdmin(org, (scope) => acdTick(scope))
const callbackRow = (org: Tenant, id: string) => asAdmin(org, (scope) => scope.trx.from('scheduled_callbacks').where('id', id).first())
const eventsOf = async (org: Tenant, id: string) => (await asAdmin(org, (scope) => scope.trx.from('domain_events').where('entity_id', id).orderBy('occurred_at').select('type'))).map((e) => e.type as string)

test.group('Scheduled callbacks: due, routed, answered', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => app.container.restore(VoiceProvider))

  test('a due personal callback becomes a queued callback call offered to its own agent, not the longest idle one', async ({ client, assert }) => {
    const { org, a, b, queueId } = await callCentre(client)
    await ready(client, b)
    await ready(client, a)
    const id = await dueCallback(client, org, a, { queueId })
    const result = await tick(org)
    assert.equal(result.callbacks, 1)
    assert.deepEqual(result.offers.map((o) => o.userId), [a.user.id])

    const callback = await callbackRow(org, id)
    assert.equal(callback.status, 'queued')
    const call = await asAdmin(org, (scope) => scope.trx.from('calls').where('id', callback.call_id).first())
    assert.deepInclude(call, { direction: 'outbound', channel: 'voice', status: 'offered', dnis: '+14155550123', callback: true, callback_id: id, agent_id: a.user.id, queue_id: queueId })
    const offered = await client.get('/api/v1/agent').header('authorization', a.auth)
    await matchesContract(offered)
    assert.deepInclude(offered.body().data.call, { id: call.id, direction: 'outbound', dnis: '+14155550123', callback: true, status: 'offered' })
    assert.isNull((await me(client, b)).offer, 'the other ready agent gets nothing')
    assert.deepEqual(await eventsOf(org, id), ['callback.scheduled', 'callback.queued'])
    const mine = (await client.get('/api/v1/callbacks').header('authorization', a.auth)).body().data
    assert.deepInclude(mine[0], { id, status: 'queued', callId: call.id })
  })

  test('a personal callback waits for its agent, then falls back to the queue after the grace period', async ({ client, assert }) => {
    const { org, a, b, queueId } = await callCentre(client)
    await ready(client, b)
    const id = await dueCallback(client, org, a, { queueId, mode: 'personal' })
    assert.lengthOf((await tick(org)).offers, 0, 'B is ready, but the callback is A’s')
    const { call_id: callId } = await callbackRow(org, id)
    await asAdmin(org, (scope) => scope.trx.from('calls').where('id', callId).update({ queued_at: new Date(Date.now() - (PERSONAL_GRACE_MINUTES + 1) * 60_000) }))
    const later = await tick(org)
    assert.deepEqual(later.offers.map((o) => [o.callId, o.userId]), [[callId, b.user.id]])
    assert.include(await eventsOf(org, id), 'callback.fallback')
  })

  test('a queue callback goes to whoever is ready in the queue', async ({ client, assert }) => {
    const { org, a, b, queueId } = await callCentre(client)
    await ready(client, b)
    const id = await dueCallback(client, org, a, { queueId, mode: 'queue' })
    const { offers } = await tick(org)
    assert.deepEqual(offers.map((o) => o.userId), [b.user.id])
    assert.equal((await callbackRow(org, id)).status, 'queued')
  })

  test('answering a callback dials the number out like an outbound call: room, customer leg, caller id, completed', async ({ client, assert }) => {
    const voice = fakeVoice(true)
    const { org, a, queueId } = await callCentre(client)
    await client.put('/api/v1/voice/settings').header('authorization', org.auth).json({ outboundCallerId: '+14155550100' })
    await ready(client, a)
    const id = await dueCallback(client, org, a, { queueId })
    await tick(org)
    const offer = (await me(client, a)).offer
    const answered = await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', a.auth)
    answered.assertStatus(200)
    await matchesContract(answered)
    const callId = offer.callId
    assert.deepInclude(answered.body().data, { state: 'busy' })
    assert.deepInclude(answered.body().data.call, { id: callId, status: 'connected', room: `call-${callId}`, ani: '+14155550100', dnis: '+14155550123' })
    assert.deepEqual(voice.rooms, [`call-${callId}`])
    assert.deepEqual(voice.dialled, [{ room: `call-${callId}`, number: '+14155550123', callerId: '+14155550100', identity: `c:${callId}` }])
    const legs = await asAdmin(org, (scope) => scope.trx.from('call_legs').where('call_id', callId).whereNull('left_at').select('role', 'identity'))
    assert.sameDeepMembers(legs.map((l) => [l.role, l.identity]), [['agent', `a:${a.user.id}`], ['customer', `c:${callId}`]])
    const callback = await callbackRow(org, id)
    assert.deepInclude(callback, { status: 'completed', call_id: callId })
    assert.include(await eventsOf(org, callId), 'call.dialled')
    assert.deepEqual(await eventsOf(org, id), ['callback.scheduled', 'callback.queued', 'callback.completed'])
    ;(await client.post(`/api/v1/callbacks/${id}/cancel`).header('authorization', a.auth)).assertStatus(409)
  })

  test('a caller who asked for a callback on overflow is dialled back on their own number when answered', async ({ client, assert }) => {
    const voice = fakeVoice(true)
    const { org, a, queueId } = await callCentre(client)
    const callId = await asAdmin(org, async (scope) => {
      const id = await enqueueCall(scope, { queueId, channel: 'voice', ani: '+8613800138000' })
      await scope.trx.from('calls').where('id', id).update({ callback: true, room: null })
      await scope.trx.from('call_legs').where('call_id', id).update({ left_at: new Date(), end_reason: 'callback_requested' })
      return id
    })
    await ready(client, a)
    const offer = (await me(client, a)).offer
    assert.equal(offer.callId, callId)
    ;(await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', a.auth)).assertStatus(200)
    assert.deepEqual(voice.dialled.map((d) => [d.room, d.number]), [[`call-${callId}`, '+8613800138000']])
  })

  test('without a gateway that can dial, answering is refused with the reason and nothing changes; declining and cancelling end it cleanly', async ({ client, assert }) => {
    fakeVoice(false)
    const { org, a, queueId } = await callCentre(client)
    await ready(client, a)
    const id = await dueCallback(client, org, a, { queueId })
    await tick(org)
    const offer = (await me(client, a)).offer
    const refused = await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', a.auth)
    refused.assertStatus(409)
    await matchesContract(refused)
    assert.include(refused.body().error.message, 'sip outbound')
    const after = await me(client, a)
    assert.deepEqual([after.state, after.offer?.id], ['reserved', offer.id], 'the offer still rings')
    assert.equal((await callbackRow(org, id)).status, 'queued')

    ;(await client.post(`/api/v1/agent/offers/${offer.id}/reject`).header('authorization', a.auth)).assertStatus(200)
    const cancelled = await client.post(`/api/v1/callbacks/${id}/cancel`).header('authorization', a.auth)
    cancelled.assertStatus(200)
    assert.equal(cancelled.body().data.status, 'cancelled')
    const call = await asAdmin(org, (scope) => scope.trx.from('calls').where('id', offer.callId).first())
    assert.deepEqual([call.status, call.end_reason], ['ended', 'callback_cancelled'])
    const callEvents = await eventsOf(org, offer.callId)
    assert.include(callEvents, 'call.ended')
    assert.notInclude(callEvents, 'call.abandoned', 'a cancelled callback is not an abandoned call')
  })

  test('cancelling a callback that rings an agent stops the ringing; the agent is ready again', async ({ client, assert }) => {
    const { org, a, queueId } = await callCentre(client)
    await ready(client, a)
    const id = await dueCallback(client, org, a, { queueId })
    await tick(org)
    assert.equal((await me(client, a)).state, 'reserved')
    ;(await client.patch(`/api/v1/callbacks/${id}`).header('authorization', a.auth).json({ note: 'later' })).assertStatus(409)
    ;(await client.post(`/api/v1/callbacks/${id}/cancel`).header('authorization', a.auth)).assertStatus(200)
    const after = await me(client, a)
    assert.deepEqual([after.state, after.offer], ['ready', null])
  })

  test('a simulated callback (booked by a queue manager) connects without dialling', async ({ client, assert }) => {
    const voice = fakeVoice(true)
    const { org, a, queueId } = await callCentre(client)
    await ready(client, a)
    const id = await dueCallback(client, org, org, { queueId, agentId: a.user.id, simulated: true })
    await tick(org)
    const offer = (await me(client, a)).offer
    const answered = await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', a.auth)
    answered.assertStatus(200)
    assert.deepInclude(answered.body().data.call, { channel: 'simulated', status: 'connected', room: null })
    assert.lengthOf(voice.dialled, 0)
    assert.equal((await callbackRow(org, id)).status, 'completed')
  })

  test('a callback call that ends unanswered marks its callback failed', async ({ client, assert }) => {
    const { org, a, queueId } = await callCentre(client)
    const id = await dueCallback(client, org, a, { queueId })
    await tick(org)
    const { call_id: callId } = await callbackRow(org, id)
    await asAdmin(org, (scope) => endCall(scope, callId, 'no_agents'))
    const callback = await callbackRow(org, id)
    assert.deepInclude(callback, { status: 'failed', failure_reason: 'abandoned' })
    assert.include(await eventsOf(org, id), 'callback.failed')
  })
})
