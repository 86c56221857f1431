import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { createQueue, setQueueMembers } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'
import { connect } from '#realtime/tests/support/ws_client'

test.group('Realtime gateway', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an agent subscribed to their channel gets a snapshot, then the offer as it happens', async ({ client, assert, cleanup }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const queueId = await asAdmin(org, async (scope) => {
      const id = await createQueue(scope, { name: 'Live' })
      await setQueueMembers(scope, id, [agent.user.id])
      await enqueueCall(scope, { queueId: id, channel: 'web', ani: '+8613800138000' })
      return id
    })
    const ws = await connect(agent.token)
    cleanup(ws.close)
    const channel = `tenant/${org.tenant.id}/agent/${agent.user.id}`
    ws.send({ type: 'subscribe', channel })
    const snapshot = await ws.next((m) => m.type === 'snapshot')
    assert.equal(snapshot.data.state, 'offline')

    await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    const offered = await ws.next((m) => m.type === 'event' && m.event.type === 'call.offered')
    assert.equal(offered.channel, channel)
    assert.equal(offered.event.payload.queueId, queueId)
    const states = ws.messages.filter((m) => m.type === 'event' && m.event.type === 'agent.state_changed').map((m) => m.event.payload.to)
    assert.includeMembers(states, ['ready', 'reserved'])
    const seqs = ws.messages.filter((m) => m.type === 'event').map((m) => m.seq!)
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'sequence numbers only grow')
    assert.equal(new Set(seqs).size, seqs.length)
  })

  test("another tenant's channel is not found and the wallboard needs agents.view", async ({ assert, cleanup }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const supervisor = await makeUser(org, ['supervisor'])
    const ws = await connect(agent.token)
    cleanup(ws.close)
    ws.send({ type: 'subscribe', channel: `tenant/${other.tenant.id}/agent/${other.user.id}` })
    assert.equal((await ws.next((m) => m.type === 'error')).code, 'E_NOT_FOUND')
    ws.send({ type: 'subscribe', channel: `tenant/${org.tenant.id}/wallboard` })
    assert.equal((await ws.next((m) => m.type === 'error' && m.code === 'E_FORBIDDEN')).code, 'E_FORBIDDEN')

    const boss = await connect(supervisor.token)
    cleanup(boss.close)
    boss.send({ type: 'subscribe', channel: `tenant/${org.tenant.id}/wallboard` })
    const board = await boss.next((m) => m.type === 'snapshot')
    assert.include(board.data.agents.map((a: any) => a.userId), agent.user.id)
  })

  test('a connection without a valid token is refused', async ({ assert }) => {
    const org = await makeTenant()
    await assert.rejects(() => connect('cc1.not-a-token'), /401/)
    const [prefix, tenantId, tokenId] = org.token.split('.')
    await assert.rejects(() => connect(`${prefix}.${tenantId}.${tokenId}.${'x'.repeat(43)}`), /401/)
  })
})
