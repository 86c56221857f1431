import path from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ExcelJS from 'exceljs'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract, requestBodyProblems } from '#tests/openapi'
import { jobRunner } from '#jobs/job_runner'
import { filesRoot } from '#jobs/jobs'
import { jobKind } from '#jobs/job_kinds'
import { createRole } from '#identity/actions/roles'
import { createQueue } from '#contact_center/actions/queues'
import { createTeam, setTeamMembers } from '#identity/actions/teams'
import { N1 } from '@cc/analytics/testing'
import { DATACENTER_EXPORT } from '#datacenter/jobs/datacenter_export'
import { exportValidator } from '#datacenter/validators/exports'
import { feedScenario, SCENARIO_DAY } from '#datacenter/tests/scenario_feed'

type Org = Awaited<ReturnType<typeof makeTenant>>

/** January to March 2026 in Shanghai (the test organisations' zone). */
const QUARTER = { from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' }

/** Runs the queued export, recording every progress report the job makes; answers the finished job and the reports. */
async function runRecorded(client: any, auth: string, body: Record<string, unknown>) {
  const queued = await client.post('/api/v1/datacenter/exports').header('authorization', auth).json(body)
  queued.assertStatus(202)
  await matchesContract(queued)
  const kind = jobKind(DATACENTER_EXPORT)!
  const run = kind.run
  const reports: Array<[number, number | null | undefined]> = []
  kind.run = (job) => run({ ...job, progress: (done, total) => (reports.push([done, total]), job.progress(done, total)) })
  try {
    await jobRunner.tick()
  } finally {
    kind.run = run
  }
  const job = (await client.get(`/api/v1/jobs/${queued.body().data.id}`).header('authorization', auth)).body().data
  return { job, reports }
}

/** The rows of a CSV export downloaded through the API, parsed (quoted cells with commas, doubled quotes). */
async function csvRows(client: any, auth: string, jobId: string): Promise<string[][]> {
  const response = await client.get(`/api/v1/jobs/${jobId}/download`).header('authorization', auth)
  response.assertStatus(200)
  const text: string = response.text()
  assert(text.startsWith('\uFEFF'), 'a byte-order mark for Excel')
  return text.slice(1).trimEnd().split('\r\n').map(parseCsvLine)
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') cells.push(cell), (cell = '')
    else cell += c
  }
  return [...cells, cell]
}

function assert(condition: boolean, message: string) {
  if (!condition) throw new Error(message)
}

/** The rows of an XLSX export read back from the organisation's file area. */
async function xlsxRows(org: Org, jobId: string, sheetName: string) {
  const file = await asAdmin(org, async (scope) => (await scope.trx.from('jobs').where('tenant_id', scope.tenantId).where('id', jobId).first()).result.file)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path.join(filesRoot(), org.tenant.id, file))
  const rows: unknown[][] = []
  workbook.getWorksheet(sheetName)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

const percent = (ratio: number | null) => (ratio === null ? '' : String(Math.round(ratio * 1000) / 10))

test.group('Data center exports', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a KPI export by day holds the numbers of the KPI API, read a month at a time with rising progress', async ({ client, assert }) => {
    const org = await makeTenant()
    await feedScenario(org, { shiftDays: -40 })
    await feedScenario(org, { shiftDays: -20 })
    await feedScenario(org)
    const supervisor = await makeUser(org, ['supervisor'])

    const { job, reports } = await runRecorded(client, supervisor.auth, { format: 'csv', kind: 'kpis', ...QUARTER, by: 'day', kpis: ['offered', 'answered', 'service_level', 'asa', 'fcr'] })
    assert.equal(job.status, 'succeeded', job.error)
    assert.equal(job.kind, 'datacenter.export')
    assert.deepEqual(job.progress, { done: 3, total: 3, percent: 100 })
    assert.deepInclude(job.result, { rows: 3, format: 'csv', kind: 'kpis', fileName: 'kpis-by-day-2025-12-31.csv' })
    assert.deepEqual(reports, [[0, 3], [1, undefined], [2, undefined], [3, undefined]])

    const rows = await csvRows(client, supervisor.auth, job.id)
    assert.deepEqual(rows[0], ['Day', 'Offered', 'Answered', 'Service level (%)', 'ASA (s)', 'FCR (%)'])
    const api = (await client.get('/api/v1/datacenter/kpis').qs({ ...QUARTER, by: 'day' }).header('authorization', supervisor.auth)).body().data
    assert.lengthOf(api, 3)
    assert.deepEqual(rows.slice(1), api.map((r: any) => [r.key, String(r.offered), String(r.answered), percent(r.service_level), String(r.asa), percent(r.fcr)]))
    // The hand-worked day: SL 2 ÷ 5 = 40 %, ASA 16.75 s, FCR 2 ÷ 3 = 66.7 % (each copy of the scenario on its own day).
    assert.deepEqual(rows[3], ['2026-03-02', '6', '4', '40', '16.75', '66.7'])
  })

  test('an XLSX export by queue names the queues and keeps numbers as numbers; another organisation’s ids export nothing', async ({ client, assert }) => {
    const org = await makeTenant()
    const queue = await asAdmin(org, (scope) => createQueue(scope, { name: '=Sales' }))
    const scenario = await feedScenario(org, { ids: { Q: queue } })
    const executive = await makeUser(org, ['executive'])

    const { job } = await runRecorded(client, executive.auth, { format: 'xlsx', kind: 'kpis', ...SCENARIO_DAY, by: 'queue' })
    assert.equal(job.status, 'succeeded', job.error)
    const rows = await xlsxRows(org, job.id, 'KPIs')
    assert.deepEqual(rows[0].slice(0, 6), ['Queue ID', 'Queue', 'Offered', 'Answered', 'Abandoned', 'Short abandoned'])
    assert.lengthOf(rows[0], 18, 'the key, the name and every KPI by default')
    const api = (await client.get('/api/v1/datacenter/kpis').qs({ ...SCENARIO_DAY, by: 'queue' }).header('authorization', executive.auth)).body()
    const sales = rows.find((r) => r[0] === queue)!
    const apiSales = api.data.find((r: any) => r.key === queue)
    assert.deepEqual(sales.slice(1, 10), ["'=Sales", apiSales.offered, apiSales.answered, apiSales.abandoned, apiSales.short_abandoned, 25, 25, 19, Math.round(apiSales.aht * 100) / 100])
    // Queue Q of the hand-worked day: abandon rate (2 − 1) ÷ (5 − 1), SL 1 ÷ (3 + 1), ASA (10 + 25 + 22) ÷ 3.
    assert.deepEqual([apiSales.abandon_rate, apiSales.service_level, apiSales.asa], [0.25, 0.25, 19])
    const q2 = rows.find((r) => r[0] === scenario.ids.Q2)!
    assert.equal(q2[1], undefined, 'a queue the organisation does not have keeps an empty name')

    const other = await makeTenant()
    const theirs = await runRecorded(client, other.auth, { format: 'csv', kind: 'kpis', ...SCENARIO_DAY, by: 'queue', queueIds: [queue] })
    assert.equal(theirs.job.result.rows, 0)
    assert.deepEqual(await csvRows(client, other.auth, theirs.job.id), [['Queue ID', 'Queue', 'Offered', 'Answered', 'Abandoned', 'Short abandoned', 'Abandon rate (%)', 'Service level (%)', 'ASA (s)', 'AHT (s)', 'Average talk (s)', 'Average hold (s)', 'Average wrap-up (s)', 'Transfers', 'RONA', 'FCR (%)', 'Occupancy (%)', 'Utilization (%)']])
    ;(await client.get(`/api/v1/jobs/${job.id}`).header('authorization', other.auth)).assertStatus(404)
    ;(await client.get(`/api/v1/jobs/${job.id}/download`).header('authorization', other.auth)).assertStatus(404)
  })

  test('a contacts export pages through every contact behind a count, masking numbers, with progress per page', async ({ client, assert }) => {
    const org = await makeTenant()
    const scenario = await feedScenario(org)
    const supervisor = await makeUser(org, ['supervisor'])

    const { job, reports } = await runRecorded(client, supervisor.auth, { format: 'csv', kind: 'contacts', ...SCENARIO_DAY, kpi: 'offered' })
    assert.equal(job.status, 'succeeded', job.error)
    assert.deepInclude(job.result, { rows: 6, kind: 'contacts', fileName: 'contacts-offered-2026-03-02.csv' })
    assert.deepEqual(reports, [[0, 6], [6, undefined]])
    const rows = await csvRows(client, supervisor.auth, job.id)
    assert.deepEqual(rows[0].slice(0, 6), ['Call ID', 'Segment', 'Channel', 'Caller number', 'Queue', 'Agent'])
    const api = (await client.get('/api/v1/datacenter/contacts').qs({ ...SCENARIO_DAY, kpi: 'offered', perPage: 50 }).header('authorization', supervisor.auth)).body().data
    assert.deepEqual(rows.slice(1).map((r) => [r[0], Number(r[1]), r[3], Number(r[9]), r[15]]), api.map((c: any) => [c.callId, c.segmentNo, c.ani ? `'${c.ani}` : '', c.waitSeconds, c.outcome]))
    assert.equal(rows[2][3], "'+86*******0002", 'a supervisor sees numbers masked (and as text: a leading + would make a spreadsheet formula)')
    assert.deepEqual(rows.slice(1).map((r) => r[0]), [scenario.ids.c1, scenario.ids.c2, scenario.ids.c3, scenario.ids.c4, scenario.ids.c4, scenario.ids.c5])

    const revealed = await runRecorded(client, org.auth, { format: 'xlsx', kind: 'contacts', ...SCENARIO_DAY, kpi: 'short_abandoned' })
    const sheet = await xlsxRows(org, revealed.job.id, 'Contacts')
    assert.deepEqual(sheet.slice(1).map((r) => [r[0], r[1], r[3], r[9]]), [[scenario.ids.c2, 1, "'+8613800000002", 3]])
  })

  test('KPI exports by team name the teams, by number mark calls without one; contacts export narrows to a team or a number', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const [a, b] = [await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    await feedScenario(org, { ids: { A: a.user.id, B: b.user.id } })
    const team = await asAdmin(org, async (scope) => {
      const created = await createTeam(scope, { name: 'Night owls' })
      await setTeamMembers(scope, created.id, [b.user.id])
      return created.id
    })

    const byTeam = await runRecorded(client, supervisor.auth, { format: 'csv', kind: 'kpis', ...SCENARIO_DAY, by: 'team', kpis: ['offered', 'answered', 'rona'] })
    assert.equal(byTeam.job.status, 'succeeded', byTeam.job.error)
    assert.deepInclude(byTeam.job.result, { rows: 1, fileName: 'kpis-by-team-2026-03-02.csv' })
    // B handled c4's second leg and c5; c5's RONA is A's (A let it ring), so not the team's.
    assert.deepEqual(await csvRows(client, supervisor.auth, byTeam.job.id), [['Team ID', 'Team', 'Offered', 'Answered', 'RONA'], [team, 'Night owls', '2', '2', '0']])

    const byNumber = await runRecorded(client, supervisor.auth, { format: 'xlsx', kind: 'kpis', ...SCENARIO_DAY, by: 'number', kpis: ['offered', 'abandoned', 'occupancy'] })
    assert.equal(byNumber.job.status, 'succeeded', byNumber.job.error)
    const rows = await xlsxRows(org, byNumber.job.id, 'KPIs')
    assert.deepEqual(rows[0], ['Dialled number', 'Offered', 'Abandoned', 'Occupancy (%)'])
    assert.deepInclude(rows, ['(no number)', 1, 1])
    assert.deepInclude(rows, [`'${N1}`, 4, 1])

    const teamContacts = await runRecorded(client, supervisor.auth, { format: 'csv', kind: 'contacts', ...SCENARIO_DAY, kpi: 'offered', teamId: team })
    assert.equal(teamContacts.job.result.rows, 2)
    const numberless = await runRecorded(client, supervisor.auth, { format: 'csv', kind: 'contacts', ...SCENARIO_DAY, kpi: 'abandoned', number: '' })
    assert.equal(numberless.job.result.rows, 1, 'the web call without a number')
    const dialled = await runRecorded(client, supervisor.auth, { format: 'csv', kind: 'contacts', ...SCENARIO_DAY, kpi: 'offered', number: N1 })
    assert.equal(dialled.job.result.rows, 4)

    const other = await makeTenant()
    const theirs = await runRecorded(client, other.auth, { format: 'csv', kind: 'contacts', ...SCENARIO_DAY, kpi: 'offered', teamId: team })
    assert.equal(theirs.job.result.rows, 0, 'another organisation’s team matches nothing')
  })

  test('exports are validated, need reports.export, and are logged', async ({ client, assert }) => {
    const org = await makeTenant()
    const fieldOf = async (body: Record<string, unknown>) => {
      const response = await client.post('/api/v1/datacenter/exports').header('authorization', org.auth).json(body)
      response.assertStatus(422)
      await matchesContract(response)
      return response.body().errors[0].field
    }
    const good = { format: 'csv', kind: 'kpis', ...SCENARIO_DAY }
    assert.equal(await fieldOf({ ...good, format: 'pdf' }), 'format')
    assert.equal(await fieldOf({ ...good, kind: 'calls' }), 'kind')
    assert.equal(await fieldOf({ ...good, from: SCENARIO_DAY.to, to: SCENARIO_DAY.from }), 'to')
    assert.equal(await fieldOf({ ...good, from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }), 'to')
    assert.equal(await fieldOf({ ...good, kind: 'contacts' }), 'kpi')
    assert.equal(await fieldOf({ ...good, kpis: [] }), 'kpis')
    assert.equal(await fieldOf({ ...good, kpis: ['offered', 'mood'] }), 'kpis.1')
    assert.equal(await fieldOf({ ...good, queueIds: ['x'] }), 'queueIds.0')
    assert.equal(await fieldOf({ ...good, kind: 'contacts', kpi: 'offered', teamId: 'x' }), 'teamId')

    const agent = await makeUser(org, ['agent'])
    ;(await client.post('/api/v1/datacenter/exports').header('authorization', agent.auth).json(good)).assertStatus(403)
    const readerOnly = await asAdmin(org, async (scope) => {
      const role = await createRole(scope, { name: 'Report reader', permissions: ['reports.view'] })
      org.roleIds[role.key] = role.id
      return role.key
    })
    const reader = await makeUser(org, [readerOnly])
    ;(await client.get('/api/v1/datacenter/kpis').qs(SCENARIO_DAY).header('authorization', reader.auth)).assertStatus(200)
    ;(await client.post('/api/v1/datacenter/exports').header('authorization', reader.auth).json(good)).assertStatus(403)

    const queued = await client.post('/api/v1/datacenter/exports').header('authorization', org.auth).json({ ...good, by: 'channel' })
    queued.assertStatus(202)
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'datacenter.export' }).header('authorization', org.auth)
    assert.equal(log.body().data[0]?.targetId, queued.body().data.id)
    assert.deepInclude(log.body().data[0]?.after, { format: 'csv', kind: 'kpis', by: 'channel', from: SCENARIO_DAY.from })

    const payloads = [good, { ...good, kind: 'contacts', kpi: 'rona', queueId: '0190a8b4-1111-7000-8000-000000000001', channel: 'voice' }, { ...good, kind: 'contacts', kpi: 'offered', teamId: '0190a8b4-1111-7000-8000-000000000001', number: '' }, { ...good, by: 'team' }, { ...good, number: 'x'.repeat(121) }, { ...good, format: 'pdf' }, { ...good, by: 'week' }, { ...good, kpis: [] }, { ...good, from: undefined }]
    for (const payload of payloads) {
      const [error] = await exportValidator.tryValidate(payload)
      const problems = requestBodyProblems({ method: 'POST', path: '/api/v1/datacenter/exports' }, payload)
      assert.equal(problems.length === 0, !error, `${JSON.stringify(payload)}: validator ${error ? 'rejects' : 'accepts'}, document says ${problems.join('; ') || 'ok'}`)
    }
  })
})
