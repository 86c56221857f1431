import net from 'node:net'
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import env from '#start/env'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant } from '#tests/helpers'
import { inPlatform } from '#shared/scope'
import { recordEvents, type DomainEventInput } from '#events/outbox'
import { EVENT_TOPICS, partitionKeyOf, topicOf } from '#events/topics'
import { OutboxRelay } from '#events/relay/outbox_relay'
import { KafkaEventPublisher } from '#events/relay/kafka_publisher'
import { InProcessEventPublisher, subscribeToPublishedEvents } from '#events/relay/in_process_publisher'
import type { PublishedRecord } from '#events/relay/event_publisher'
import { kafkaBrokers } from '#events/relay/relay_from_env'
import { readTenantRecords, type ReadRecord } from '#events/tests/kafka_reader'
import { FaultProxy } from '#events/tests/fault_proxy'

const brokers = kafkaBrokers()
const configured = brokers.length > 0
if (!configured && process.env.CI === 'true') throw new Error('CI=true and KAFKA_BROKERS is not set: Kafka did not start')
// scripts/test.mjs gives the broker a listener advertised at a port the tests proxy (see FaultProxy).
const faultListener = process.env.KAFKA_FAULT_LISTENER
const faultProxyPort = Number(process.env.KAFKA_FAULT_PROXY_PORT ?? 0)
if (configured && !faultListener && process.env.CI === 'true') throw new Error('CI=true and KAFKA_FAULT_LISTENER is not set: the outage test cannot run')

type Org = Awaited<ReturnType<typeof makeTenant>>

/** Calls, an agent and a customer of one tenant, each with events in a known order. */
function callCenterDay(ids: { callA: string; callB: string; agent: string; customer: string }): DomainEventInput[] {
  const e = (type: string, entityType: string, entityId: string, step: number): DomainEventInput => ({ type, entityType, entityId, payload: { step } })
  return [
    e('call.offered', 'call', ids.callA, 1),
    e('agent.state_changed', 'agent', ids.agent, 1),
    e('call.offered', 'call', ids.callB, 1),
    e('call.answered', 'call', ids.callA, 2),
    e('customer.created', 'customer', ids.customer, 1),
    e('call.abandoned', 'call', ids.callB, 2),
    e('agent.state_changed', 'agent', ids.agent, 2),
    e('call.ended', 'call', ids.callA, 3),
    e('customer.updated', 'customer', ids.customer, 2),
  ]
}

function newIds() {
  return { callA: randomUUID(), callB: randomUUID(), agent: randomUUID(), customer: randomUUID() }
}

/** Runs passes until the outbox is empty; returns how many events went out. */
async function drain(relay: OutboxRelay) {
  let total = 0
  for (let i = 0; i < 50; i++) {
    const pass = await relay.runOnce()
    if (pass.error) throw pass.error
    if (pass.published === 0) return total
    total += pass.published
  }
  throw new Error('the outbox did not drain')
}

/** The tenant's events: [id, published] in id order. */
async function outboxOf(org: Org) {
  return asAdmin(org, async (scope) => {
    const rows = await scope.trx.from('domain_events').where('tenant_id', scope.tenantId).orderBy('id').select('id', 'type', 'entity_id', 'published_at')
    return rows.map((r) => ({ id: r.id as string, type: r.type as string, entityId: r.entity_id as string, published: r.published_at !== null }))
  })
}

/** The event ids of each entity, in the order given. */
function byEntity(records: { event: { entity: { id: string }; id: string } }[]) {
  const order: Record<string, string[]> = {}
  for (const { event } of records) (order[event.entity.id] ??= []).push(event.id)
  return order
}

/** A loopback port nothing listens on. */
async function closedPort() {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

test.group('Outbox relay to Kafka', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('recorded events reach their topics keyed tenant:entity, in order per entity, and are marked published', async ({ assert }) => {
    const org = await makeTenant()
    const ids = newIds()
    await asAdmin(org, (scope) => recordEvents(scope, callCenterDay(ids)))
    const relay = new OutboxRelay(new KafkaEventPublisher({ brokers }))
    try {
      assert.isAtLeast(await drain(relay), 9)
    } finally {
      await relay.stop()
    }
    const outbox = await outboxOf(org)
    assert.isTrue(outbox.every((row) => row.published), 'every row is marked published')

    const records = await readTenantRecords(brokers, { topics: EVENT_TOPICS, tenantId: org.tenant.id, expected: outbox.length, groupId: `relay-${randomUUID()}` })
    assert.sameMembers(records.map((r) => r.event.id), outbox.map((row) => row.id), 'each event once')
    for (const record of records) {
      assert.equal(record.topic, topicOf(record.event.type))
      assert.equal(record.key, `${org.tenant.id}:${record.event.entity.id}`)
      assert.equal(record.headers['event-type'], record.event.type)
      assert.equal(record.headers['tenant-id'], org.tenant.id)
    }
    const answered = records.find((r) => r.event.type === 'call.answered')!
    assert.deepInclude(answered.event, { tenantId: org.tenant.id, type: 'call.answered', schemaVersion: 1, entity: { type: 'call', id: ids.callA }, payload: { step: 2 } })
    assert.deepEqual(answered.event.actor, { type: 'user', id: org.user.id })
    assert.isString(answered.event.occurredAt)
    assert.deepEqual(
      records.filter((r) => r.event.entity.id === ids.callA).map((r) => r.event.type),
      ['call.offered', 'call.answered', 'call.ended']
    )
    assert.equal(new Set(records.filter((r) => r.event.entity.id === ids.callA).map((r) => r.partition)).size, 1, "one entity's events share a partition")
    assert.deepEqual(byEntity(records), byEntity(outbox.map((row) => ({ event: { id: row.id, entity: { id: row.entityId } } }))), 'per-entity order is id order')
    assert.deepEqual([...new Set(records.filter((r) => r.event.entity.type === 'customer').map((r) => r.topic))], ['crm.customers'])
    assert.deepEqual([...new Set(records.filter((r) => r.event.entity.type === 'agent').map((r) => r.topic))], ['cc.agents'])
  }).skip(!configured, 'KAFKA_BROKERS is not set').timeout(90000)

  test("another tenant's events are keyed by that tenant and never by this one", async ({ assert }) => {
    const [a, b] = [await makeTenant(), await makeTenant()]
    await asAdmin(a, (scope) => recordEvents(scope, callCenterDay(newIds())))
    await asAdmin(b, (scope) => recordEvents(scope, callCenterDay(newIds())))
    const relay = new OutboxRelay(new KafkaEventPublisher({ brokers }))
    try {
      await drain(relay)
    } finally {
      await relay.stop()
    }
    const [outboxA, outboxB] = [await outboxOf(a), await outboxOf(b)]
    const recordsA = await readTenantRecords(brokers, { topics: EVENT_TOPICS, tenantId: a.tenant.id, expected: outboxA.length, groupId: `relay-${randomUUID()}` })
    assert.sameMembers(recordsA.map((r) => r.event.id), outboxA.map((row) => row.id))
    assert.isTrue(recordsA.every((r) => r.event.tenantId === a.tenant.id))
    const idsOfB = new Set(outboxB.map((row) => row.id))
    assert.isFalse(recordsA.some((r) => idsOfB.has(r.event.id)), "B's events never carry A's key")
  }).skip(!configured, 'KAFKA_BROKERS is not set').timeout(90000)

  test('with Kafka unreachable nothing is marked; when it is back every event arrives exactly once', async ({ assert }) => {
    const org = await makeTenant()
    const ids = newIds()
    const [day1, day2] = [callCenterDay(ids), callCenterDay(ids).map((e) => ({ ...e, type: `${e.type}_again` }))]
    await asAdmin(org, (scope) => recordEvents(scope, day1))

    // A relay whose broker is a closed port publishes nothing and marks nothing.
    const nowhere = new OutboxRelay(new KafkaEventPublisher({ brokers: [`127.0.0.1:${await closedPort()}`], connectionTimeoutMs: 500 }))
    const refused = await nowhere.runOnce()
    await nowhere.stop()
    assert.exists(refused.error)
    assert.equal(refused.published, 0)
    assert.isTrue((await outboxOf(org)).every((row) => !row.published))

    // The same producer through a proxy: up, then down, then writing without acknowledging, then up.
    const [host, port] = faultListener!.split(':')
    const proxy = new FaultProxy(faultProxyPort, { host, port: Number(port) })
    await proxy.up()
    const relay = new OutboxRelay(new KafkaEventPublisher({ brokers: [`127.0.0.1:${faultProxyPort}`], connectionTimeoutMs: 500, requestTimeoutMs: 1500 }))
    try {
      await drain(relay)
      await asAdmin(org, (scope) => recordEvents(scope, day2))

      await proxy.down()
      const down = await relay.runOnce()
      assert.exists(down.error, 'Kafka down: the pass fails')
      assert.lengthOf((await outboxOf(org)).filter((row) => !row.published), day2.length, 'nothing of the second batch is marked')

      await proxy.loseProduceAcks()
      const unacknowledged = await relay.runOnce()
      assert.exists(unacknowledged.error, 'no acknowledgement: the pass fails')
      assert.isAbove(proxy.droppedAcks, 0, 'the broker received the batch but its answer was lost')
      assert.lengthOf((await outboxOf(org)).filter((row) => !row.published), day2.length, 'an unacknowledged batch is not marked')

      await proxy.up()
      await drain(relay)
    } finally {
      await relay.stop()
      await proxy.down()
    }
    const outbox = await outboxOf(org)
    assert.isTrue(outbox.every((row) => row.published))
    const records = await readTenantRecords(brokers, { topics: EVENT_TOPICS, tenantId: org.tenant.id, expected: outbox.length, groupId: `relay-${randomUUID()}`, settleMs: 2500 })
    const counts = new Map<string, number>()
    for (const r of records) counts.set(r.event.id, (counts.get(r.event.id) ?? 0) + 1)
    assert.deepEqual([...counts].filter(([, n]) => n > 1), [], 'no event is written twice: the idempotent producer dropped the resent batch')
    assert.sameMembers([...counts.keys()], outbox.map((row) => row.id), 'every event arrived')
    assert.deepEqual(byEntity(records), byEntity(outbox.map((row) => ({ event: { id: row.id, entity: { id: row.entityId } } }))), 'per-entity order survives the outage')
  })
    .skip(!configured || !faultListener, 'KAFKA_BROKERS or KAFKA_FAULT_LISTENER is not set')
    .timeout(120000)

  test('a consumer group resumes after its committed offsets', async ({ assert }) => {
    const org = await makeTenant()
    const relay = new OutboxRelay(new KafkaEventPublisher({ brokers }))
    const groupId = `relay-${randomUUID()}`
    try {
      await asAdmin(org, (scope) => recordEvents(scope, callCenterDay(newIds())))
      await drain(relay)
      const first = await readTenantRecords(brokers, { topics: EVENT_TOPICS, tenantId: org.tenant.id, expected: (await outboxOf(org)).length, groupId, settleMs: 500 })
      const later = callCenterDay(newIds())
      await asAdmin(org, (scope) => recordEvents(scope, later))
      await drain(relay)
      const second = await readTenantRecords(brokers, { topics: EVENT_TOPICS, tenantId: org.tenant.id, expected: later.length, groupId, settleMs: 1000 })
      assert.lengthOf(second, later.length, 'only the new events')
      const seen = new Set(first.map((r: ReadRecord) => r.event.id))
      assert.isFalse(second.some((r) => seen.has(r.event.id)))
    } finally {
      await relay.stop()
    }
  }).skip(!configured, 'KAFKA_BROKERS is not set').timeout(90000)
})

test.group('Outbox relay to the in-process bus', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('subscribers get each event with its topic and key, and the rows are marked', async ({ assert }) => {
    const org = await makeTenant()
    const received: PublishedRecord[] = []
    const unsubscribe = subscribeToPublishedEvents((records) => void received.push(...records))
    try {
      await asAdmin(org, (scope) => recordEvents(scope, callCenterDay(newIds())))
      await drain(new OutboxRelay(new InProcessEventPublisher()))
    } finally {
      unsubscribe()
    }
    const outbox = await outboxOf(org)
    assert.isTrue(outbox.every((row) => row.published))
    const mine = received.filter((r) => r.event.tenantId === org.tenant.id)
    assert.deepEqual(mine.map((r) => r.event.id), outbox.map((row) => row.id), 'in id order, each once')
    for (const r of mine) {
      assert.equal(r.topic, topicOf(r.event.type))
      assert.equal(r.key, partitionKeyOf(r.event))
    }
  })

  test("while another process's relay holds the outbox a pass publishes nothing, and runs once it is free", async ({ assert }) => {
    const org = await makeTenant()
    await asAdmin(org, (scope) => recordEvents(scope, callCenterDay(newIds())))
    const relay = new OutboxRelay(new InProcessEventPublisher())
    const other = new pg.Client({ connectionString: env.get('DB_APP_URL') })
    await other.connect()
    try {
      await other.query(`select pg_advisory_lock(hashtextextended('outbox-relay', 0))`)
      assert.deepEqual(await relay.runOnce(), { published: 0, busy: true })
      assert.isTrue((await outboxOf(org)).every((row) => !row.published))
      await other.query(`select pg_advisory_unlock(hashtextextended('outbox-relay', 0))`)
      assert.isAbove((await relay.runOnce()).published, 0)
    } finally {
      await other.end()
    }
  })

  test('a failing subscriber leaves the batch unmarked, and the same batch comes again', async ({ assert }) => {
    const org = await makeTenant()
    await asAdmin(org, (scope) => recordEvents(scope, callCenterDay(newIds())))
    const batches: string[][] = []
    let fail = true
    const unsubscribe = subscribeToPublishedEvents((records) => {
      batches.push(records.map((r) => r.event.id))
      if (fail) throw new Error('the analytics store is down')
    })
    const relay = new OutboxRelay(new InProcessEventPublisher(), { batchSize: 4 })
    try {
      const failed = await relay.runOnce()
      assert.equal(failed.error?.message, 'the analytics store is down')
      assert.isTrue((await inPlatform((trx) => trx.from('domain_events').whereIn('id', batches[0]).whereNotNull('published_at'))).length === 0)
      fail = false
      const retried = await relay.runOnce()
      assert.equal(retried.published, 4)
      assert.deepEqual(batches[1], batches[0], 'the very same batch')
      await drain(relay)
    } finally {
      unsubscribe()
    }
    assert.isTrue((await outboxOf(org)).every((row) => row.published))
  })
})
