import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'

/** A tenant with a queue of two agents; one simulated call answered by the first. */
async function answeredCall(client: any) {
  const org = await makeTenant()
  const first = await makeUser(org, ['agent'])
  const second = await makeUser(org, ['agent'])
  const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Care' })).body().data
  await client.put(`/api/v1/queues/${queue.id}/members`).header('authorization', org.auth).json({ userIds: [first.user.id, second.user.id] })
  await client.post('/api/v1/agent/state').header('authorization', first.auth).json({ state: 'ready' })
  const call = (await client.post(`/api/v1/queues/${queue.id}/simulated-calls`).header('authorization', org.auth).json({ ani: '+8613800138000' })).body().data
  const offer = (await client.get('/api/v1/agent').header('authorization', first.auth)).body().data.offer
  await client.post(`/api/v1/agent/offers/${offer.id}/accept`).header('authorization', first.auth)
  return { org, first, second, callId: call.id as string }
}

test.group('Call quality samples', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the agent on the call reports samples and gets the average and the worst back', async ({ client, assert }) => {
    const { first, callId } = await answeredCall(client)
    const url = `/api/v1/agent/calls/${callId}/quality`
    const one = await client.post(url).header('authorization', first.auth).json({ jitterMs: 10, packetLossPct: 0, rttMs: 40, mos: 4.4 })
    one.assertStatus(201)
    await matchesContract(one)
    assert.equal(one.body().data.samples, 1)
    const two = await client.post(url).header('authorization', first.auth).json({ jitterMs: 30, packetLossPct: 5, rttMs: 120 })
    two.assertStatus(201)
    await matchesContract(two)
    assert.deepInclude(two.body().data, {
      callId,
      samples: 2,
      jitterMs: { avg: 20, max: 30 },
      packetLossPct: { avg: 2.5, max: 5 },
      rttMs: { avg: 80, max: 120 },
      mos: { avg: 4.4, min: 4.4 },
    })
  })

  test('another agent of the tenant gets 404 for a call that is not theirs', async ({ client }) => {
    const { second, callId } = await answeredCall(client)
    const other = await client.post(`/api/v1/agent/calls/${callId}/quality`).header('authorization', second.auth).json({ jitterMs: 1, packetLossPct: 0, rttMs: 10 })
    other.assertStatus(404)
    await matchesContract(other)
  })

  test('bad samples name the field', async ({ client, assert }) => {
    const { first, callId } = await answeredCall(client)
    const url = `/api/v1/agent/calls/${callId}/quality`
    const missing = await client.post(url).header('authorization', first.auth).json({ packetLossPct: 0, rttMs: 10 })
    missing.assertStatus(422)
    await matchesContract(missing)
    assert.equal(missing.body().errors[0].field, 'jitterMs')
    const loss = await client.post(url).header('authorization', first.auth).json({ jitterMs: 1, packetLossPct: 140, rttMs: 10 })
    loss.assertStatus(422)
    assert.equal(loss.body().errors[0].field, 'packetLossPct')
    const mos = await client.post(url).header('authorization', first.auth).json({ jitterMs: 1, packetLossPct: 1, rttMs: 10, mos: 7 })
    mos.assertStatus(422)
    assert.equal(mos.body().errors[0].field, 'mos')
  })

  test('after hanging up, samples are refused', async ({ client }) => {
    const { first, callId } = await answeredCall(client)
    await client.post(`/api/v1/agent/calls/${callId}/hangup`).header('authorization', first.auth)
    const late = await client.post(`/api/v1/agent/calls/${callId}/quality`).header('authorization', first.auth).json({ jitterMs: 1, packetLossPct: 0, rttMs: 10 })
    late.assertStatus(409)
  })

  test('an agent of another tenant gets 404', async ({ client }) => {
    const { callId } = await answeredCall(client)
    const stranger = await makeUser(await makeTenant(), ['agent'])
    const other = await client.post(`/api/v1/agent/calls/${callId}/quality`).header('authorization', stranger.auth).json({ jitterMs: 1, packetLossPct: 0, rttMs: 10 })
    other.assertStatus(404)
  })
})
