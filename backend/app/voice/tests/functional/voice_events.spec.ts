import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { asAdmin, makeTenant } from '#tests/helpers'
import { VoiceProvider } from '#voice/voice_provider'
import { applyVoiceEvent, reconcileVoice } from '#voice/voice_events'
import { createQueue } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'
import { roomOf } from '#voice/voice'

const configured = Boolean(env.get('LIVEKIT_URL'))
if (!configured && process.env.CI === 'true') throw new Error('CI=true and LIVEKIT_URL is not set: the LiveKit server did not start')

/** A waiting call of a new tenant, living in the room `call-<id>`. */
async function callWithRoom() {
  const org = await makeTenant()
  return asAdmin(org, async (scope) => {
    const queueId = await createQueue(scope, { name: 'Lobby' })
    const callId = await enqueueCall(scope, { queueId, channel: 'web' })
    await scope.trx.from('calls').where('id', callId).update({ room: roomOf(callId) })
    return { org, callId, room: roomOf(callId) }
  })
}

async function callRow(org: Awaited<ReturnType<typeof makeTenant>>, callId: string) {
  return asAdmin(org, (scope) => scope.trx.from('calls').where('id', callId).first())
}

test.group('Voice events change calls', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the customer leaving the room ends the call; a second delivery changes nothing', async ({ assert }) => {
    const { org, callId, room } = await callWithRoom()
    const left = { type: 'leg.left', room, identity: `c:${callId}`, role: 'customer', eventId: 'EV_1', at: new Date() } as const
    await applyVoiceEvent(left)
    const ended = await callRow(org, callId)
    assert.deepEqual([ended.status, ended.end_reason], ['ended', 'abandoned'], 'a caller who leaves while queued abandoned the call')
    await applyVoiceEvent(left)
    assert.equal((await callRow(org, callId)).ended_at.getTime(), ended.ended_at.getTime())
  })

  test('an agent or the bot leaving does not end the call; the room closing does', async ({ assert }) => {
    const { org, callId, room } = await callWithRoom()
    await applyVoiceEvent({ type: 'leg.left', room, identity: 'a:someone', role: 'agent', eventId: 'EV_2', at: new Date() })
    await applyVoiceEvent({ type: 'leg.left', room, identity: `bot:${callId}`, role: 'bot', eventId: 'EV_3', at: new Date() })
    assert.equal((await callRow(org, callId)).status, 'queued')
    await applyVoiceEvent({ type: 'room.finished', room, eventId: 'EV_4', at: new Date() })
    assert.equal((await callRow(org, callId)).status, 'ended')
  })

  test('the reconciler ends a call whose room is gone and closes the room of an ended call', async ({ assert }) => {
    const voice = await app.container.make(VoiceProvider)
    const lost = await callWithRoom()
    const finished = await callWithRoom()
    await voice.createCallRoom(finished.room, { callId: finished.callId })
    await asAdmin(finished.org, (scope) => scope.trx.from('calls').where('id', finished.callId).update({ status: 'ended', ended_at: new Date(), end_reason: 'agent_hangup' }))
    const repaired = await reconcileVoice(0)
    assert.isAtLeast(repaired.ended, 1)
    assert.isAtLeast(repaired.closed, 1)
    const row = await callRow(lost.org, lost.callId)
    assert.deepEqual([row.status, row.end_reason], ['ended', 'abandoned'])
    assert.notInclude(await voice.callRooms(), finished.room)
  }).skip(!configured, 'LIVEKIT_URL is not set')
})
