import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import type { TenantScope } from '#shared/scope'
import { readEvents } from '#events/outbox'
import { changeAgentState, setAgentLock } from '#contact_center/actions/agent_states'
import { createQueue, createSkill, setAgentSkills, setQueueMembers, setQueueSkills, type QueueInput } from '#contact_center/actions/queues'
import { enqueueCall, endCall } from '#contact_center/actions/calls'
import { routeWaitingCalls } from '#contact_center/actions/routing'
import { acceptOffer, rejectOffer } from '#contact_center/actions/offers'
import { acdTick } from '#contact_center/actions/housekeeping'

type Org = Awaited<ReturnType<typeof makeTenant>>

/** A tenant with `count` agents serving one queue; returns helpers bound to it. */
async function contactCenter(count: number, queue: Partial<QueueInput> = {}) {
  const org = await makeTenant()
  const agents: string[] = []
  for (let i = 0; i < count; i++) agents.push((await makeUser(org, ['agent'])).user.id)
  const queueId = await asAdmin(org, async (scope) => {
    const id = await createQueue(scope, { name: 'Support', ...queue })
    await setQueueMembers(scope, id, agents)
    return id
  })
  const run = <T>(work: (scope: TenantScope) => Promise<T>) => asAdmin(org, work)
  return { org, agents, queueId, run }
}

async function ready(org: Org, ...userIds: string[]) {
  for (const id of userIds) await asAdmin(org, (scope) => changeAgentState(scope, id, { to: 'ready', by: 'agent' }))
}

/** Makes the database think time has passed for one row. */
async function age(scope: TenantScope, table: string, where: Record<string, string>, column: string, seconds: number) {
  await scope.trx.from(table).where({ tenant_id: scope.tenantId, ...where }).update({ [column]: scope.trx.raw(`${column} - make_interval(secs => ?)`, [seconds]) })
}

async function stateOf(scope: TenantScope, userId: string) {
  return scope.trx.from('agent_states').where('tenant_id', scope.tenantId).where('user_id', userId).first()
}

async function callRow(scope: TenantScope, id: string) {
  return scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', id).first()
}

test.group('ACD routing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the agent who has been ready longest gets the call, and only that agent', async ({ assert }) => {
    const cc = await contactCenter(3)
    await ready(cc.org, cc.agents[1], cc.agents[0], cc.agents[2])
    await cc.run((scope) => age(scope, 'agent_states', { user_id: cc.agents[1] }, 'since', 30))
    const callId = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice', ani: '+8613800138000' }))
    const offers = await cc.run((scope) => routeWaitingCalls(scope))
    assert.deepEqual(offers.map((o) => [o.callId, o.userId]), [[callId, cc.agents[1]]])
    await cc.run(async (scope) => {
      assert.equal((await stateOf(scope, cc.agents[1])).state, 'reserved')
      assert.equal((await stateOf(scope, cc.agents[0])).state, 'ready')
      assert.equal((await callRow(scope, callId)).status, 'offered')
    })
    assert.deepEqual(await cc.run((scope) => routeWaitingCalls(scope)), [], 'a second pass offers nothing more')
  })

  test('across queues, higher priority comes first, then the longest waiting call', async ({ assert }) => {
    const cc = await contactCenter(1)
    const vip = await cc.run(async (scope) => {
      const id = await createQueue(scope, { name: 'VIP', priority: 5 })
      await setQueueMembers(scope, id, cc.agents)
      return id
    })
    const older = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    await cc.run((scope) => age(scope, 'calls', { id: older }, 'queued_at', 60))
    const important = await cc.run((scope) => enqueueCall(scope, { queueId: vip, channel: 'voice' }))
    await ready(cc.org, cc.agents[0])
    const [offer] = await cc.run((scope) => routeWaitingCalls(scope))
    assert.equal(offer.callId, important)

    const cc2 = await contactCenter(1)
    const first = await cc2.run((scope) => enqueueCall(scope, { queueId: cc2.queueId, channel: 'voice' }))
    await cc2.run((scope) => age(scope, 'calls', { id: first }, 'queued_at', 10))
    await cc2.run((scope) => enqueueCall(scope, { queueId: cc2.queueId, channel: 'web' }))
    await ready(cc2.org, cc2.agents[0])
    const [next] = await cc2.run((scope) => routeWaitingCalls(scope))
    assert.equal(next.callId, first)
  })

  test('a queue that needs a skill waits for a skilled agent, and relaxes the level as the caller waits', async ({ assert }) => {
    const cc = await contactCenter(2, { relaxAfterSeconds: 30 })
    const [novice, expert] = cc.agents
    await cc.run(async (scope) => {
      const billing = await createSkill(scope, 'Billing')
      await setQueueSkills(scope, cc.queueId, [{ skillId: billing, minLevel: 5 }])
      await setAgentSkills(scope, novice, [{ skillId: billing, level: 3 }])
    })
    await ready(cc.org, novice)
    const callId = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    assert.deepEqual(await cc.run((scope) => routeWaitingCalls(scope)), [], 'level 3 is not enough for 5')
    await cc.run((scope) => age(scope, 'calls', { id: callId }, 'queued_at', 65))
    const [offer] = await cc.run((scope) => routeWaitingCalls(scope))
    assert.equal(offer.userId, novice, 'after two relaxation steps level 3 qualifies')
    assert.notEqual(offer.userId, expert)
  })

  test('most-skilled routing prefers the higher proficiency; round robin takes turns', async ({ assert }) => {
    const cc = await contactCenter(2, { strategy: 'most_skilled' })
    await cc.run(async (scope) => {
      const lang = await createSkill(scope, 'Mandarin')
      await setQueueSkills(scope, cc.queueId, [{ skillId: lang, minLevel: 1 }])
      await setAgentSkills(scope, cc.agents[0], [{ skillId: lang, level: 4 }])
      await setAgentSkills(scope, cc.agents[1], [{ skillId: lang, level: 9 }])
    })
    await ready(cc.org, cc.agents[1], cc.agents[0])
    await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    const [offer] = await cc.run((scope) => routeWaitingCalls(scope))
    assert.equal(offer.userId, cc.agents[1])

    const rr = await contactCenter(2, { strategy: 'round_robin' })
    await ready(rr.org, ...rr.agents)
    const winners: string[] = []
    for (let i = 0; i < 2; i++) {
      await rr.run((scope) => enqueueCall(scope, { queueId: rr.queueId, channel: 'voice' }))
      const [o] = await rr.run((scope) => routeWaitingCalls(scope))
      winners.push(o.userId)
      await rr.run((scope) => rejectOffer(scope, o.userId, o.id))
      await rr.run((scope) => endCall(scope, o.callId, 'test'))
    }
    assert.notEqual(winners[0], winners[1], 'the agent offered last waits for their turn')
  })

  test('no answer in time (RONA): the agent goes not ready and the call returns to the head of the queue', async ({ assert }) => {
    const cc = await contactCenter(2, { offerTimeoutSeconds: 10 })
    const [sleepy, awake] = cc.agents
    await ready(cc.org, sleepy)
    const first = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    const [offer] = await cc.run((scope) => routeWaitingCalls(scope))
    await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    await cc.run((scope) => age(scope, 'offers', { id: offer.id }, 'expires_at', 11))
    await ready(cc.org, awake)
    const tick = await cc.run((scope) => acdTick(scope))
    assert.equal(tick.expired, 1)
    assert.deepEqual(tick.offers.map((o) => [o.callId, o.userId]), [[first, awake]], 'the returned call is served before the newer one')
    await cc.run(async (scope) => {
      const state = await stateOf(scope, sleepy)
      assert.deepEqual([state.state, state.reason], ['not_ready', 'no_answer'])
      assert.equal((await callRow(scope, first)).rona_count, 1)
    })
  })

  test('a declined call goes to someone else and is not offered again to the agent who declined', async ({ assert }) => {
    const cc = await contactCenter(2)
    await ready(cc.org, cc.agents[0])
    await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    const [offer] = await cc.run((scope) => routeWaitingCalls(scope))
    await cc.run((scope) => rejectOffer(scope, cc.agents[0], offer.id))
    assert.deepEqual(await cc.run((scope) => routeWaitingCalls(scope)), [], 'the only ready agent declined it')
    await ready(cc.org, cc.agents[1])
    const [again] = await cc.run((scope) => routeWaitingCalls(scope))
    assert.equal(again.userId, cc.agents[1])
  })

  test('answer, hang up, wrap up: busy, then wrap-up, then ready when the wrap-up time is over', async ({ assert }) => {
    const cc = await contactCenter(1, { wrapUpSeconds: 15 })
    const agent = cc.agents[0]
    await ready(cc.org, agent)
    const callId = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    const [offer] = await cc.run((scope) => routeWaitingCalls(scope))
    await cc.run((scope) => acceptOffer(scope, agent, offer.id))
    await cc.run(async (scope) => {
      assert.equal((await stateOf(scope, agent)).state, 'busy')
      const call = await callRow(scope, callId)
      assert.equal(call.status, 'connected')
      assert.isNotNull(call.answered_at)
      const legs = await scope.trx.from('call_legs').where('tenant_id', scope.tenantId).where('call_id', callId).orderBy('joined_at')
      assert.deepEqual(legs.map((l) => l.role), ['customer', 'agent'])
    })
    await cc.run((scope) => endCall(scope, callId, 'agent_hangup'))
    assert.equal((await cc.run((scope) => stateOf(scope, agent))).state, 'wrap_up')
    assert.equal((await cc.run((scope) => acdTick(scope))).wrapped, 0, 'wrap-up time is not over yet')
    await cc.run((scope) => age(scope, 'agent_states', { user_id: agent }, 'since', 16))
    assert.equal((await cc.run((scope) => acdTick(scope))).wrapped, 1)
    await cc.run(async (scope) => {
      assert.equal((await stateOf(scope, agent)).state, 'ready')
      const changes = await scope.trx.from('agent_state_changes').where('tenant_id', scope.tenantId).where('user_id', agent).orderBy('changed_at').orderBy('id')
      assert.deepEqual(changes.map((c) => c.to_state), ['ready', 'reserved', 'busy', 'wrap_up', 'ready'])
      const types = (await readEvents(scope)).map((e) => e.type)
      assert.includeMembers(types, ['call.queued', 'call.offered', 'call.answered', 'call.ended', 'agent.state_changed'])
    })
  })

  test('a locked agent gets no offers and cannot change their own state', async ({ assert }) => {
    const cc = await contactCenter(1)
    await ready(cc.org, cc.agents[0])
    await cc.run((scope) => setAgentLock(scope, cc.agents[0], true))
    await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    assert.deepEqual(await cc.run((scope) => routeWaitingCalls(scope)), [])
    await assert.rejects(() => cc.run((scope) => changeAgentState(scope, cc.agents[0], { to: 'not_ready', by: 'agent' })))
    await cc.run((scope) => setAgentLock(scope, cc.agents[0], false))
    assert.lengthOf(await cc.run((scope) => routeWaitingCalls(scope)), 1)
  })

  test('a caller who hangs up while an agent is being offered the call releases that agent', async ({ assert }) => {
    const cc = await contactCenter(1)
    await ready(cc.org, cc.agents[0])
    const callId = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'web' }))
    const [offer] = await cc.run((scope) => routeWaitingCalls(scope))
    const result = await cc.run((scope) => endCall(scope, callId, 'customer_hangup'))
    assert.isTrue(result.abandoned)
    await cc.run(async (scope) => {
      assert.equal((await stateOf(scope, cc.agents[0])).state, 'ready')
      const row = await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('id', offer.id).first()
      assert.equal(row.status, 'cancelled')
      assert.equal((await callRow(scope, callId)).end_reason, 'abandoned')
    })
  })

  test('a call that waits too long overflows to the backup queue and its agents', async ({ assert }) => {
    const cc = await contactCenter(1)
    const backupAgent = (await makeUser(cc.org, ['agent'])).user.id
    const backup = await cc.run(async (scope) => {
      const id = await createQueue(scope, { name: 'Backup' })
      await setQueueMembers(scope, id, [backupAgent])
      await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', cc.queueId).update({ overflow_after_seconds: 60, overflow_queue_id: id })
      return id
    })
    await ready(cc.org, backupAgent)
    const callId = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    assert.lengthOf((await cc.run((scope) => acdTick(scope))).offers, 0)
    await cc.run((scope) => age(scope, 'calls', { id: callId }, 'queued_at', 61))
    const tick = await cc.run((scope) => acdTick(scope))
    assert.equal(tick.overflowed, 1)
    assert.deepEqual(tick.offers.map((o) => o.userId), [backupAgent])
    assert.equal((await cc.run((scope) => callRow(scope, callId))).queue_id, backup)
  })

  test('the database itself refuses a second pending offer for one agent', async ({ assert }) => {
    const cc = await contactCenter(1)
    await ready(cc.org, cc.agents[0])
    await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    const b = await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    await cc.run((scope) => routeWaitingCalls(scope))
    await assert.rejects(() =>
      cc.run((scope) =>
        scope.trx.table('offers').insert({ tenant_id: scope.tenantId, id: crypto.randomUUID(), call_id: b, user_id: cc.agents[0], expires_at: new Date(Date.now() + 10000) })
      )
    )
  })
})

test.group('ACD sweeper', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a sweep routes waiting calls of every tenant that has some', async ({ assert }) => {
    const { acdSweeper } = await import('#contact_center/acd_sweeper')
    const one = await contactCenter(1)
    const two = await contactCenter(1)
    for (const cc of [one, two]) {
      await ready(cc.org, cc.agents[0])
      await cc.run((scope) => enqueueCall(scope, { queueId: cc.queueId, channel: 'voice' }))
    }
    await acdSweeper.sweep()
    for (const cc of [one, two]) {
      assert.equal((await cc.run((scope) => stateOf(scope, cc.agents[0]))).state, 'reserved')
    }
  })
})
