import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
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
