import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { Ingestor } from '@cc/analytics'
import { BASE, buildScenario, N1, N2, type Scenario } from '@cc/analytics/testing'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract, requestBodyProblems } from '#tests/openapi'
import { jobRunner } from '#jobs/job_runner'
import { analyticsStore } from '#datacenter/store'
import { createTeam, setTeamMembers } from '#identity/actions/teams'
import { kpiSettingsValidator } from '#datacenter/validators/datacenter'

type Tenant = Awaited<ReturnType<typeof makeTenant>>

/** The scenario's day: 08:00–12:00 UTC on 2 March 2026 (its calls arrive 09:00–09:30). */
const DAY = { from: new Date(BASE - 3_600_000).toISOString(), to: new Date(BASE + 3 * 3_600_000).toISOString() }

/**
 * Feeds the hand-worked five-call scenario for one organisation into the process's analytics store;
 * `ids` swaps scenario names (Q2, B…) for ids of an earlier copy, so copies can share queues or agents.
 */
async function feedScenario(org: Tenant, ids: Record<string, string> = {}): Promise<Scenario> {
  const scenario = buildScenario(org.tenant.id)
  let text = JSON.stringify(scenario.envelopes)
  for (const [name, id] of Object.entries(ids)) {
    text = text.replaceAll(scenario.ids[name], id)
    scenario.ids[name] = id
  }
  const envelopes = JSON.parse(text) as Scenario['envelopes']
  const records = envelopes.map((event, offset) => ({ event, position: { topic: 'cc.calls', partition: 0, offset } }))
  // Event ids are fresh in every copy: so is the deduplication token.
  await new Ingestor(await analyticsStore(), () => {}).ingest(records, `datacenter-spec-${envelopes[0].id}`)
  return { ...scenario, envelopes }
}

const kpisOf = (client: any, auth: string, qs: Record<string, string> = {}) => client.get('/api/v1/datacenter/kpis').qs({ ...DAY, ...qs }).header('authorization', auth)
/** The counts of a row the drill-down opens, with the answers within the service level (short abandons left out of its denominator, the default). */
const drillCounts = (row: any) => ({
  offered: row.offered,
  answered: row.answered,
  abandoned: row.abandoned,
  short_abandoned: row.short_abandoned,
  answered_in_sl: row.service_level === null ? 0 : Math.round(row.service_level * (row.answered + row.abandoned - row.short_abandoned)),
  transfers: row.transfers,
  rona: row.rona,
})
const contactsOf = (client: any, auth: string, qs: Record<string, string | number>) => client.get('/api/v1/datacenter/contacts').qs({ ...DAY, ...qs }).header('authorization', auth)

test.group('Data center API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('executives and supervisors read the hand-worked KPIs; an agent may not; another organisation sees nothing', async ({ client, assert }) => {
    const org = await makeTenant()
    const scenario = await feedScenario(org)
    const executive = await makeUser(org, ['executive'])
    const supervisor = await makeUser(org, ['supervisor'])
    const agent = await makeUser(org, ['agent'])

    const answer = await kpisOf(client, executive.auth)
    answer.assertStatus(200)
    await matchesContract(answer)
    const [total] = answer.body().data
    // Worked out in analytics/src/kpi/kpis.test.ts: offered 6 (c4 again in Q2), answered 4, abandoned 2 of which 1 short;
    // SL 2 ÷ (4 + 2 − 1); ASA (10 + 25 + 10 + 22) ÷ 4; FCR: c1's number called again 30 minutes later.
    assert.deepEqual([total.key, total.offered, total.answered, total.abandoned, total.short_abandoned], ['total', 6, 4, 2, 1])
    assert.equal(total.service_level, 2 / 5)
    assert.equal(total.asa, 16.75)
    assert.equal(total.fcr, 2 / 3)
    assert.deepEqual([total.transfers, total.rona], [1, 1])
    const { meta } = answer.body()
    assert.deepEqual(meta.settings, { serviceLevelSeconds: 20, shortAbandonSeconds: 5, serviceLevelAbandons: 'exclude_short', fcrDays: 7, timeZone: 'Asia/Shanghai' })
    assert.equal(meta.serviceLevelLabel, 'SL 20 s · short abandons (< 5 s) excluded')
    assert.lengthOf(meta.definitions, 16)
    assert.include(meta.definitions.find((d: any) => d.key === 'service_level'), { version: 1, unit: 'percent' })

    const byQueue = await kpisOf(client, supervisor.auth, { by: 'queue' })
    byQueue.assertStatus(200)
    assert.deepEqual(byQueue.body().data.map((r: any) => [r.key, r.offered]).sort(), [[scenario.ids.Q, 5], [scenario.ids.Q2, 1]].sort())
    const onlyQ2 = await kpisOf(client, supervisor.auth, { queueIds: scenario.ids.Q2 })
    assert.deepEqual([onlyQ2.body().data[0].offered, onlyQ2.body().data[0].answered], [1, 1])
    // Hours in the organisation's zone: 09:00 UTC is 17:00 in Shanghai; 2 March 2026 is a Monday.
    const heat = (await kpisOf(client, executive.auth, { by: 'weekday_hour' })).body().data.filter((r: any) => r.offered > 0)
    assert.deepEqual(heat.map((r: any) => [r.key, r.offered]), [['1-17', 6]])

    ;(await kpisOf(client, agent.auth)).assertStatus(403)
    ;(await contactsOf(client, agent.auth, { kpi: 'offered' })).assertStatus(403)

    const other = await makeTenant()
    const theirs = await kpisOf(client, other.auth, { queueIds: `${scenario.ids.Q},${scenario.ids.Q2}`, agentIds: scenario.ids.A })
    theirs.assertStatus(200)
    assert.equal(theirs.body().data[0]?.offered ?? 0, 0, 'another organisation’s queue and agent ids match nothing')
    const theirTotal = await kpisOf(client, other.auth)
    assert.deepEqual(theirTotal.body().data, [])
    const theirContacts = await contactsOf(client, other.auth, { kpi: 'offered', queueId: scenario.ids.Q })
    assert.equal(theirContacts.body().meta.total, 0)
    assert.notInclude(theirContacts.text(), scenario.ids.Q)
  })

  test('the organisation’s KPI settings change the service level; changes are validated, logged and published', async ({ client, assert }) => {
    const org = await makeTenant()
    await feedScenario(org)
    const supervisor = await makeUser(org, ['supervisor'])
    const executive = await makeUser(org, ['executive'])

    const shown = await client.get('/api/v1/datacenter/settings').header('authorization', executive.auth)
    shown.assertStatus(200)
    await matchesContract(shown)
    assert.equal(shown.body().data.serviceLevelAbandons, 'exclude_short')

    const saved = await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ serviceLevelAbandons: 'all' })
    saved.assertStatus(200)
    await matchesContract(saved)
    assert.deepEqual(saved.body().data, { serviceLevelSeconds: 20, shortAbandonSeconds: 5, serviceLevelAbandons: 'all', fcrDays: 7, timeZone: 'Asia/Shanghai' })
    const all = await kpisOf(client, supervisor.auth)
    assert.equal(all.body().data[0].service_level, 2 / 6, 'every abandon counts: 2 ÷ (4 + 2)')
    assert.equal(all.body().meta.serviceLevelLabel, 'SL 20 s · every abandon counts')
    await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ serviceLevelSeconds: 25, serviceLevelAbandons: 'exclude_short' })
    assert.equal((await kpisOf(client, supervisor.auth)).body().data[0].service_level, 3 / 5, 'a 22 s wait is in under 25 s')

    const uneven = await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ serviceLevelSeconds: 12 })
    uneven.assertStatus(422)
    assert.equal(uneven.body().errors[0].field, 'serviceLevelSeconds')
    const badWindow = await client.put('/api/v1/datacenter/settings').header('authorization', org.auth).json({ fcrDays: 0 })
    assert.equal(badWindow.body().errors[0].field, 'fcrDays')
    ;(await client.put('/api/v1/datacenter/settings').header('authorization', supervisor.auth).json({ fcrDays: 3 })).assertStatus(403)
    assert.equal((await client.get('/api/v1/datacenter/settings').header('authorization', org.auth)).body().data.serviceLevelSeconds, 25)

    const log = await client.get('/api/v1/audit-logs').qs({ action: 'datacenter.settings_update' }).header('authorization', org.auth)
    assert.includeMembers(log.body().data.map((r: any) => r.result), ['success', 'failure'])
    const events = await asAdmin(org, (scope) => scope.trx.from('domain_events').where('type', 'datacenter.settings_changed').orderBy('id').select('payload'))
    assert.deepEqual(events.map((e) => e.payload.serviceLevelAbandons), ['all', 'exclude_short'])

    const other = await makeTenant()
    const theirs = await client.get('/api/v1/datacenter/settings').header('authorization', other.auth)
    assert.equal(theirs.body().data.serviceLevelSeconds, 20, 'another organisation keeps its own settings')
  })

  test('bad queries answer 422 naming the field', async ({ client, assert }) => {
    const org = await makeTenant()
    const fieldOf = async (url: string, qs: Record<string, string>) => {
      const response = await client.get(url).qs(qs).header('authorization', org.auth)
      response.assertStatus(422)
      return response.body().errors[0].field
    }
    assert.equal(await fieldOf('/api/v1/datacenter/kpis', { to: DAY.to }), 'from')
    assert.equal(await fieldOf('/api/v1/datacenter/kpis', { from: DAY.to, to: DAY.from }), 'to')
    assert.equal(await fieldOf('/api/v1/datacenter/kpis', { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }), 'to')
    assert.equal(await fieldOf('/api/v1/datacenter/kpis', { ...DAY, by: 'week' }), 'by')
    assert.equal(await fieldOf('/api/v1/datacenter/kpis', { ...DAY, queueIds: 'not-a-uuid' }), 'queueIds.0')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', DAY), 'kpi')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', { ...DAY, kpi: 'fcr' }), 'kpi')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', { ...DAY, kpi: 'offered', agentId: 'A' }), 'agentId')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', { ...DAY, kpi: 'offered', page: '0' }), 'page')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', { ...DAY, kpi: 'offered', agentIds: '0190a8b4-1111-7000-8000-000000000001,nope' }), 'agentIds.1')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', { ...DAY, kpi: 'offered', teamId: 'day-shift' }), 'teamId')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', { ...DAY, kpi: 'offered', number: 'x'.repeat(121) }), 'number')
    const tooMany = Array.from({ length: 101 }, (_, i) => `0190a8b4-1111-7000-8000-${String(i).padStart(12, '0')}`).join(',')
    assert.equal(await fieldOf('/api/v1/datacenter/contacts', { ...DAY, kpi: 'offered', queueIds: tooMany }), 'queueIds')
  })

  test('every count drills down to exactly the call segments behind it, a page at a time', async ({ client, assert }) => {
    const org = await makeTenant()
    const scenario = await feedScenario(org)
    const supervisor = await makeUser(org, ['supervisor'])
    const calls = (body: any) => body.data.map((r: any) => [r.callId, r.segmentNo])
    const { c1, c2, c3, c4, c5 } = scenario.ids

    const abandoned = await contactsOf(client, supervisor.auth, { kpi: 'abandoned' })
    abandoned.assertStatus(200)
    await matchesContract(abandoned)
    assert.deepEqual(calls(abandoned.body()), [[c2, 1], [c3, 1]])
    const [short, long] = abandoned.body().data
    assert.include(short, { outcome: 'abandoned', waitSeconds: 3, queueId: scenario.ids.Q, agentId: null, channel: 'voice', answeredAt: null })
    assert.equal(short.startedAt, new Date(BASE + 300_000).toISOString())
    assert.equal(short.ani, '+86*******0002', 'a supervisor sees the number masked')
    assert.equal(long.ani, null, 'the web call has no number')
    const revealed = await contactsOf(client, org.auth, { kpi: 'short_abandoned' })
    assert.deepEqual(revealed.body().data.map((r: any) => [r.callId, r.ani]), [[c2, '+8613800000002']], 'customers.view_ids reveals it')

    assert.deepEqual(calls((await contactsOf(client, supervisor.auth, { kpi: 'answered_in_sl' })).body()), [[c1, 1], [c4, 2]])
    assert.deepEqual(calls((await contactsOf(client, supervisor.auth, { kpi: 'transfers' })).body()), [[c4, 1]])
    // c5 rang out at A before B answered it: the row behind the RONA is A's, and only A's filter finds it.
    const rona = await contactsOf(client, supervisor.auth, { kpi: 'rona' })
    assert.deepEqual(calls(rona.body()), [[c5, 1]])
    assert.deepEqual([rona.body().data[0].agentId, rona.body().data[0].outcome], [scenario.ids.A, 'answered'])
    assert.equal((await contactsOf(client, supervisor.auth, { kpi: 'rona', agentId: scenario.ids.A })).body().meta.total, 1)
    assert.equal((await contactsOf(client, supervisor.auth, { kpi: 'rona', agentId: scenario.ids.B })).body().meta.total, 0)
    assert.deepEqual(calls((await contactsOf(client, supervisor.auth, { kpi: 'offered', queueId: scenario.ids.Q2 })).body()), [[c4, 2]])
    assert.deepEqual(calls((await contactsOf(client, supervisor.auth, { kpi: 'answered', agentId: scenario.ids.B })).body()), [[c4, 2], [c5, 1]])
    assert.equal((await contactsOf(client, supervisor.auth, { kpi: 'offered', channel: 'web' })).body().meta.total, 1)

    const second = await contactsOf(client, supervisor.auth, { kpi: 'offered', perPage: 4, page: 2 })
    assert.deepEqual(second.body().meta, { total: 6, perPage: 4, currentPage: 2, lastPage: 2 })
    assert.deepEqual(calls(second.body()), [[c4, 2], [c5, 1]])
  })

  test('with several queues and agents in the view, every drill-down total is the count it opens from', async ({ client, assert }) => {
    const org = await makeTenant()
    const first = await feedScenario(org)
    // A second copy of the day sharing Q2 and agent B, in a third queue with a third agent: Q offers 5, Q2 2, Q3 5.
    const second = await feedScenario(org, { Q2: first.ids.Q2, B: first.ids.B })
    const supervisor = await makeUser(org, ['supervisor'])
    const { Q, Q2, A, B } = first.ids
    const [Q3, C] = [second.ids.Q, second.ids.A]
    const views: Array<[Record<string, string>, number]> = [
      [{ queueIds: `${Q},${Q2}` }, 7],
      // Segments A or B handled: c1, c4 (both legs), c5 of the first copy; c4's second leg and c5 of the second.
      [{ agentIds: `${A},${B}` }, 6],
      [{ queueIds: `${Q2},${Q3}`, agentIds: `${B},${C}` }, 5],
    ]
    for (const [view, offered] of views) {
      const [row] = (await kpisOf(client, supervisor.auth, view)).body().data
      assert.equal(row.offered, offered, JSON.stringify(view))
      // The service level's denominator leaves short abandons out (the default settings).
      const counts = {
        offered: row.offered,
        answered: row.answered,
        abandoned: row.abandoned,
        short_abandoned: row.short_abandoned,
        answered_in_sl: Math.round(row.service_level * (row.answered + row.abandoned - row.short_abandoned)),
        transfers: row.transfers,
        rona: row.rona,
      }
      for (const [kpi, count] of Object.entries(counts)) {
        const drill = await contactsOf(client, supervisor.auth, { ...view, kpi })
        drill.assertStatus(200)
        assert.equal(drill.body().meta.total, count, `${kpi} of ${JSON.stringify(view)}`)
      }
    }
    await matchesContract(await contactsOf(client, supervisor.auth, { queueIds: `${Q},${Q2}`, kpi: 'answered' }))

    // A league-table row narrows the view to one queue; one outside the view's list matches nothing.
    assert.equal((await contactsOf(client, supervisor.auth, { queueIds: `${Q},${Q2}`, queueId: Q2, kpi: 'offered' })).body().meta.total, 2)
    assert.equal((await contactsOf(client, supervisor.auth, { queueIds: `${Q},${Q2}`, queueId: Q3, kpi: 'offered' })).body().meta.total, 0)
    assert.equal((await contactsOf(client, supervisor.auth, { agentIds: `${A},${B}`, agentId: C, kpi: 'answered' })).body().meta.total, 0)
    // The "no agent" row (calls no agent took) is keyed by the nil uuid, as in the rollups.
    const byAgent = (await kpisOf(client, supervisor.auth, { by: 'agent', queueIds: `${Q},${Q2}` })).body().data
    const nobody = byAgent.find((r: any) => r.key === '00000000-0000-0000-0000-000000000000')
    assert.equal(nobody.abandoned, 2)
    const unanswered = await contactsOf(client, supervisor.auth, { queueIds: `${Q},${Q2}`, agentId: nobody.key, kpi: 'abandoned' })
    assert.equal(unanswered.body().meta.total, nobody.abandoned)

    // The contacts export writes the same calls.
    const queued = await client.post('/api/v1/datacenter/exports').header('authorization', supervisor.auth)
      .json({ format: 'csv', kind: 'contacts', ...DAY, kpi: 'offered', queueIds: [Q, Q2], agentIds: [A, B] })
    queued.assertStatus(202)
    await jobRunner.tick()
    const job = (await client.get(`/api/v1/jobs/${queued.body().data.id}`).header('authorization', supervisor.auth)).body().data
    const both = await contactsOf(client, supervisor.auth, { queueIds: `${Q},${Q2}`, agentIds: `${A},${B}`, kpi: 'offered' })
    assert.equal(job.status, 'succeeded', job.error)
    assert.equal(job.result.rows, both.body().meta.total)
    assert.equal(job.result.rows, 5, 'c1, c4 (both legs) and c5 of the first copy; c4’s second leg of the second')

    const other = await makeTenant()
    const theirs = await contactsOf(client, other.auth, { queueIds: `${Q},${Q2}`, agentIds: `${A},${B}`, kpi: 'offered' })
    assert.equal(theirs.body().meta.total, 0, 'another organisation’s ids match nothing')
  })

  test('KPIs by team count the segments each team’s agents handled; by number, what each number dialled; each cell drills down to its count', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const [a, b] = [await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    const scenario = await feedScenario(org, { A: a.user.id, B: b.user.id })
    // A is in both teams, B only in the second; the third team has nobody.
    const [dayShift, everyone, empty] = await asAdmin(org, async (scope) => {
      const teams = [await createTeam(scope, { name: 'Day shift' }), await createTeam(scope, { name: 'Everyone' }), await createTeam(scope, { name: 'Empty' })]
      await setTeamMembers(scope, teams[0].id, [a.user.id])
      await setTeamMembers(scope, teams[1].id, [a.user.id, b.user.id])
      return teams.map((t) => t.id)
    })

    const byTeam = await kpisOf(client, supervisor.auth, { by: 'team' })
    byTeam.assertStatus(200)
    await matchesContract(byTeam)
    const teamRows = Object.fromEntries(byTeam.body().data.map((r: any) => [r.key, r]))
    assert.sameMembers(Object.keys(teamRows), [dayShift, everyone], 'a team without members, and the calls no agent took, have no row')
    // A handled c1 and c4's first leg (transferred) and let c5 ring out (the RONA is A's); B handled c4's
    // second leg and c5.
    const counts = (r: any) => [r.offered, r.answered, r.abandoned, r.transfers, r.rona]
    assert.deepEqual(counts(teamRows[dayShift]), [2, 2, 0, 1, 1])
    assert.deepEqual(counts(teamRows[everyone]), [4, 4, 0, 1, 1])
    // Waits 10 and 25 s (SL 1 of 2); 10, 25, 10 and 22 s (SL 2 of 4).
    assert.deepEqual([teamRows[dayShift].service_level, teamRows[dayShift].asa], [1 / 2, 17.5])
    assert.deepEqual([teamRows[everyone].service_level, teamRows[everyone].asa], [2 / 4, 16.75])
    assert.isNotNull(teamRows[dayShift].occupancy, 'agents’ time counts in their teams')
    assert.deepEqual(byTeam.body().meta.labels, { [dayShift]: 'Day shift', [everyone]: 'Everyone' })

    const byNumber = await kpisOf(client, supervisor.auth, { by: 'number' })
    byNumber.assertStatus(200)
    await matchesContract(byNumber)
    const numberRows = Object.fromEntries(byNumber.body().data.map((r: any) => [r.key, r]))
    assert.sameMembers(Object.keys(numberRows), ['', N1, N2])
    // N1: c1, c2 (a short abandon) and both legs of c4; N2: c5; no number: the web call c3 (abandoned after 40 s).
    assert.deepEqual([...counts(numberRows[N1]), numberRows[N1].short_abandoned], [4, 3, 1, 1, 0, 1])
    assert.equal(numberRows[N1].service_level, 2 / 3, 'in 20 s: c1 and c4’s second leg, of 3 answered + 1 abandoned − 1 short')
    assert.equal(numberRows[N1].asa, 15)
    assert.deepEqual(counts(numberRows[N2]), [1, 1, 0, 0, 1])
    assert.deepEqual(counts(numberRows['']), [1, 0, 1, 0, 0])
    assert.deepEqual([numberRows[N1].occupancy, numberRows[N1].utilization], [null, null], 'agents’ time has no number')
    assert.deepEqual(byNumber.body().meta.labels, {})

    const cells: Array<[Record<string, string>, any]> = [
      [{ teamId: dayShift }, teamRows[dayShift]],
      [{ teamId: everyone }, teamRows[everyone]],
      [{ number: N1 }, numberRows[N1]],
      [{ number: N2 }, numberRows[N2]],
      [{ number: '' }, numberRows['']],
    ]
    for (const [filter, row] of cells) {
      for (const [kpi, count] of Object.entries(drillCounts(row))) {
        const drill = await contactsOf(client, supervisor.auth, { ...filter, kpi })
        drill.assertStatus(200)
        assert.equal(drill.body().meta.total, count, `${kpi} of ${JSON.stringify(filter)}`)
      }
    }
    const calls = (body: any) => body.data.map((r: any) => [r.callId, r.segmentNo])
    const { c1, c3, c4, c5 } = scenario.ids
    assert.deepEqual(calls((await contactsOf(client, supervisor.auth, { teamId: dayShift, kpi: 'answered' })).body()), [[c1, 1], [c4, 1]])
    assert.deepEqual(calls((await contactsOf(client, supervisor.auth, { number: '', kpi: 'offered' })).body()), [[c3, 1]])
    assert.deepEqual(calls((await contactsOf(client, supervisor.auth, { number: N2, kpi: 'rona' })).body()), [[c5, 1]])
    assert.equal((await contactsOf(client, supervisor.auth, { teamId: empty, kpi: 'offered' })).body().meta.total, 0)
    await matchesContract(await contactsOf(client, supervisor.auth, { teamId: everyone, number: N1, kpi: 'answered' }))
    assert.equal((await contactsOf(client, supervisor.auth, { teamId: everyone, number: N1, kpi: 'answered' })).body().meta.total, 3, 'filters combine with AND')
    // The view's agent list narrows a team as it narrows the KPIs.
    const onlyB = (await kpisOf(client, supervisor.auth, { by: 'team', agentIds: b.user.id })).body().data
    assert.deepEqual(onlyB.map((r: any) => [r.key, r.offered]), [[everyone, 2]])
    assert.equal((await contactsOf(client, supervisor.auth, { teamId: everyone, agentIds: b.user.id, kpi: 'offered' })).body().meta.total, 2)

    // Another organisation: its teams are its own, ours match nothing there (as queue ids do).
    const other = await makeTenant()
    const theirs = await kpisOf(client, other.auth, { by: 'team' })
    theirs.assertStatus(200)
    assert.deepEqual(theirs.body().data, [])
    const theirDrill = await contactsOf(client, other.auth, { teamId: everyone, kpi: 'offered' })
    theirDrill.assertStatus(200)
    assert.equal(theirDrill.body().meta.total, 0)
    assert.deepEqual((await kpisOf(client, other.auth, { by: 'number' })).body().data, [])
    assert.equal((await contactsOf(client, other.auth, { number: N1, kpi: 'offered' })).body().meta.total, 0)
  })

  test('the documented settings body accepts and rejects what the validator does', async ({ assert }) => {
    const payloads = [{}, { serviceLevelSeconds: 30, shortAbandonSeconds: 10, serviceLevelAbandons: 'none', fcrDays: 3 }, { serviceLevelSeconds: 300 }, { serviceLevelAbandons: 'some' }, { fcrDays: 1.5 }, { shortAbandonSeconds: 2 }]
    for (const payload of payloads) {
      const [error] = await kpiSettingsValidator.tryValidate(payload)
      const problems = requestBodyProblems({ method: 'PUT', path: '/api/v1/datacenter/settings' }, payload)
      assert.equal(problems.length === 0, !error, `${JSON.stringify(payload)}: validator ${error ? 'rejects' : 'accepts'}, document says ${problems.join('; ') || 'ok'}`)
    }
  })
})
