import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { KPI_DEFINITIONS, KPI_DIMENSIONS as LIBRARY_DIMENSIONS } from '@cc/analytics'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract, requestBodyProblems } from '#tests/openapi'
import { createQueue } from '#contact_center/actions/queues'
import { topicOf } from '#events/topics'
import { KPI_DIMENSIONS, KPI_KEYS } from '#datacenter/validators/datacenter'
import { createReportValidator } from '#datacenter/validators/reports'

const QUEUES_REPORT = {
  name: 'Queues this week',
  description: 'Service level per queue',
  shared: false,
  definition: { range: { from: '2026-03-01T16:00:00.000Z', to: '2026-03-08T16:00:00.000Z' }, by: 'queue', kpis: ['offered', 'service_level', 'asa'] },
}

const post = (client: any, auth: string, body: unknown) => client.post('/api/v1/datacenter/reports').header('authorization', auth).json(body)

test.group('Data center saved reports', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a reader keeps reports of their own and sees the shared ones; changing a shared one of someone else needs tenant.settings.manage', async ({ client, assert }) => {
    const org = await makeTenant()
    const queue = await asAdmin(org, (scope) => createQueue(scope, { name: 'Sales' }))
    const owner = await makeUser(org, ['supervisor'])
    const colleague = await makeUser(org, ['executive'])

    const mine = await post(client, owner.auth, { ...QUEUES_REPORT, definition: { ...QUEUES_REPORT.definition, queueIds: [queue] } })
    mine.assertStatus(201)
    await matchesContract(mine)
    const privateReport = mine.body().data
    assert.deepInclude(privateReport, { name: 'Queues this week', description: 'Service level per queue', shared: false, ownerId: owner.user.id, ownerName: owner.user.displayName, canEdit: true })
    assert.deepEqual(privateReport.definition, { ...QUEUES_REPORT.definition, queueIds: [queue], agentIds: [] })
    const sharedBody = { name: 'Daily heat map', shared: true, definition: { range: { preset: 'last_30_days' }, by: 'weekday_hour', kpis: ['offered'] } }
    const shared = (await post(client, owner.auth, sharedBody)).body().data
    assert.deepInclude(shared, { description: null, shared: true })

    const ownList = await client.get('/api/v1/datacenter/reports').header('authorization', owner.auth)
    await matchesContract(ownList)
    assert.deepEqual(ownList.body().data.map((r: any) => r.name), ['Daily heat map', 'Queues this week'], 'newest first')

    const theirList = await client.get('/api/v1/datacenter/reports').header('authorization', colleague.auth)
    assert.deepEqual(theirList.body().data.map((r: any) => [r.name, r.canEdit]), [['Daily heat map', false]])
    const hidden = await client.get(`/api/v1/datacenter/reports/${privateReport.id}`).header('authorization', colleague.auth)
    hidden.assertStatus(404)
    await matchesContract(hidden)
    ;(await client.put(`/api/v1/datacenter/reports/${privateReport.id}`).header('authorization', colleague.auth).json({ name: 'Mine now' })).assertStatus(404)
    const refused = await client.put(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', colleague.auth).json({ name: 'Mine now' })
    refused.assertStatus(403)
    await matchesContract(refused)
    ;(await client.delete(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', colleague.auth)).assertStatus(403)

    // The administrator holds tenant.settings.manage: shared reports of others are theirs to change, private ones stay hidden.
    const adminView = await client.get(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', org.auth)
    assert.isTrue(adminView.body().data.canEdit)
    const renamed = await client.put(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', org.auth).json({ name: 'Heat map', description: 'When calls come' })
    renamed.assertStatus(200)
    await matchesContract(renamed)
    assert.deepInclude(renamed.body().data, { name: 'Heat map', description: 'When calls come', ownerId: owner.user.id })
    ;(await client.get(`/api/v1/datacenter/reports/${privateReport.id}`).header('authorization', org.auth)).assertStatus(404)

    const taken = await client.put(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', owner.auth).json({ name: 'QUEUES THIS WEEK' })
    taken.assertStatus(422)
    assert.deepInclude(taken.body().errors[0], { field: 'name', rule: 'unique' })
    const sameNameElsewhere = await post(client, colleague.auth, QUEUES_REPORT)
    sameNameElsewhere.assertStatus(201)

    const changed = await client.put(`/api/v1/datacenter/reports/${privateReport.id}`).header('authorization', owner.auth).json({ shared: true, definition: { range: { preset: 'yesterday' }, by: 'agent', kpis: ['aht'] } })
    assert.deepEqual(changed.body().data.definition, { range: { preset: 'yesterday' }, by: 'agent', queueIds: [], agentIds: [], kpis: ['aht'] })
    assert.isTrue((await client.get(`/api/v1/datacenter/reports/${privateReport.id}`).header('authorization', colleague.auth)).body().data.shared)

    const gone = await client.delete(`/api/v1/datacenter/reports/${privateReport.id}`).header('authorization', owner.auth)
    gone.assertStatus(204)
    await matchesContract(gone)
    ;(await client.get(`/api/v1/datacenter/reports/${privateReport.id}`).header('authorization', owner.auth)).assertStatus(404)

    const log = await client.get('/api/v1/audit-logs').qs({ action: 'datacenter.reports_' }).header('authorization', org.auth)
    const actions = log.body().data.map((r: any) => `${r.action} ${r.result}`)
    assert.includeMembers(actions, ['datacenter.reports_store success', 'datacenter.reports_update success', 'datacenter.reports_update failure', 'datacenter.reports_destroy success', 'datacenter.reports_destroy failure'])
    const events = await asAdmin(org, (scope) => scope.trx.from('domain_events').where('type', 'like', 'datacenter.report_%').orderBy('id').select('type'))
    assert.equal(topicOf('datacenter.report_created'), 'datacenter.events')
    assert.deepEqual(events.map((e) => e.type), ['datacenter.report_created', 'datacenter.report_created', 'datacenter.report_updated', 'datacenter.report_created', 'datacenter.report_updated', 'datacenter.report_deleted'])

    const other = await makeTenant()
    ;(await client.get(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', other.auth)).assertStatus(404)
    ;(await client.put(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', other.auth).json({ name: 'Hijacked' })).assertStatus(404)
    ;(await client.delete(`/api/v1/datacenter/reports/${shared.id}`).header('authorization', other.auth)).assertStatus(404)
    assert.deepEqual((await client.get('/api/v1/datacenter/reports').header('authorization', other.auth)).body().data, [])
    const foreignQueue = await post(client, other.auth, { ...QUEUES_REPORT, definition: { ...QUEUES_REPORT.definition, queueIds: [queue] } })
    foreignQueue.assertStatus(422)
    assert.equal(foreignQueue.body().errors[0].field, 'definition.queueIds.0')
    const agent = await makeUser(org, ['agent'])
    ;(await client.get('/api/v1/datacenter/reports').header('authorization', agent.auth)).assertStatus(403)
  })

  test('a definition is checked in full: 422 naming the field', async ({ client, assert }) => {
    const org = await makeTenant()
    const definition = QUEUES_REPORT.definition
    const fieldOf = async (body: Record<string, unknown>) => {
      const response = await post(client, org.auth, body)
      response.assertStatus(422)
      await matchesContract(response)
      return response.body().errors[0].field
    }
    assert.equal(await fieldOf({ ...QUEUES_REPORT, name: '' }), 'name')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, name: 'x'.repeat(121) }), 'name')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, description: 'x'.repeat(501) }), 'description')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, shared: 'yes please' }), 'shared')
    assert.equal(await fieldOf({ name: 'No definition', shared: false }), 'definition')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, by: 'week' } }), 'definition.by')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, kpis: [] } }), 'definition.kpis')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, kpis: ['offered', 'happiness'] } }), 'definition.kpis.1')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, queueIds: ['not-a-uuid'] } }), 'definition.queueIds.0')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, agentIds: ['0190a8b4-0000-7000-8000-000000000000'] } }), 'definition.agentIds.0')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, range: { preset: 'next_week' } } }), 'definition.range.preset')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, range: { from: '2026-03-08T00:00:00Z' } } }), 'definition.range.to')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, range: { from: '2026-03-08T00:00:00Z', to: '2026-03-01T00:00:00Z' } } }), 'definition.range.to')
    assert.equal(await fieldOf({ ...QUEUES_REPORT, definition: { ...definition, range: { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } } }), 'definition.range.to')
    for (const by of ['team', 'number']) {
      const saved = await post(client, org.auth, { name: `By ${by}`, shared: false, definition: { range: { preset: 'this_month' }, by, kpis: ['offered', 'answered'] } })
      saved.assertStatus(201)
      assert.equal(saved.body().data.definition.by, by)
      ;(await client.delete(`/api/v1/datacenter/reports/${saved.body().data.id}`).header('authorization', org.auth)).assertStatus(204)
    }
    assert.deepEqual((await client.get('/api/v1/datacenter/reports').header('authorization', org.auth)).body().data, [])
  })

  test('the KPI columns and groupings are the KPI library’s, and the documented body judges like the validator', async ({ assert }) => {
    assert.deepEqual([...KPI_KEYS], KPI_DEFINITIONS.map((d) => d.key))
    assert.deepEqual([...KPI_DIMENSIONS], [...LIBRARY_DIMENSIONS], 'the same groupings, in the library’s order')
    const definition = QUEUES_REPORT.definition
    const payloads = [
      QUEUES_REPORT,
      { name: 'Preset', shared: true, definition: { range: { preset: 'this_month' }, by: 'day', queueIds: [], agentIds: ['0190a8b4-1111-7000-8000-000000000001'], kpis: KPI_KEYS } },
      { ...QUEUES_REPORT, name: '' },
      { ...QUEUES_REPORT, description: null },
      { ...QUEUES_REPORT, shared: undefined },
      { ...QUEUES_REPORT, definition: { ...definition, by: 'week' } },
      { ...QUEUES_REPORT, definition: { ...definition, by: 'team' } },
      { ...QUEUES_REPORT, definition: { ...definition, by: 'number' } },
      { ...QUEUES_REPORT, definition: { ...definition, kpis: [] } },
      { ...QUEUES_REPORT, definition: { ...definition, kpis: ['offered', 'offered'] } },
      { ...QUEUES_REPORT, definition: { ...definition, range: { preset: 'next_week' } } },
      { ...QUEUES_REPORT, definition: { ...definition, range: { from: '2026-03-08T00:00:00Z' } } },
      { ...QUEUES_REPORT, definition: { ...definition, queueIds: ['x'] } },
    ]
    for (const payload of payloads) {
      const [error] = await createReportValidator.tryValidate(payload)
      const problems = requestBodyProblems({ method: 'POST', path: '/api/v1/datacenter/reports' }, payload)
      assert.equal(problems.length === 0, !error, `${JSON.stringify(payload)}: validator ${error ? 'rejects' : 'accepts'}, document says ${problems.join('; ') || 'ok'}`)
    }
  })
})
