import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { endCall } from '#contact_center/actions/calls'

type Org = Awaited<ReturnType<typeof makeTenant>>
type Agent = Awaited<ReturnType<typeof makeUser>>

/** A queue served by the given agents. */
async function makeQueue(client: ApiClient, org: Org, name: string, agents: Agent[]) {
  const queue = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name, serviceLevelSeconds: 30 })
  queue.assertStatus(201)
  const id: string = queue.body().data.id
  await client.put(`/api/v1/queues/${id}/members`).header('authorization', org.auth).json({ userIds: agents.map((a) => a.user.id) })
  return id
}

/** A simulated call in the queue: its id (offered at once when a member is ready). */
async function simulate(client: ApiClient, org: Org, queueId: string) {
  const call = await client.post(`/api/v1/queues/${queueId}/simulated-calls`).header('authorization', org.auth).json({ ani: '13800138000' })
  call.assertStatus(201)
  return call.body().data.id as string
}

/** The ready agent answers the call they are offered, hangs up and becomes ready again. */
async function answerAndHangUp(client: ApiClient, agent: Agent, callId: string) {
  const me = await client.get('/api/v1/agent').header('authorization', agent.auth)
  ;(await client.post(`/api/v1/agent/offers/${me.body().data.offer.id}/accept`).header('authorization', agent.auth)).assertStatus(200)
  ;(await client.post(`/api/v1/agent/calls/${callId}/hangup`).header('authorization', agent.auth)).assertStatus(200)
}

/** The stats of one queue by name. */
function statsOf(body: any, name: string) {
  return body.data.find((q: any) => q.name === name)
}

test.group('Queue statistics of today', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('answered, abandoned, waiting and service level are counted per queue for today only', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const first = await makeUser(org, ['agent'])
    const second = await makeUser(org, ['agent'])
    const sales = await makeQueue(client, org, 'Sales', [first])
    const support = await makeQueue(client, org, 'Support', [first, second])

    await client.post('/api/v1/agent/state').header('authorization', first.auth).json({ state: 'ready' })
    await answerAndHangUp(client, first, await simulate(client, org, sales))
    await client.post('/api/v1/agent/state').header('authorization', first.auth).json({ state: 'ready' })
    await answerAndHangUp(client, first, await simulate(client, org, support))
    await client.post('/api/v1/agent/state').header('authorization', first.auth).json({ state: 'not_ready', reason: 'lunch' })

    const abandoned = await simulate(client, org, support)
    await asAdmin(org, (scope) => endCall(scope, abandoned, 'customer_hangup'))
    const yesterday = await simulate(client, org, support)
    await asAdmin(org, async (scope) => {
      await endCall(scope, yesterday, 'customer_hangup')
      // Moved back in time: the call and its stay in the queue (what the live numbers count).
      await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', yesterday).update({ queued_at: scope.trx.raw(`now() - interval '2 days'`) })
      await scope.trx.from('call_queue_visits').where('tenant_id', scope.tenantId).where('call_id', yesterday).update({ queued_at: scope.trx.raw(`now() - interval '2 days'`) })
    })
    await simulate(client, org, sales)
    await client.post('/api/v1/agent/state').header('authorization', second.auth).json({ state: 'ready' })

    const stats = await client.get('/api/v1/queues/stats').header('authorization', supervisor.auth)
    stats.assertStatus(200)
    await matchesContract(stats)
    assert.deepEqual(stats.body().data.map((q: any) => q.name), ['Sales', 'Support'])
    const salesToday = statsOf(stats.body(), 'Sales')
    // The service level's T is the organisation's KPI setting (20 s by default), not the queue's own 30 s.
    assert.deepInclude(salesToday, { queueId: sales, offered: 1, answered: 1, abandoned: 0, answeredWithinThreshold: 1, serviceLevel: 1, waiting: 1, agentsReady: 0, agentsBusy: 0, serviceLevelSeconds: 20 })
    assert.isString(salesToday.oldestQueuedAt, 'the waiting call is the oldest one')
    const supportToday = statsOf(stats.body(), 'Support')
    // The abandon came at once (under 5 s): a short abandon, left out of the service level by default.
    assert.deepInclude(supportToday, { offered: 2, answered: 1, abandoned: 1, shortAbandoned: 1, answeredWithinThreshold: 1, serviceLevel: 1, waiting: 0, oldestQueuedAt: null, agentsReady: 1 })
    assert.deepInclude(stats.body().total, { offered: 3, answered: 2, abandoned: 1, waiting: 1, serviceLevelLabel: 'SL 20 s · short abandons (< 5 s) excluded' })
  })

  test('a queue without calls today has a null service level, and a user without queues.view may not read the stats', async ({ client, assert }) => {
    const org = await makeTenant()
    const nobody = await makeUser(org, [])
    const agent = await makeUser(org, ['agent'])
    await makeQueue(client, org, 'Quiet', [agent])
    const stats = await client.get('/api/v1/queues/stats').header('authorization', org.auth)
    await matchesContract(stats)
    assert.deepInclude(stats.body().data[0], { name: 'Quiet', offered: 0, serviceLevel: null, waiting: 0, memberIds: [agent.user.id] })
    ;(await client.get('/api/v1/queues/stats').header('authorization', nobody.auth)).assertStatus(403)
  })

  test('another organisation sees only its own queues and calls', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const queue = await makeQueue(client, org, 'Ours', [agent])
    await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    await answerAndHangUp(client, agent, await simulate(client, org, queue))

    const other = await makeTenant()
    await makeQueue(client, other, 'Theirs', [])
    const theirs = await client.get('/api/v1/queues/stats').header('authorization', other.auth)
    assert.deepEqual(theirs.body().data.map((q: any) => [q.name, q.offered, q.answered]), [['Theirs', 0, 0]])
    const ours = await client.get('/api/v1/queues/stats').header('authorization', org.auth)
    assert.deepEqual(ours.body().data.map((q: any) => [q.name, q.offered, q.answered]), [['Ours', 1, 1]])
  })

  test('supervisors see each agent’s teams in the agent list', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const agent = await makeUser(org, ['agent'])
    const team = await client.post('/api/v1/teams').header('authorization', org.auth).json({ name: 'Blue' })
    await client.put(`/api/v1/teams/${team.body().data.id}/members`).header('authorization', org.auth).json({ userIds: [agent.user.id] })
    const agents = await client.get('/api/v1/agents').header('authorization', supervisor.auth)
    await matchesContract(agents)
    const row = agents.body().data.find((a: any) => a.userId === agent.user.id)
    assert.deepEqual(row.teams, [{ id: team.body().data.id, name: 'Blue' }])
  })
})
