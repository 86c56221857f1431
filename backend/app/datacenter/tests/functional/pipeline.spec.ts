/**
 * The data center end to end, in this process: calls made through the backend's HTTP API (web
 * callers on the real LiveKit server, the media bot greeting and queueing them, agents answering,
 * holding, transferring, hanging up, letting an offer ring out), their events committed to the
 * outbox, published by the outbox relay to a real Kafka broker, consumed by the analytics ingestor
 * (a Kafka consumer group) into this process's chDB store, and read back through
 * GET /api/v1/datacenter/kpis.
 *
 * These tests commit for real (no global transaction): an event's time is its transaction's start
 * (`occurred_at default now()`), and inside one global transaction every event would carry the same
 * instant, so no wait or talk time could be measured. Each test uses a fresh organisation.
 */
import { test } from '@japa/runner'
import env from '#start/env'
import { makeTenant, makeUser } from '#tests/helpers'
import { inPlatform } from '#shared/scope'
import { kafkaBrokers } from '#events/relay/relay_from_env'
import { between, CallDesk, per, ratioBounds, sleep, sum, timeIn, type Bounds } from '#datacenter/tests/call_desk'
import { eventually, outboxOf, Pipeline, PrivateKafka, segmentsOf, storedEventCounts } from '#datacenter/tests/pipeline'

const brokers = kafkaBrokers()
const voice = Boolean(env.get('LIVEKIT_URL'))
if (process.env.CI === 'true' && (!brokers.length || !voice)) throw new Error('CI=true and KAFKA_BROKERS or LIVEKIT_URL is not set: the pipeline tests cannot run')
const skipWhy = !brokers.length ? 'KAFKA_BROKERS is not set' : 'LIVEKIT_URL is not set'

type Org = Awaited<ReturnType<typeof makeTenant>>

/** Callers' numbers: the first calls twice (so its first call is not resolved at first contact). */
const PHONE = ['+8613800000001', '+8613800000002', '+8613800000003', '+8613800000004']

/** T = 5 s and short abandons under 5 s: the smallest thresholds, so the real waits stay short. */
async function fiveSecondSettings(client: any, org: Org) {
  const saved = await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ serviceLevelSeconds: 5, shortAbandonSeconds: 5, serviceLevelAbandons: 'exclude_short', fcrDays: 7 })
  saved.assertStatus(200)
}

/** The KPI rows from an hour ago to an hour from now, grouped `by`. */
async function kpisOf(client: any, auth: string, by: string) {
  const response = await client.get('/api/v1/datacenter/kpis').qs({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString(), by }).header('authorization', auth)
  response.assertStatus(200)
  return response.body().data as Array<Record<string, any>>
}

/** Asserts a measured value lies within bounds (seconds). */
function assertWithin(assert: any, actual: number | null, bounds: Bounds, what: string) {
  assert.isNotNull(actual, `${what} is known`)
  assert.isTrue(actual! >= bounds.min && actual! <= bounds.max, `${what}: ${actual} is within [${bounds.min.toFixed(3)}, ${bounds.max.toFixed(3)}]`)
}

/** The counts and ratios that must be exact. */
function exact(row: Record<string, any> | undefined) {
  if (!row) return null
  const { offered, answered, abandoned, short_abandoned, abandon_rate, service_level, transfers, rona, fcr } = row
  return { offered, answered, abandoned, short_abandoned, abandon_rate, service_level, transfers, rona, fcr }
}

/** Every event of the organisation's outbox is in the analytics store exactly once, with FINAL and without. */
async function assertEachEventOnce(assert: any, org: Org) {
  const outbox = await outboxOf(org.tenant.id)
  const stored = await storedEventCounts(org.tenant.id)
  assert.sameMembers([...stored.final.keys()], outbox.map((e) => e.id), 'every event of the outbox arrived, and nothing else')
  assert.deepEqual([...stored.final].filter(([, n]) => n !== 1), [], 'once each after FINAL')
  assert.deepEqual([...stored.plain].filter(([, n]) => n !== 1), [], 'once each without FINAL: no insert was repeated')
  return outbox
}

/** The state changes the outbox holds for each agent, in order (what the test must have seen). */
async function agentStatesOf(org: Org) {
  const states = new Map<string, string[]>()
  const rows = await inPlatform((trx) => trx.from('domain_events').where('tenant_id', org.tenant.id).where('type', 'agent.state_changed').orderBy('id').select('entity_id', 'payload'))
  for (const row of rows) states.set(row.entity_id, [...(states.get(row.entity_id) ?? []), row.payload.to])
  return states
}

test.group('Data-center pipeline: backend → outbox → Kafka → ingestor → chDB → KPI API', () => {
  test('a scripted day of calls gives exactly the KPIs worked out by hand', async ({ client, assert }) => {
    const org = await makeTenant()
    const desk = new CallDesk(client, org)
    const pipeline = new Pipeline(brokers)
    try {
      await fiveSecondSettings(client, org)
      const supervisor = await makeUser(org, ['supervisor'])
      const [A, B, C] = [await desk.agent(), await desk.agent(), await desk.agent()]
      // Care: A and B, offers ring 5 s; Billing: C. Wrap-up ends when the agent says so (600 s limit).
      const care = await desk.queue({ name: 'Care', offerTimeoutSeconds: 5, wrapUpSeconds: 600 }, [A, B])
      const billing = await desk.queue({ name: 'Billing', offerTimeoutSeconds: 30, wrapUpSeconds: 600 }, [C])
      const careLine = await desk.widget(care)
      await pipeline.start()

      // c1: A answers after ~1 s (inside T), talks, holds ~1.5 s, talks, hangs up, wraps up ~1 s.
      await desk.setState(A, 'ready')
      const c1 = (await desk.webCall(careLine, PHONE[0])).callId
      const o1 = await desk.offerTo(A, c1)
      desk.saw(A, 'reserved', o1.at)
      await sleep(1000)
      const a1 = await desk.accept(A, o1.offerId)
      // Before the agent's audio is connected the media server cannot hold: a clear 409, nothing changes.
      const early = await client.post(`/api/v1/agent/calls/${c1}/hold`).header('authorization', A.auth)
      early.assertStatus(409)
      assert.equal(early.body().error.code, 'E_CONFLICT')
      await desk.joinMedia(A, c1)
      await sleep(1000)
      const h1 = await desk.verb(A, c1, 'hold')
      await sleep(1500)
      const r1 = await desk.verb(A, c1, 'retrieve')
      await sleep(1000)
      const e1 = await desk.verb(A, c1, 'hangup')
      await sleep(1000)
      const w1 = await desk.setState(A, 'ready')

      // c2: A answers after ~7 s (outside T), transfers it to Billing after ~1 s, where C (ready) answers after ~1 s.
      await desk.setState(C, 'ready')
      const c2 = (await desk.webCall(careLine, PHONE[1])).callId
      const o2 = await desk.offerTo(A, c2)
      desk.saw(A, 'reserved', o2.at)
      await sleep(7000)
      const a2 = await desk.accept(A, o2.offerId)
      await sleep(1000)
      const t2 = await desk.verb(A, c2, 'transfer', { target: 'queue', queueId: billing })
      // The transfer's request routed the call to C at once.
      desk.saw(C, 'reserved', t2)
      const o2b = await desk.offerTo(C, c2, 5000)
      await sleep(1000)
      const a2b = await desk.accept(C, o2b.offerId)
      // A ends the wrap-up not ready: the next two callers find nobody in Care.
      const w2 = await desk.setState(A, 'not_ready')
      await sleep(1000)
      const e2b = await desk.verb(C, c2, 'hangup')
      await sleep(1000)
      const w2b = await desk.setState(C, 'not_ready')

      // c3 and c4 wait in Care with nobody ready: c3 hangs up after ~1 s (a short abandon), c4 after ~7 s.
      const abandon = async (phone: string, afterMs: number) => {
        const caller = await desk.webCall(careLine, phone)
        const queued = await desk.reached(caller.callId, 'queued')
        await sleep(afterMs)
        await caller.hangUp()
        const ended = await desk.reached(caller.callId, 'ended', 20000)
        return { callId: caller.callId, waited: between(queued, ended) }
      }
      const [c3, c4] = await Promise.all([abandon(PHONE[2], 1000), abandon(PHONE[3], 7000)])

      // c5 (c1's number again): rings A, who lets it ring out; one ACD sweep after the 5 s offer
      // timeout makes A not ready (RONA) and routes the call to B, who answers ~1 s later.
      await desk.setState(A, 'ready')
      const c5 = (await desk.webCall(careLine, PHONE[0])).callId
      const o5 = await desk.offerTo(A, c5)
      desk.saw(A, 'reserved', o5.at)
      await desk.setState(B, 'ready')
      await sleep(Math.max(0, o5.at.after + 5500 - Date.now()))
      const s5 = await desk.sweep()
      desk.saw(A, 'not_ready', s5)
      desk.saw(B, 'reserved', s5)
      const o5b = await desk.offerTo(B, c5, 5000)
      await sleep(1000)
      const a5 = await desk.accept(B, o5b.offerId)
      await sleep(1000)
      const e5 = await desk.verb(B, c5, 'hangup')
      await sleep(1000)
      const w5 = await desk.setState(B, 'not_ready')

      // Everyone signs off: the intervals before are then finished facts.
      for (const agent of [A, B, C]) await desk.setState(agent, 'offline')

      await pipeline.caughtUp(org.tenant.id, 120000)

      // The test saw every state change the backend recorded (so the time bounds below are complete).
      const states = await agentStatesOf(org)
      for (const agent of [A, B, C]) assert.deepEqual(states.get(agent.user.id), desk.timelines.get(agent.user.id)!.map((s) => s.state), `${agent.user.email}'s states`)
      await assertEachEventOnce(assert, org)

      // The waits the scenario relies on really fell on their side of T = 5 s.
      const wait = { c1: between(o1.at, a1), c2: between(o2.at, a2), c2b: between(t2, a2b), c5: between(o5.at, a5) }
      assert.isBelow(wait.c1.max, 5, 'c1 answered inside T')
      assert.isAtLeast(wait.c2.min, 5, 'c2 answered after T')
      assert.isBelow(wait.c2b.max, 5, 'c2 answered inside T in Billing')
      assert.isAtLeast(wait.c5.min, 5, 'c5 answered after T')
      assert.isBelow(c3.waited.max, 5, 'c3 abandoned inside 5 s')
      assert.isAtLeast(c4.waited.min, 5, 'c4 abandoned after 5 s')

      // The facts: six segments (c2 is two: transferred in Care, answered in Billing).
      const segments = await segmentsOf(org.tenant.id)
      const byCall = (id: string) => segments.filter((s) => s.call_id === id).map((s) => [s.segment_no, s.queue_id, s.agent_id, s.outcome])
      assert.lengthOf(segments, 6)
      assert.deepEqual(byCall(c1), [[1, care, A.user.id, 'answered']])
      assert.deepEqual(byCall(c2), [[1, care, A.user.id, 'transferred'], [2, billing, C.user.id, 'answered']])
      assert.deepEqual(byCall(c3.callId), [[1, care, null, 'abandoned']])
      assert.deepEqual(byCall(c4.callId), [[1, care, null, 'abandoned']])
      assert.deepEqual(byCall(c5), [[1, care, B.user.id, 'answered']])
      assert.deepEqual(segments.filter((s) => s.call_id === c5).map((s) => [s.rona, s.rona_agents]), [[1, [A.user.id]]], 'the RONA names A, who let c5 ring')
      assert.deepEqual(segments.filter((s) => s.call_id === c1).map((s) => s.holds), [1])

      // Worked by hand.
      // offered 6: c1, c2, c3, c4, c5 enter Care, and c2 enters Billing after the transfer.
      // answered 4: c1 (A), c2 in Care (A), c2 in Billing (C), c5 (B). abandoned 2 (c3, c4), short 1 (c3).
      // abandon rate (2 − 1) ÷ (6 − 1) = 1/5.
      // service level: inside 5 s are c1 and c2 in Billing; ÷ (answered 4 + long abandons 1) = 2/5.
      // transfers 1 (c2 in Care), RONA 1 (c5). FCR: first segments answered with a number: c1 (its
      // number called again as c5: not resolved), c2 and c5 (resolved) = 2/3.
      const [total] = await kpisOf(client, supervisor.auth, 'total')
      assert.deepEqual(exact(total), { offered: 6, answered: 4, abandoned: 2, short_abandoned: 1, abandon_rate: 1 / 5, service_level: 2 / 5, transfers: 1, rona: 1, fcr: 2 / 3 })

      // Times, bounded by the stamps: ASA = the four answered waits ÷ 4; talk excludes hold;
      // wrap-up runs from the hang-up (or transfer) to the agent's next state.
      const hold = between(h1, r1)
      const talk1whole = between(a1, e1)
      const talks = [{ min: talk1whole.min - hold.max, max: talk1whole.max - hold.min }, between(a2, t2), between(a2b, e2b), between(a5, e5)]
      const wraps = [between(e1, w1), between(t2, w2), between(e2b, w2b), between(e5, w5)]
      assertWithin(assert, total.asa, per(sum(wait.c1, wait.c2, wait.c2b, wait.c5), 4), 'ASA')
      assertWithin(assert, total.avg_talk, per(sum(...talks), 4), 'average talk')
      assertWithin(assert, total.avg_hold, per(hold, 4), 'average hold')
      assertWithin(assert, total.avg_wrap, per(sum(...wraps), 4), 'average wrap-up')
      assertWithin(assert, total.aht, per(sum(...talks, hold, ...wraps), 4), 'AHT')

      // Occupancy = (busy + wrap-up) ÷ (busy + wrap-up + reserved + ready); utilization ÷ all signed-in time.
      const time = (timelines: ReturnType<typeof desk.timelines.get>[]) => {
        const of = (states: string[]) => sum(...timelines.map((t) => timeIn(t!, states)))
        return { handling: of(['busy', 'wrap_up']), available: of(['reserved', 'ready']), signedIn: of(['reserved', 'ready', 'not_ready']) }
      }
      const everyone = time([...desk.timelines.values()])
      assertWithin(assert, total.occupancy, ratioBounds(everyone.handling, everyone.available), 'occupancy')
      assertWithin(assert, total.utilization, ratioBounds(everyone.handling, everyone.signedIn), 'utilization')

      // By queue: Care has c1, c2 (transferred), c3, c4, c5; Billing has c2's second segment.
      // Care SL: c1 ÷ (3 answered + 1 long abandon) = 1/4; abandon rate (2 − 1) ÷ (5 − 1) = 1/4.
      const byQueue = new Map((await kpisOf(client, supervisor.auth, 'queue')).map((r) => [r.key, r]))
      assert.deepEqual(exact(byQueue.get(care)), { offered: 5, answered: 3, abandoned: 2, short_abandoned: 1, abandon_rate: 1 / 4, service_level: 1 / 4, transfers: 1, rona: 1, fcr: 2 / 3 })
      assert.deepEqual(exact(byQueue.get(billing)), { offered: 1, answered: 1, abandoned: 0, short_abandoned: 0, abandon_rate: 0, service_level: 1, transfers: 0, rona: 0, fcr: null })
      assertWithin(assert, byQueue.get(care)!.asa, per(sum(wait.c1, wait.c2, wait.c5), 3), 'ASA in Care')
      assertWithin(assert, byQueue.get(billing)!.asa, wait.c2b, 'ASA in Billing')
      assert.isNull(byQueue.get(care)!.occupancy, 'agent states have no queue')

      // By agent: A answered c1 (inside T) and c2 (outside, transferred) and let c5 ring out (the RONA is
      // A's); B answered c5 after that; C answered c2 in Billing.
      // The abandoned calls have no agent (the zero id): SL 0 ÷ (0 + 1 long abandon).
      const byAgent = new Map((await kpisOf(client, supervisor.auth, 'agent')).map((r) => [r.key, r]))
      assert.deepEqual(exact(byAgent.get(A.user.id)), { offered: 2, answered: 2, abandoned: 0, short_abandoned: 0, abandon_rate: 0, service_level: 1 / 2, transfers: 1, rona: 1, fcr: 1 / 2 })
      assert.deepEqual(exact(byAgent.get(B.user.id)), { offered: 1, answered: 1, abandoned: 0, short_abandoned: 0, abandon_rate: 0, service_level: 0, transfers: 0, rona: 0, fcr: 1 })
      assert.deepEqual(exact(byAgent.get(C.user.id)), { offered: 1, answered: 1, abandoned: 0, short_abandoned: 0, abandon_rate: 0, service_level: 1, transfers: 0, rona: 0, fcr: null })
      assert.deepEqual(exact(byAgent.get('00000000-0000-0000-0000-000000000000')), { offered: 2, answered: 0, abandoned: 2, short_abandoned: 1, abandon_rate: 1, service_level: 0, transfers: 0, rona: 0, fcr: null })
      assertWithin(assert, byAgent.get(A.user.id)!.aht, per(sum(talks[0], hold, talks[1], wraps[0], wraps[1]), 2), "A's AHT")
      assertWithin(assert, byAgent.get(C.user.id)!.aht, sum(talks[2], wraps[2]), "C's AHT")
      for (const [agent, name] of [[A, 'A'], [B, 'B'], [C, 'C']] as const) {
        const mine = time([desk.timelines.get(agent.user.id)])
        assertWithin(assert, byAgent.get(agent.user.id)!.occupancy, ratioBounds(mine.handling, mine.available), `${name}'s occupancy`)
        assertWithin(assert, byAgent.get(agent.user.id)!.utilization, ratioBounds(mine.handling, mine.signedIn), `${name}'s utilization`)
      }

      // Another organisation sees none of it.
      const other = await makeTenant()
      assert.deepEqual(await kpisOf(client, other.auth, 'total'), [])
    } finally {
      await pipeline.stop()
      await desk.close()
    }
  })
    .skip(!brokers.length || !voice, skipWhy)
    .timeout(300000)

  test('Kafka stopped while calls happen, then started again on its data: every event arrives exactly once', async ({ client, assert }) => {
    const kafka = new PrivateKafka()
    const org = await makeTenant()
    const desk = new CallDesk(client, org)
    let pipeline: Pipeline | null = null
    try {
      const why = await kafka.start()
      if (why) throw new Error(`the private Kafka broker did not start: ${why}`)
      pipeline = new Pipeline(kafka.brokers)
      await fiveSecondSettings(client, org)
      const supervisor = await makeUser(org, ['supervisor'])
      const A = await desk.agent()
      const care = await desk.queue({ name: 'Care', offerTimeoutSeconds: 30, wrapUpSeconds: 600 }, [A])
      const careLine = await desk.widget(care)
      await pipeline.start()

      /** A call A answers after ~1 s and hangs up after ~1 s; A then leaves wrap-up in `next`. */
      const answered = async (phone: string, next: 'ready' | 'not_ready') => {
        const callId = (await desk.webCall(careLine, phone)).callId
        const offer = await desk.offerTo(A, callId)
        desk.saw(A, 'reserved', offer.at)
        await sleep(1000)
        const accepted = await desk.accept(A, offer.offerId)
        await sleep(1000)
        await desk.verb(A, callId, 'hangup')
        await sleep(500)
        await desk.setState(A, next)
        return { callId, wait: between(offer.at, accepted) }
      }

      // Before the outage the pipeline flows.
      await desk.setState(A, 'ready')
      const before = await answered(PHONE[0], 'ready')
      await pipeline.caughtUp(org.tenant.id, 90000)
      const published = new Set((await outboxOf(org.tenant.id)).map((e) => e.id))

      // The broker process stops; calls go on (one answered, one abandoned after ~1 s).
      await kafka.stop()
      const during = await answered(PHONE[1], 'not_ready')
      const caller = await desk.webCall(careLine, PHONE[2])
      await desk.reached(caller.callId, 'queued')
      await sleep(1000)
      await caller.hangUp()
      await desk.reached(caller.callId, 'ended', 20000)
      await desk.setState(A, 'offline')
      await eventually(30000, 'the relay tried and failed', async () => pipeline!.relay.failures > 0)
      const waiting = (await outboxOf(org.tenant.id)).filter((e) => !published.has(e.id))
      assert.isAbove(waiting.length, 10, 'the outage calls wrote their events')
      assert.isTrue(waiting.every((e) => !e.published), 'the outbox keeps them while Kafka is down')

      // The same broker starts again on the same data folder and ports.
      const again = await kafka.start()
      if (again) throw new Error(`the private Kafka broker did not start again: ${again}`)
      await pipeline.caughtUp(org.tenant.id, 150000)

      assert.isTrue(during.wait.max < 5 && before.wait.max < 5, 'both calls answered inside T')
      const outbox = await assertEachEventOnce(assert, org)
      assert.includeMembers(outbox.map((e) => e.id), waiting.map((e) => e.id))
      const segments = await segmentsOf(org.tenant.id)
      assert.deepEqual(
        segments.map((s) => [s.call_id, s.segment_no, s.outcome]),
        [[before.callId, 1, 'answered'], [during.callId, 1, 'answered'], [caller.callId, 1, 'abandoned']]
      )

      // offered 3, answered 2 (both inside T), abandoned 1 (short): SL 2 ÷ (2 + 0) = 1,
      // abandon rate (1 − 1) ÷ (3 − 1) = 0; the two answered numbers never called again: FCR 1.
      const [total] = await kpisOf(client, supervisor.auth, 'total')
      assert.deepEqual(exact(total), { offered: 3, answered: 2, abandoned: 1, short_abandoned: 1, abandon_rate: 0, service_level: 1, transfers: 0, rona: 0, fcr: 1 })
      assertWithin(assert, total.asa, per(sum(before.wait, during.wait), 2), 'ASA')
    } finally {
      await pipeline?.stop()
      await desk.close()
      await kafka.destroy()
    }
  })
    .skip(!brokers.length || !voice, skipWhy)
    .timeout(360000)
})

