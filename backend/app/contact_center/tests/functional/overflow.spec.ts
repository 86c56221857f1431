import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { createQueue, setQueueMembers } from '#contact_center/actions/queues'
import { endCall, enqueueCall } from '#contact_center/actions/calls'
import { overflowWaitingCalls } from '#contact_center/actions/housekeeping'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { routeWaitingCalls } from '#contact_center/actions/routing'

test.group('Overflow to voicemail or a callback', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a phone caller past the wait asks for a callback: no audio, same place in the queue, offered first', async ({ assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    await asAdmin(org, async (scope) => {
      const queue = await createQueue(scope, { name: 'Callbacks', overflowAfterSeconds: 30, overflowAction: 'callback' })
      await setQueueMembers(scope, queue, [agent.user.id])
      const waited = await enqueueCall(scope, { queueId: queue, channel: 'voice', ani: '+8613800138000' })
      await scope.trx.from('calls').where('id', waited).update({ room: `call-${waited}`, queued_at: new Date(Date.now() - 60_000) })
      const later = await enqueueCall(scope, { queueId: queue, channel: 'voice', ani: '+8613900139000' })
      await scope.trx.from('calls').where('id', later).update({ queued_at: new Date(Date.now() - 5_000) })

      assert.equal(await overflowWaitingCalls(scope), 1)
      const call = await scope.trx.from('calls').where('id', waited).first()
      assert.deepEqual([call.status, call.callback, call.room], ['queued', true, null])
      const legs = await scope.trx.from('call_legs').where('call_id', waited)
      assert.isTrue(legs.every((l) => l.end_reason === 'callback_requested' && l.left_at))
      assert.equal(await overflowWaitingCalls(scope), 0, 'a callback does not overflow again')

      await changeAgentState(scope, agent.user.id, { to: 'ready', by: 'agent' })
      const [offer] = await routeWaitingCalls(scope)
      assert.equal(offer.callId, waited, 'the callback kept its place ahead of the later caller')
      const events = (await scope.trx.from('domain_events').where('entity_id', waited).select('type')).map((e) => e.type)
      assert.include(events, 'call.callback_requested')
    })
  })

  test('a web caller (no number to call back) and a voicemail queue go to voicemail; leaving one is not an abandon', async ({ assert }) => {
    const org = await makeTenant()
    await asAdmin(org, async (scope) => {
      const callbacks = await createQueue(scope, { name: 'Web callbacks', overflowAfterSeconds: 30, overflowAction: 'callback' })
      const voicemail = await createQueue(scope, { name: 'After hours', overflowAfterSeconds: 30, overflowAction: 'voicemail' })
      const web = await enqueueCall(scope, { queueId: callbacks, channel: 'web' })
      const phone = await enqueueCall(scope, { queueId: voicemail, channel: 'voice', ani: '+14155550100' })
      const simulated = await enqueueCall(scope, { queueId: voicemail, channel: 'simulated' })
      for (const id of [web, phone, simulated]) {
        await scope.trx.from('calls').where('id', id).update({ queued_at: new Date(Date.now() - 60_000), ...(id === simulated ? {} : { room: `call-${id}` }) })
      }
      assert.equal(await overflowWaitingCalls(scope), 2, 'a call without audio cannot leave a message and keeps waiting')
      const rows = await scope.trx.from('calls').whereIn('id', [web, phone, simulated]).select('id', 'status')
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.status])), { [web]: 'ivr', [phone]: 'ivr', [simulated]: 'queued' })
      await endCall(scope, phone, 'voicemail')
      assert.equal((await scope.trx.from('calls').where('id', phone).first()).end_reason, 'voicemail')
    })
  })
})
