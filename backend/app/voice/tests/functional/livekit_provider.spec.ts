import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { matchesContract } from '#tests/openapi'
import env from '#start/env'
import { AccessToken, TokenVerifier } from 'livekit-server-sdk'
import { ForgedWebhookError, VoiceProvider } from '#voice/voice_provider'

const configured = Boolean(env.get('LIVEKIT_URL'))
if (!configured && process.env.CI === 'true') throw new Error('CI=true and LIVEKIT_URL is not set: the LiveKit server did not start')

/** Signs a webhook body the way LiveKit does: a JWT whose sha256 claim is the body's hash. */
async function sign(body: string, secret = env.get('LIVEKIT_API_SECRET')!) {
  const token = new AccessToken(env.get('LIVEKIT_API_KEY')!, secret)
  token.sha256 = createHash('sha256').update(body).digest('base64')
  return token.toJwt()
}

test.group('LiveKit behind the voice port (real LiveKit server)', () => {
  test('a call room is created, is empty, and ends', async ({ assert }) => {
    const voice = await app.container.make(VoiceProvider)
    const room = `call-${Date.now()}`
    await voice.createCallRoom(room, { tenantId: 't-1', callId: 'c-1' })
    assert.include(await voice.callRooms(), room)
    assert.deepEqual(await voice.participants(room), [])
    await voice.endCallRoom(room)
    assert.notInclude(await voice.callRooms(), room)
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('join tokens carry the role: a supervisor joins hidden and cannot publish; an agent can', async ({ assert }) => {
    const voice = await app.container.make(VoiceProvider)
    const verifier = new TokenVerifier(env.get('LIVEKIT_API_KEY')!, env.get('LIVEKIT_API_SECRET')!)
    const supervisor = await verifier.verify((await voice.joinGrant('call-x', 'sup-1', 'supervisor', 'Sam')).token)
    assert.isTrue(supervisor.video?.hidden)
    assert.isFalse(supervisor.video?.canPublish)
    assert.equal(supervisor.attributes?.role, 'supervisor')
    const agent = await verifier.verify((await voice.joinGrant('call-x', 'agent-1', 'agent', 'Ann')).token)
    assert.isTrue(agent.video?.canPublish)
    assert.equal(agent.video?.room, 'call-x')
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('a signed webhook becomes our event; a tampered body or a foreign key is refused', async ({ assert }) => {
    const voice = await app.container.make(VoiceProvider)
    const body = JSON.stringify({
      event: 'participant_joined',
      id: 'EV_1',
      createdAt: '1795980000',
      room: { name: 'call-42' },
      participant: { identity: 'agent-1', attributes: { role: 'agent' } },
    })
    const event = await voice.parseWebhook(body, { authorization: await sign(body) })
    assert.deepInclude(event, { type: 'leg.joined', room: 'call-42', identity: 'agent-1', role: 'agent', eventId: 'EV_1' })
    await assert.rejects(() => voice.parseWebhook(body.replace('agent-1', 'intruder'), { authorization: '' }), ForgedWebhookError)
    const tampered = body.replace('agent-1', 'intruder')
    await assert.rejects(async () => voice.parseWebhook(tampered, { authorization: await sign(body) }), ForgedWebhookError)
    await assert.rejects(async () => voice.parseWebhook(body, { authorization: await sign(body, 'not-the-secret-but-long-enough-xyz') }), ForgedWebhookError)
  }).skip(!configured, 'LIVEKIT_URL is not set')
})

test.group('LiveKit webhook endpoint', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a signed delivery is accepted once; a redelivery has no second effect; a forged one is refused', async ({ client, assert }) => {
    const body = JSON.stringify({ event: 'room_finished', id: `EV_${Date.now()}`, createdAt: '1795980000', room: { name: 'call-7' } })
    const send = async (authorization: string) =>
      client.post('/api/v1/voice/webhooks/livekit').header('content-type', 'application/webhook+json').header('authorization', authorization).form(body)
    const first = await send(await sign(body))
    first.assertStatus(200)
    await matchesContract(first)
    assert.deepEqual(first.body().data, { type: 'room.finished', duplicate: false })
    const again = await send(await sign(body))
    assert.deepEqual(again.body().data, { type: 'room.finished', duplicate: true })
    const rows = await db.from('voice_webhook_events').where('event_id', JSON.parse(body).id)
    assert.lengthOf(rows, 1)
    const forged = await send(await sign(body.replace('call-7', 'call-8')))
    forged.assertStatus(401)
    await matchesContract(forged)
  }).skip(!configured, 'LIVEKIT_URL is not set')
})
