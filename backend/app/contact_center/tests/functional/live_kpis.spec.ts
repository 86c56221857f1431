import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { newId } from '#shared/ids'

type Org = Awaited<ReturnType<typeof makeTenant>>

/** One call of today, its times in seconds after `base`; `null` where it never happened. */
interface CallTimes {
  queued: number
  answered?: number
  ended?: number
  endReason?: string
  heldSeconds?: number
  /** A hold still running when the call ended: seconds after `base`. */
  holdStarted?: number
  /** The agent's wrap-up after this call: seconds it lasted, or 'running'. */
  wrap?: number | 'running'
}

/** Writes the calls of one queue and the agent's wrap-ups straight into the tables, at exact times. */
async function seedCalls(org: Org, queueId: string, agentId: string, base: number, calls: CallTimes[]) {
  const at = (seconds: number) => new Date(base + seconds * 1000)
  await asAdmin(org, async (scope) => {
    for (const call of calls) {
      const status = call.ended !== undefined ? 'ended' : call.answered !== undefined ? 'connected' : 'queued'
      await scope.trx.table('calls').insert({
        tenant_id: scope.tenantId,
        id: newId(),
        direction: 'inbound',
        channel: 'simulated',
        status,
        queue_id: queueId,
        agent_id: call.answered !== undefined ? agentId : null,
        created_at: at(call.queued),
        queued_at: at(call.queued),
        answered_at: call.answered !== undefined ? at(call.answered) : null,
        ended_at: call.ended !== undefined ? at(call.ended) : null,
        end_reason: call.endReason ?? (call.ended !== undefined ? 'customer_hangup' : null),
        held_seconds: call.heldSeconds ?? 0,
        hold_started_at: call.holdStarted !== undefined ? at(call.holdStarted) : null,
      })
      if (call.wrap === undefined || call.ended === undefined) continue
      // The state change is written a moment before the call's end, as `endCall` does.
      const wrapStart = new Date(at(call.ended).getTime() - 5)
      const change = (from: string, to: string, when: Date) =>
        scope.trx.table('agent_state_changes').insert({ tenant_id: scope.tenantId, id: newId(), user_id: agentId, from_state: from, to_state: to, changed_at: when, actor_id: null })
      await change('busy', 'wrap_up', wrapStart)
      if (call.wrap !== 'running') await change('wrap_up', 'ready', new Date(wrapStart.getTime() + call.wrap * 1000))
    }
  })
}

async function makeQueue(client: ApiClient, org: Org, name: string) {
  const queue = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name, serviceLevelSeconds: 60 })
  queue.assertStatus(201)
  return queue.body().data.id as string
}

async function stats(client: ApiClient, auth: string) {
  const response = await client.get('/api/v1/queues/stats').header('authorization', auth)
  response.assertStatus(200)
  await matchesContract(response)
  const body = response.body()
  return { body, of: (name: string) => body.data.find((q: any) => q.name === name) }
}

test.group('Live KPIs of today (the data center’s definitions)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every number of today follows the organisation’s KPI settings, and changing them changes the live service level', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const xena = await makeUser(org, ['agent'])
    const yves = await makeUser(org, ['agent'])
    const billing = await makeQueue(client, org, 'Billing')
    const sales = await makeQueue(client, org, 'Sales')
    // Non-default settings: T = 30 s, short abandons under 10 s, every abandon counts against the service level.
    ;(await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ serviceLevelSeconds: 30, shortAbandonSeconds: 10, serviceLevelAbandons: 'all' })).assertStatus(200)

    // Today starts at midnight in Shanghai; the calls start a minute later, whatever the time now.
    const since = Date.parse((await stats(client, supervisor.auth)).body.total.since)
    const base = since + 60_000
    await seedCalls(org, billing, xena.user.id, base, [
      // c1: answered after 12 s, 100 s connected of which 10 s on hold → talk 90, hold 10; wrap-up 20 s.
      { queued: 0, answered: 12, ended: 112, heldSeconds: 10, wrap: 20 },
      // c2: answered after 29.5 s, 60 s connected, on hold for its last 5 s → talk 55, hold 5; wrap-up 10 s.
      { queued: 200, answered: 229.5, ended: 289.5, holdStarted: 284.5, wrap: 10 },
      // c3: answered after exactly 30 s (not less than T), ended; the agent is still in wrap-up → not yet handled.
      { queued: 400, answered: 430, ended: 530, wrap: 'running' },
      // c4: answered after 45 s, still talking → answered, not handled.
      { queued: 600, answered: 645 },
      // c5, c6: abandoned after 4 s and 9.9 s (short); c7 after exactly 10 s and c8 after 60 s (not short).
      { queued: 700, ended: 704, endReason: 'abandoned' },
      { queued: 800, ended: 809.9, endReason: 'abandoned' },
      { queued: 900, ended: 910, endReason: 'abandoned' },
      { queued: 1000, ended: 1060, endReason: 'abandoned' },
      // c9: a voicemail after 70 s: offered, neither answered nor abandoned.
      { queued: 1100, ended: 1170, endReason: 'voicemail' },
      // c11: yesterday's call is not today's.
      { queued: -86_400, answered: -86_395, ended: -86_300, wrap: 5 },
    ])
    // c10: waiting for 90 s now.
    await seedCalls(org, billing, xena.user.id, Date.now() - 90_000, [{ queued: 0 }])
    await seedCalls(org, sales, yves.user.id, base, [
      // s1: answered after 3 s, 40 s talk, no wrap-up recorded (handled, wrap 0); s2: abandoned after 20 s.
      { queued: 0, answered: 3, ended: 43 },
      { queued: 100, ended: 120, endReason: 'abandoned' },
    ])

    const first = await stats(client, supervisor.auth)
    assert.deepEqual(first.body.settings, { serviceLevelSeconds: 30, shortAbandonSeconds: 10, serviceLevelAbandons: 'all', serviceLevelLabel: 'SL 30 s · every abandon counts' })
    // Billing: offered c1–c9 = 9; answered c1–c4 = 4; abandoned c5–c8 = 4, short c5, c6 = 2; under 30 s c1, c2 = 2.
    // SL (all abandons) 2 ÷ (4 + 4) = 0.25; abandon rate (4 − 2) ÷ (9 − 2) = 2/7 = 0.286.
    // ASA (12 + 29.5 + 30 + 45) ÷ 4 = 29.125 → 29.1. Handled c1, c2: talk 145, hold 15, wrap 30 → AHT 190 ÷ 2 = 95.
    const billingNow = first.of('Billing')
    assert.deepInclude(billingNow, {
      serviceLevelSeconds: 30,
      serviceLevelLabel: 'SL 30 s · every abandon counts',
      offered: 9,
      answered: 4,
      abandoned: 4,
      shortAbandoned: 2,
      answeredWithinThreshold: 2,
      serviceLevel: 0.25,
      abandonRate: 0.286,
      asa: 29.1,
      aht: 95,
      avgTalk: 72.5,
      avgHold: 7.5,
      avgWrap: 15,
      waiting: 1,
    })
    assert.isAtLeast(billingNow.longestWaitSeconds, 90)
    assert.isBelow(billingNow.longestWaitSeconds, 120)
    // Sales: offered 2, answered 1 (3 s: in), abandoned 1 (20 s: not short). SL 1 ÷ (1 + 1); abandon rate 1 ÷ 2; AHT 40 ÷ 1.
    assert.deepInclude(first.of('Sales'), { offered: 2, answered: 1, abandoned: 1, shortAbandoned: 0, serviceLevel: 0.5, abandonRate: 0.5, asa: 3, aht: 40, avgWrap: 0, waiting: 0, longestWaitSeconds: 0 })
    // Total: offered 11, answered 5, abandoned 5 (2 short), under T 3. SL 3 ÷ (5 + 5) = 0.3; abandon rate 3 ÷ 9 = 0.333;
    // ASA (116.5 + 3) ÷ 5 = 23.9; AHT (190 + 40) ÷ 3 = 76.67 → 76.7.
    assert.deepInclude(first.body.total, { offered: 11, answered: 5, abandoned: 5, shortAbandoned: 2, answeredWithinThreshold: 3, serviceLevel: 0.3, abandonRate: 0.333, asa: 23.9, aht: 76.7, waiting: 1 })

    // T = 15 s and short abandons left out: Billing under 15 s only c1; denominator 4 answered + (4 − 2) abandons = 6 → 1/6.
    // Sales unchanged: 1 ÷ (1 + 1). Total 2 ÷ (5 + 3) = 0.25. The abandon rate does not depend on these choices.
    ;(await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ serviceLevelSeconds: 15, serviceLevelAbandons: 'exclude_short' })).assertStatus(200)
    const second = await stats(client, supervisor.auth)
    const label = 'SL 15 s · short abandons (< 10 s) excluded'
    assert.deepInclude(second.of('Billing'), { serviceLevelSeconds: 15, serviceLevelLabel: label, answeredWithinThreshold: 1, serviceLevel: 0.167, abandonRate: 0.286 })
    assert.deepInclude(second.of('Sales'), { serviceLevel: 0.5 })
    assert.deepInclude(second.body.total, { answeredWithinThreshold: 2, serviceLevel: 0.25, serviceLevelLabel: label })

    // No abandon counts: Billing 1 ÷ 4 answered.
    await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ serviceLevelAbandons: 'none' })
    assert.equal((await stats(client, supervisor.auth)).of('Billing').serviceLevel, 0.25)
  })

  test('a call transferred to another queue counts in each: answered in the first, offered again in the second with a wait from the transfer', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const xena = await makeUser(org, ['agent'])
    const yves = await makeUser(org, ['agent'])
    const care = await makeQueue(client, org, 'Care')
    const billing = await makeQueue(client, org, 'Billing')
    const since = Date.parse((await stats(client, supervisor.auth)).body.total.since)
    const at = (seconds: number) => new Date(since + 60_000 + seconds * 1000)
    const callId = newId()
    // Each step is what the ACD's actions write to the call (the visits follow the row's changes).
    const step = (columns: Record<string, unknown>) =>
      asAdmin(org, (scope) => scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update(columns))
    const wrapUp = (agentId: string, from: number, to: number) =>
      asAdmin(org, async (scope) => {
        const change = (fromState: string, toState: string, when: Date) =>
          scope.trx.table('agent_state_changes').insert({ tenant_id: scope.tenantId, id: newId(), user_id: agentId, from_state: fromState, to_state: toState, changed_at: when, actor_id: null })
        await change('busy', 'wrap_up', at(from))
        await change('wrap_up', 'ready', at(to))
      })
    await asAdmin(org, (scope) =>
      scope.trx.table('calls').insert({ tenant_id: scope.tenantId, id: callId, direction: 'inbound', channel: 'simulated', status: 'queued', queue_id: care, created_at: at(0), queued_at: at(0) })
    )
    // Xena answers after 10 s, holds 20 → 30 s, transfers to Billing at 70 s (wrap-up 15 s).
    await step({ status: 'connected', answered_at: at(10), agent_id: xena.user.id })
    await step({ on_hold: true, hold_started_at: at(20), hold_count: 1 })
    await step({ on_hold: false, hold_started_at: null, held_seconds: 10 })
    await step({ status: 'queued', queue_id: billing, agent_id: null, queued_at: at(70), transfer_count: 1 })
    await wrapUp(xena.user.id, 70, 85)

    // Care: offered 1, answered 1 after 10 s, handled: talk 60 − 10 = 50, hold 10, wrap 15 → AHT 75.
    // Billing: the call waits there: not yet offered, and not answered (it was, in Care).
    const waiting = await stats(client, supervisor.auth)
    assert.deepInclude(waiting.of('Care'), { offered: 1, answered: 1, abandoned: 0, asa: 10, aht: 75, avgTalk: 50, avgHold: 10, avgWrap: 15, waiting: 0 })
    assert.deepInclude(waiting.of('Billing'), { offered: 0, answered: 0, asa: null, waiting: 1 })

    // Yves answers 8 s after the transfer, talks 60 s, wrap-up 5 s.
    await step({ status: 'connected', answered_at: at(78), agent_id: yves.user.id })
    await step({ status: 'ended', ended_at: at(138), end_reason: 'customer_hangup', on_hold: false })
    await wrapUp(yves.user.id, 138, 143)
    const done = await stats(client, supervisor.auth)
    assert.deepInclude(done.of('Care'), { offered: 1, answered: 1, asa: 10, aht: 75 })
    assert.deepInclude(done.of('Billing'), { offered: 1, answered: 1, answeredWithinThreshold: 1, asa: 8, aht: 65, avgTalk: 60, avgHold: 0, avgWrap: 5 })
    // All queues: two stays, both answered inside 20 s; ASA (10 + 8) ÷ 2; AHT (75 + 65) ÷ 2.
    assert.deepInclude(done.body.total, { offered: 2, answered: 2, answeredWithinThreshold: 2, serviceLevel: 1, asa: 9, aht: 70 })
    const visits = await asAdmin(org, (scope) =>
      scope.trx.from('call_queue_visits').where('tenant_id', scope.tenantId).where('call_id', callId).orderBy('visit_no').select('queue_id', 'outcome', 'agent_id', 'hold_seconds')
    )
    assert.deepEqual(visits.map((v: any) => [v.queue_id, v.outcome, v.agent_id, Number(v.hold_seconds)]), [
      [care, 'answered', xena.user.id, 10],
      [billing, 'answered', yves.user.id, 0],
    ])
  })

  test('an overflowed call is offered in the first queue, and abandoned where it overflowed to', async ({ client, assert }) => {
    const org = await makeTenant()
    const care = await makeQueue(client, org, 'Care')
    const billing = await makeQueue(client, org, 'Billing')
    const callId = newId()
    const queuedAt = new Date(Date.now() - 120_000)
    await asAdmin(org, async (scope) => {
      await scope.trx.table('calls').insert({ tenant_id: scope.tenantId, id: callId, direction: 'inbound', channel: 'simulated', status: 'queued', queue_id: care, created_at: queuedAt, queued_at: queuedAt })
      // The overflow keeps the call's place in time (its queue time); its stay in Billing starts now.
      await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ queue_id: billing })
    })
    const moved = await stats(client, org.auth)
    assert.deepInclude(moved.of('Care'), { offered: 1, answered: 0, abandoned: 0, waiting: 0 })
    assert.deepInclude(moved.of('Billing'), { offered: 0, waiting: 1 })
    await asAdmin(org, (scope) =>
      scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ status: 'ended', ended_at: new Date(Date.now() + 30_000), end_reason: 'abandoned' })
    )
    const after = await stats(client, org.auth)
    assert.deepInclude(after.of('Care'), { offered: 1, abandoned: 0 })
    // Abandoned about 30 s into its stay in Billing (not the 2.5 minutes since it first queued): not short.
    assert.deepInclude(after.of('Billing'), { offered: 1, abandoned: 1, shortAbandoned: 0, waiting: 0 })
    assert.deepInclude(after.body.total, { offered: 2, abandoned: 1 })
  })

  test('another organisation’s settings and calls change nothing here', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const queue = await makeQueue(client, org, 'Ours')
    const since = Date.parse((await stats(client, org.auth)).body.total.since)
    // Answered after 22 s: outside the default 20 s, inside 25 s.
    await seedCalls(org, queue, agent.user.id, since + 60_000, [{ queued: 0, answered: 22, ended: 80 }])

    const other = await makeTenant()
    await makeQueue(client, other, 'Theirs')
    ;(await client.put('/api/v1/datacenter/settings').header('authorization', other.auth).json({ serviceLevelSeconds: 25 })).assertStatus(200)
    const ours = await stats(client, org.auth)
    assert.deepEqual(ours.body.data.map((q: any) => [q.name, q.offered, q.serviceLevel, q.serviceLevelSeconds]), [['Ours', 1, 0, 20]])
    const theirs = await stats(client, other.auth)
    assert.deepEqual(theirs.body.data.map((q: any) => [q.name, q.offered, q.serviceLevel, q.serviceLevelSeconds]), [['Theirs', 0, null, 25]])
    assert.equal(theirs.body.total.offered, 0)
  })
})
