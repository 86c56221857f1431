import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AccessToken } from 'livekit-server-sdk'
import env from '#start/env'
import { asAdmin, makeTenant } from '#tests/helpers'
import { createQueue } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'

const configured = Boolean(env.get('LIVEKIT_URL'))
if (!configured && process.env.CI === 'true') throw new Error('CI=true and LIVEKIT_URL is not set: the LiveKit server did not start')

/** A webhook body LiveKit v1.13.5 posted (captured from the local server; a throwaway TURN password redacted). */
function captured(event: string) {
  return fs.readFileSync(new URL(`../../../../tests/fixtures/livekit_webhooks/${event}.json`, import.meta.url), 'utf8')
}

/** Signs a body the way LiveKit does, with this server's key: a JWT whose sha256 claim is the body's hash. */
async function sign(body: string) {
  const token = new AccessToken(env.get('LIVEKIT_API_KEY')!, env.get('LIVEKIT_API_SECRET')!)
  token.sha256 = createHash('sha256').update(body).digest('base64')
  return token.toJwt()
}

test.group('Captured LiveKit webhooks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each captured event is accepted and translated; the customer leaving ends the call in that room once', async ({ client, assert }) => {
    const org = await makeTenant()
    const left = JSON.parse(captured('participant_left'))
    const callId = await asAdmin(org, async (scope) => {
      const id = await enqueueCall(scope, { queueId: await createQueue(scope, { name: 'Hooks' }), channel: 'web' })
      await scope.trx.from('calls').where('id', id).update({ room: left.room.name })
      return id
    })
    const types: Record<string, string> = { room_started: 'room.started', participant_joined: 'leg.joined', participant_left: 'leg.left', room_finished: 'room.finished' }
    for (const [event, type] of Object.entries(types)) {
      if (event === 'room_finished') continue
      const body = captured(event)
      const response = await client.post('/api/v1/voice/webhooks/livekit').header('authorization', await sign(body)).header('content-type', 'application/webhook+json').form(body)
      response.assertStatus(200)
      assert.deepEqual(response.body().data, { type, duplicate: false })
    }
    const ended = await asAdmin(org, (scope) => scope.trx.from('calls').where('id', callId).first())
    assert.deepEqual([ended.status, ended.end_reason], ['ended', 'abandoned'], 'the captured customer (role attribute) left while queued')

    const again = captured('participant_left')
    const redelivered = await client.post('/api/v1/voice/webhooks/livekit').header('authorization', await sign(again)).header('content-type', 'application/webhook+json').form(again)
    assert.deepEqual(redelivered.body().data, { type: 'leg.left', duplicate: true })
    const after = await asAdmin(org, (scope) => scope.trx.from('calls').where('id', callId).first())
    assert.equal(after.ended_at.getTime(), ended.ended_at.getTime(), 'no second effect')
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('a captured body with a forged signature or a changed byte is refused', async ({ client }) => {
    const body = captured('room_finished')
    const forged = new AccessToken(env.get('LIVEKIT_API_KEY')!, 'not-the-secret-not-the-secret-not-the-secret')
    forged.sha256 = createHash('sha256').update(body).digest('base64')
    ;(await client.post('/api/v1/voice/webhooks/livekit').header('authorization', await forged.toJwt()).header('content-type', 'application/webhook+json').form(body)).assertStatus(401)
    const tampered = body.replace('room_finished', 'room_started')
    ;(await client.post('/api/v1/voice/webhooks/livekit').header('authorization', await sign(body)).header('content-type', 'application/webhook+json').form(tampered)).assertStatus(401)
  }).skip(!configured, 'LIVEKIT_URL is not set')
})
