import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { jobRunner } from '#jobs/job_runner'
import { makeTenant, makeUser } from '#tests/helpers'

test.group('Background jobs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an operation-log export runs as a job, reports progress and yields a CSV with every matching row', async ({ client, assert }) => {
    const org = await makeTenant()
    for (const name of ['Alpha', 'Beta', 'HYPERLINK team']) {
      await client.post('/api/v1/teams').header('authorization', org.auth).json({ name })
    }
    const queued = await client.post('/api/v1/audit-logs/exports').header('authorization', org.auth).json({ action: 'teams.store' })
    queued.assertStatus(202)
    const job = queued.body().data
    assert.equal(job.status, 'queued')
    assert.equal(job.kind, 'audit.export')

    assert.isTrue(await jobRunner.tick())
    const done = await client.get(`/api/v1/jobs/${job.id}`).header('authorization', org.auth)
    assert.equal(done.body().data.status, 'succeeded', JSON.stringify(done.body()))
    assert.deepEqual(done.body().data.progress, { done: 3, total: 3, percent: 100 })
    assert.isTrue(done.body().data.downloadable)

    const csv = await client.get(`/api/v1/jobs/${job.id}/download`).header('authorization', org.auth)
    csv.assertStatus(200)
    const lines = csv.text().replace(/^\uFEFF/, '').trim().split('\r\n')
    assert.lengthOf(lines, 4, 'a header and three rows')
    assert.isTrue(lines.slice(1).every((line) => line.includes(',teams.store,')))
    for (const name of ['Alpha', 'Beta', 'HYPERLINK']) assert.include(csv.text(), name)
  })

  test('a job is visible only to the user who started it', async ({ client }) => {
    const org = await makeTenant()
    const auditor = await makeUser(org, ['auditor'])
    const queued = await client.post('/api/v1/audit-logs/exports').header('authorization', org.auth).json({})
    const other = await client.get(`/api/v1/jobs/${queued.body().data.id}`).header('authorization', auditor.auth)
    other.assertStatus(404)
    const download = await client.get(`/api/v1/jobs/${queued.body().data.id}/download`).header('authorization', auditor.auth)
    download.assertStatus(404)
  })

  test('a file is not offered before the job has finished', async ({ client, assert }) => {
    const org = await makeTenant()
    const queued = await client.post('/api/v1/audit-logs/exports').header('authorization', org.auth).json({})
    const early = await client.get(`/api/v1/jobs/${queued.body().data.id}/download`).header('authorization', org.auth)
    early.assertStatus(409)
    assert.equal(early.body().error.code, 'E_CONFLICT')
  })

  test('an export needs audit.export, and the runner refuses a job whose owner lost it', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const denied = await client.post('/api/v1/audit-logs/exports').header('authorization', agent.auth).json({})
    denied.assertStatus(403)

    const auditor = await makeUser(org, ['auditor'])
    const queued = await client.post('/api/v1/audit-logs/exports').header('authorization', auditor.auth).json({})
    queued.assertStatus(202)
    await client.patch(`/api/v1/users/${auditor.user.id}`).header('authorization', org.auth).json({ roleIds: [org.roleIds.agent] })
    await jobRunner.tick()
    const job = await client.get(`/api/v1/jobs/${queued.body().data.id}`).header('authorization', auditor.auth)
    assert.equal(job.body().data.status, 'failed')
    assert.match(job.body().data.error, /audit\.export/)
  })
})
