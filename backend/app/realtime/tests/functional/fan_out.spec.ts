import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { Redis } from 'ioredis'
import env from '#start/env'
import { newId } from '#shared/ids'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { createQueue, setQueueMembers } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'
import type { DomainEventEnvelope } from '#events/outbox'
import { InProcessBus, type RealtimeBus } from '#realtime/bus'
import { RedisBus } from '#realtime/redis_bus'
import { RealtimeGateway, realtimeGateway } from '#realtime/gateway'
import { connect, type Message } from '#realtime/tests/support/ws_client'

const redisUrl = env.get('REDIS_URL')
if (!redisUrl && process.env.CI === 'true') throw new Error('CI=true and REDIS_URL is not set: redis-server did not start')

/** Another backend process's gateway: its own bus (its own Redis connections) on its own HTTP server. */
async function otherProcess(bus: RealtimeBus, relayCommittedEvents = false) {
  const server = http.createServer((_request, response) => response.writeHead(404).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const gateway = new RealtimeGateway(bus)
  gateway.attach(server, { relayCommittedEvents })
  return {
    gateway,
    port: (server.address() as AddressInfo).port,
    async close() {
      await gateway.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** An agent in a queue with one call waiting: going ready produces an offer. */
async function agentWithWaitingCall() {
  const org = await makeTenant()
  const agent = await makeUser(org, ['agent'])
  await asAdmin(org, async (scope) => {
    const queueId = await createQueue(scope, { name: 'Fan-out' })
    await setQueueMembers(scope, queueId, [agent.user.id])
    await enqueueCall(scope, { queueId, channel: 'web', ani: '+8613800138000' })
  })
  return { org, agent, channel: `tenant/${org.tenant.id}/agent/${agent.user.id}` }
}

/** A state change of the agent as the committing process would publish it. */
function stateChanged(tenantId: string, agentId: string, to: string): DomainEventEnvelope {
  return {
    id: newId(),
    tenantId,
    type: 'agent.state_changed',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    actor: { type: 'system', id: null },
    entity: { type: 'agent', id: agentId },
    payload: { to },
  }
}

const deltas = (messages: Message[], channel: string) => messages.filter((m) => m.type === 'event' && m.channel === channel).map((m) => ({ id: m.event.id, seq: m.seq }))

test.group('Realtime fan-out through Redis', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an event committed in one process reaches a client of another with the same sequence number', async ({ client, assert, cleanup }) => {
    assert.equal(realtimeGateway.fanOut, 'redis')
    const other = await otherProcess(new RedisBus(redisUrl!, { name: 'test-other' }))
    cleanup(() => other.close())
    const { agent, org, channel } = await agentWithWaitingCall()
    const here = await connect(agent.token)
    const there = await connect(agent.token, other.port)
    cleanup(here.close)
    cleanup(there.close)
    here.send({ type: 'subscribe', channel })
    there.send({ type: 'subscribe', channel })
    const [snapHere, snapThere] = [await here.next((m) => m.type === 'snapshot'), await there.next((m) => m.type === 'snapshot')]
    assert.equal(snapHere.seq, snapThere.seq)

    await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    await there.next((m) => m.type === 'event' && m.event.type === 'call.offered')
    await here.next((m) => m.type === 'event' && m.event.type === 'call.offered')

    const published = stateChanged(org.tenant.id, agent.user.id, 'not_ready')
    await other.gateway.publish(published)
    await here.next((m) => m.type === 'event' && m.event.id === published.id)
    await there.next((m) => m.type === 'event' && m.event.id === published.id)

    const seen = deltas(there.messages, channel)
    assert.deepEqual(deltas(here.messages, channel), seen, 'both processes deliver the same events with the same numbers')
    assert.deepEqual(seen.map((d) => d.seq), seen.map((_, i) => snapThere.seq! + 1 + i), 'numbers follow the snapshot without a gap')
    assert.equal(seen.at(-1)!.id, published.id)
  }).skip(!redisUrl, 'REDIS_URL is not set')

  test('two processes publishing at once: every client sees the same gap-free order', async ({ assert, cleanup }) => {
    const other = await otherProcess(new RedisBus(redisUrl!, { name: 'test-race' }))
    cleanup(() => other.close())
    const { agent, org, channel } = await agentWithWaitingCall()
    const here = await connect(agent.token)
    const there = await connect(agent.token, other.port)
    cleanup(here.close)
    cleanup(there.close)
    here.send({ type: 'subscribe', channel })
    there.send({ type: 'subscribe', channel })
    const start = (await here.next((m) => m.type === 'snapshot')).seq!
    await there.next((m) => m.type === 'snapshot')

    const events = Array.from({ length: 40 }, (_, i) => stateChanged(org.tenant.id, agent.user.id, i % 2 ? 'ready' : 'not_ready'))
    await Promise.all(events.map((event, i) => (i % 2 ? other.gateway : realtimeGateway).publish(event)))
    await here.next((m) => m.type === 'event', 5000, events.length)
    await there.next((m) => m.type === 'event', 5000, events.length)

    const seen = deltas(here.messages, channel)
    assert.deepEqual(seen.map((d) => d.seq), events.map((_, i) => start + 1 + i))
    assert.deepEqual(deltas(there.messages, channel), seen)
    assert.sameMembers(seen.map((d) => d.id), events.map((e) => e.id))
  }).skip(!redisUrl, 'REDIS_URL is not set')

  test("another tenant's client on the other process hears nothing of this tenant", async ({ assert, cleanup }) => {
    const other = await otherProcess(new RedisBus(redisUrl!, { name: 'test-tenants' }))
    cleanup(() => other.close())
    const { agent, org, channel } = await agentWithWaitingCall()
    const stranger = await makeTenant()
    const snoop = await connect(stranger.token, other.port)
    const own = await connect(agent.token, other.port)
    cleanup(snoop.close)
    cleanup(own.close)
    snoop.send({ type: 'subscribe', channel })
    assert.equal((await snoop.next((m) => m.type === 'error')).code, 'E_NOT_FOUND')
    snoop.send({ type: 'subscribe', channel: `tenant/${stranger.tenant.id}/wallboard` })
    await snoop.next((m) => m.type === 'snapshot')
    own.send({ type: 'subscribe', channel })
    await own.next((m) => m.type === 'snapshot')

    const published = stateChanged(org.tenant.id, agent.user.id, 'ready')
    await realtimeGateway.publish(published)
    await own.next((m) => m.type === 'event' && m.event.id === published.id)
    assert.isFalse(snoop.messages.some((m) => m.type === 'event'), 'no event of another tenant')
  }).skip(!redisUrl, 'REDIS_URL is not set')

  test('when the Redis connection drops, subscribers get a fresh snapshot', async ({ assert, cleanup }) => {
    const other = await otherProcess(new RedisBus(redisUrl!, { name: 'test-drop' }))
    const admin = new Redis(redisUrl!)
    cleanup(() => other.close())
    cleanup(async () => void (await admin.quit()))
    const { agent, channel } = await agentWithWaitingCall()
    const ws = await connect(agent.token, other.port)
    cleanup(ws.close)
    ws.send({ type: 'subscribe', channel })
    await ws.next((m) => m.type === 'snapshot')

    const clients = String(await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub'))
    const id = /id=(\d+) .*name=test-drop-sub /.exec(clients)?.[1]
    assert.exists(id, 'the other process listens on its own connection')
    await admin.call('CLIENT', 'KILL', 'ID', id!)
    const fresh = await ws.next((m) => m.type === 'snapshot', 10000, 2)
    assert.equal(fresh.channel, channel)
  }).skip(!redisUrl, 'REDIS_URL is not set')
})

test.group('Realtime fan-out: one message on many channels', () => {
  test('a message for a whole team goes out in few Redis calls, each channel numbered on its own', async ({ assert, cleanup }) => {
    const bus = new RedisBus(redisUrl!, { name: 'test-many', prefix: `test-many-${newId()}:` })
    const got: Array<{ channel: string; seq: number; event: string }> = []
    await bus.subscribe({ message: (m) => got.push(m), resync: () => {} })
    cleanup(() => bus.close())
    const channels = Array.from({ length: 1201 }, (_, i) => `tenant/${newId()}/user/${i}`)
    assert.equal(await bus.publish(channels[0], '{"n":0}'), 1)
    // More channels than one script call takes (500): the chunks keep the order of the list.
    const seqs = await bus.publishMany(channels, '{"n":1}')
    assert.deepEqual(seqs, [2, ...Array(1200).fill(1)])
    const deadline = Date.now() + 5000
    while (got.length < 1202 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    assert.lengthOf(got, 1202)
    assert.deepEqual(got.slice(0, 3).map((m) => [m.channel, m.seq, m.event]), [[channels[0], 1, '{"n":0}'], [channels[0], 2, '{"n":1}'], [channels[1], 1, '{"n":1}']])
    assert.deepEqual(await Promise.all([bus.current(channels[0]), bus.current(channels[1200])]), [2, 1])
  }).skip(!redisUrl, 'REDIS_URL is not set')
})

test.group('Realtime fan-out in-process', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('without Redis one process numbers and delivers the events it commits', async ({ client, assert, cleanup }) => {
    const alone = await otherProcess(new InProcessBus(), true)
    cleanup(() => alone.close())
    assert.equal(alone.gateway.fanOut, 'in-process')
    const { agent, channel } = await agentWithWaitingCall()
    const ws = await connect(agent.token, alone.port)
    cleanup(ws.close)
    ws.send({ type: 'subscribe', channel })
    assert.equal((await ws.next((m) => m.type === 'snapshot')).seq, 0)

    await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'ready' })
    await ws.next((m) => m.type === 'event' && m.event.type === 'call.offered')
    const seqs = deltas(ws.messages, channel).map((d) => d.seq)
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1))
  })
})
