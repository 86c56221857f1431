import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeTenant, makeUser, asAdmin } from '#tests/helpers'
import { matchesContract, openApiContract } from '#tests/openapi'
import { analyticsStore } from '#datacenter/store'
import { createQueue } from '#contact_center/actions/queues'
import { feedScenario, SCENARIO_DAY } from '#datacenter/tests/scenario_feed'
import { chunksOf } from '#datacenter/queries/kpi_stream'

/** January to March 2026 in Shanghai (the test organisations' zone): three calendar months. */
const QUARTER = { from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' }

const origin = () => `http://${process.env.HOST}:${process.env.PORT}`

/** Reads the NDJSON answer line by line as it arrives over the network; answers the lines and how many network reads brought them. */
async function streamOf(auth: string, qs: Record<string, string>) {
  const response = await fetch(`${origin()}/api/v1/datacenter/kpis/stream?${new URLSearchParams(qs)}`, { headers: { authorization: auth } })
  const lines: any[] = []
  let reads = 0
  let pending = ''
  const decoder = new TextDecoder()
  for await (const bytes of response.body!) {
    reads += 1
    pending += decoder.decode(bytes, { stream: true })
    let newline: number
    while ((newline = pending.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(pending.slice(0, newline)))
      pending = pending.slice(newline + 1)
    }
  }
  return { status: response.status, type: response.headers.get('content-type'), lines, reads, rest: pending }
}

/** Every line follows the documented `KpiStreamLine` schema. */
function assertDocumented(assert: any, lines: unknown[]) {
  const validate = openApiContract().ajv.getSchema('https://contract.local/components.json#/$defs/KpiStreamLine')!
  for (const line of lines) assert.isTrue(validate(line), `${JSON.stringify(line).slice(0, 200)}: ${JSON.stringify(validate.errors)}`)
}

test.group('Data center KPI stream', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('by day over three months comes a month at a time, and the months together are exactly the rows of /kpis', async ({ client, assert }) => {
    const org = await makeTenant()
    await feedScenario(org, { shiftDays: -40 })
    await feedScenario(org, { shiftDays: -20 })
    await feedScenario(org)
    const supervisor = await makeUser(org, ['supervisor'])

    const stream = await streamOf(supervisor.auth, { ...QUARTER, by: 'day' })
    assert.equal(stream.status, 200)
    assert.equal(stream.type, 'application/x-ndjson; charset=utf-8')
    assert.equal(stream.rest, '', 'every line ends with a newline')
    assertDocumented(assert, stream.lines)
    const [meta, ...rest] = stream.lines
    assert.equal(meta.type, 'meta')
    assert.equal(meta.chunks, 3)
    assert.equal(meta.meta.settings.timeZone, 'Asia/Shanghai')
    assert.deepEqual(meta.meta.labels, {})
    const rows = rest.filter((l) => l.type === 'rows')
    assert.deepEqual(rows.map((l) => [l.done, l.total]), [[1, 3], [2, 3], [3, 3]])
    // 2 March minus 40 and 20 days: 21 January, 10 February, 2 March (17:00 in Shanghai, the same day).
    assert.deepEqual(rows.map((l) => l.rows.map((r: any) => [r.key, r.offered])), [[['2026-01-21', 6]], [['2026-02-10', 6]], [['2026-03-02', 6]]])
    assert.deepEqual(rest.at(-1), { type: 'end' })

    const whole = await client.get('/api/v1/datacenter/kpis').qs({ ...QUARTER, by: 'day' }).header('authorization', supervisor.auth)
    assert.deepEqual(rows.flatMap((l) => l.rows), whole.body().data)
    assert.deepEqual(meta.meta, whole.body().meta)
    await matchesContract(await client.get('/api/v1/datacenter/kpis/stream').qs({ ...QUARTER, by: 'day' }).header('authorization', supervisor.auth))

    const hours = await streamOf(supervisor.auth, { ...QUARTER, by: 'hour' })
    const hourly = await client.get('/api/v1/datacenter/kpis').qs({ ...QUARTER, by: 'hour' }).header('authorization', supervisor.auth)
    assert.deepEqual(hours.lines.filter((l) => l.type === 'rows').flatMap((l) => l.rows), hourly.body().data)
  })

  test('groupings whose rows would merge come as one piece, with the names of their queues and agents', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const queue = await asAdmin(org, (scope) => createQueue(scope, { name: 'Sales' }))
    const scenario = await feedScenario(org, { ids: { Q: queue, A: agent.user.id } })

    const byQueue = await streamOf(org.auth, { ...SCENARIO_DAY, by: 'queue' })
    assertDocumented(assert, byQueue.lines)
    assert.deepEqual(byQueue.lines.map((l) => l.type), ['meta', 'rows', 'end'])
    assert.deepEqual(byQueue.lines[0].meta.labels, { [queue]: 'Sales' }, 'the second queue of the scenario is not one of the organisation')
    const whole = await client.get('/api/v1/datacenter/kpis').qs({ ...SCENARIO_DAY, by: 'queue' }).header('authorization', org.auth)
    assert.deepEqual(byQueue.lines[1].rows, whole.body().data)
    assert.deepEqual(whole.body().meta.labels, { [queue]: 'Sales' })

    const byAgent = await client.get('/api/v1/datacenter/kpis').qs({ ...SCENARIO_DAY, by: 'agent' }).header('authorization', org.auth)
    assert.deepEqual(byAgent.body().meta.labels, { [agent.user.id]: agent.user.displayName })
    assert.includeMembers(byAgent.body().data.map((r: any) => r.key), [agent.user.id, scenario.ids.B])
    const heat = await streamOf(org.auth, { ...SCENARIO_DAY, by: 'weekday_hour' })
    assert.equal(heat.lines[0].chunks, 1)

    const other = await makeTenant()
    const theirs = await streamOf(other.auth, { ...SCENARIO_DAY, by: 'queue', queueIds: queue })
    assert.deepEqual(theirs.lines[0].meta.labels, {})
    assert.deepEqual(theirs.lines[1].rows, [], 'another organisation’s queue id matches nothing')
    assert.notInclude(JSON.stringify(theirs.lines), 'Sales')
  })

  test('bad input is a 422 before the stream starts; an agent gets 403', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const fieldOf = async (qs: Record<string, string>) => {
      const response = await client.get('/api/v1/datacenter/kpis/stream').qs(qs).header('authorization', org.auth)
      response.assertStatus(422)
      assert.match(response.header('content-type') ?? '', /^application\/json/)
      return response.body().errors[0].field
    }
    assert.equal(await fieldOf({ to: SCENARIO_DAY.to }), 'from')
    assert.equal(await fieldOf({ from: SCENARIO_DAY.to, to: SCENARIO_DAY.from }), 'to')
    assert.equal(await fieldOf({ from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', by: 'day' }), 'to')
    assert.equal(await fieldOf({ ...SCENARIO_DAY, by: 'week' }), 'by')
    assert.equal(await fieldOf({ ...SCENARIO_DAY, agentIds: 'x' }), 'agentIds.0')
    ;(await client.get('/api/v1/datacenter/kpis/stream').qs(SCENARIO_DAY).header('authorization', agent.auth)).assertStatus(403)
  })

  test('a failure after the first month ends the stream with an error line, and the server goes on answering', async ({ client, assert }) => {
    const org = await makeTenant()
    await feedScenario(org, { shiftDays: -40 })
    const store = await analyticsStore()
    const forTenant = store.forTenant
    let selects = 0
    // kpis() reads three queries per piece by day: the fourth is the second month's first.
    store.forTenant = function (tenantId: string) {
      const tenant = forTenant.call(store, tenantId)
      const select = tenant.select.bind(tenant)
      tenant.select = (async (sql: string, params: any) => {
        if (++selects > 3) throw new Error('ClickHouse went away: secret internals')
        return select(sql, params)
      }) as typeof tenant.select
      return tenant
    }
    let stream: Awaited<ReturnType<typeof streamOf>>
    try {
      stream = await streamOf(org.auth, { ...QUARTER, by: 'day' })
    } finally {
      store.forTenant = forTenant
    }
    assert.equal(stream.status, 200)
    assertDocumented(assert, stream.lines)
    assert.deepEqual(stream.lines.map((l) => l.type), ['meta', 'rows', 'error'])
    assert.deepEqual(stream.lines[2].error, { code: 'E_INTERNAL', message: 'The numbers could not be read; try again' })
    assert.deepEqual(stream.lines[1].rows.map((r: any) => r.key), ['2026-01-21'])
    ;(await client.get('/api/v1/datacenter/kpis').qs({ ...QUARTER, by: 'day' }).header('authorization', org.auth)).assertStatus(200)
  })

  test('the range is cut at the months of the organisation’s zone, only for groupings by time', async ({ assert }) => {
    const range = { from: new Date('2026-01-15T03:00:00Z'), to: new Date('2026-03-10T00:00:00Z') }
    const cuts = (by: any, zone: string) => chunksOf(range, by, zone).map((c) => [c.from.toISOString(), c.to.toISOString()])
    assert.deepEqual(cuts('day', 'Asia/Shanghai'), [
      ['2026-01-15T03:00:00.000Z', '2026-01-31T16:00:00.000Z'],
      ['2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
      ['2026-02-28T16:00:00.000Z', '2026-03-10T00:00:00.000Z'],
    ])
    assert.deepEqual(cuts('interval_15m', 'America/New_York').map(([, to]) => to), ['2026-02-01T05:00:00.000Z', '2026-03-01T05:00:00.000Z', '2026-03-10T00:00:00.000Z'])
    for (const by of ['total', 'queue', 'agent', 'channel', 'weekday_hour']) assert.lengthOf(chunksOf(range, by as any, 'UTC'), 1, by)
    assert.lengthOf(chunksOf({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') }, 'hour', 'UTC'), 1, 'a whole month is one piece')
  })
})
