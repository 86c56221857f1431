import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { createTeam, setTeamMembers } from '#identity/actions/teams'

type Org = Awaited<ReturnType<typeof makeTenant>>

async function teamOf(org: Org, name: string, userIds: string[]) {
  return asAdmin(org, async (scope) => {
    const id = (await createTeam(scope, { name })).id
    await setTeamMembers(scope, id, userIds)
    return id
  })
}

async function inboxIds(client: any, auth: string): Promise<string[]> {
  const response = await client.get('/api/v1/announcements/inbox').header('authorization', auth)
  response.assertStatus(200)
  return response.body().data.map((a: any) => a.id)
}

test.group('Announcements', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor posts to a team: its members see it, others do not; it is logged and published', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const member = await makeUser(org, ['agent'])
    const outsider = await makeUser(org, ['agent'])
    const team = await teamOf(org, 'Night shift', [member.user.id])

    const posted = await client.post('/api/v1/announcements').header('authorization', supervisor.auth).json({
      title: '系统维护通知', body: '今晚 22:00 起系统维护一小时', priority: 'urgent', audience: 'teams', teamIds: [team], expiresAt: '2099-01-01T00:00:00.000Z',
    })
    posted.assertStatus(201)
    await matchesContract(posted)
    const notice = posted.body().data
    assert.deepInclude(notice, { title: '系统维护通知', priority: 'urgent', audience: 'teams', recipientCount: 1, ackCount: 0, createdBy: supervisor.user.id, expiresAt: '2099-01-01T00:00:00.000Z' })
    assert.deepEqual(notice.teams, [{ id: team, name: 'Night shift' }])

    const inbox = await client.get('/api/v1/announcements/inbox').header('authorization', member.auth)
    inbox.assertStatus(200)
    await matchesContract(inbox)
    assert.deepEqual(inbox.body().data.map((a: any) => [a.id, a.acknowledgedAt]), [[notice.id, null]])
    assert.notInclude(await inboxIds(client, outsider.auth), notice.id)
    const foreignAck = await client.post(`/api/v1/announcements/${notice.id}/acknowledge`).header('authorization', outsider.auth)
    foreignAck.assertStatus(404)

    const forbidden = await client.post('/api/v1/announcements').header('authorization', member.auth).json({ title: 'x', body: 'y', audience: 'organisation' })
    forbidden.assertStatus(403)

    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('announcement.')))
    assert.deepEqual(events.map((e) => e.type), ['announcement.published'])
    assert.deepInclude(events[0].payload, { audience: 'teams', teamIds: [team], priority: 'urgent' })
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'announcements.', result: 'success' }).header('authorization', org.auth)
    assert.include(log.body().data.map((entry: any) => entry.targetId), notice.id)
  })

  test('acknowledging is idempotent and supervisors see who acknowledged', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const first = await makeUser(org, ['agent'])
    const second = await makeUser(org, ['agent'])
    const normal = await client.post('/api/v1/announcements').header('authorization', supervisor.auth).json({ title: 'Canteen', body: 'Closed on Friday', audience: 'organisation' })
    const urgent = await client.post('/api/v1/announcements').header('authorization', supervisor.auth).json({ title: 'Outage', body: 'Use the backup line', audience: 'organisation', priority: 'urgent' })
    const [normalId, urgentId] = [normal.body().data.id, urgent.body().data.id]
    assert.deepEqual(await inboxIds(client, first.auth), [urgentId, normalId], 'urgent first among unread')

    const acked = await client.post(`/api/v1/announcements/${urgentId}/acknowledge`).header('authorization', first.auth)
    acked.assertStatus(200)
    await matchesContract(acked)
    const at = acked.body().data.acknowledgedAt
    assert.isString(at)
    const again = await client.post(`/api/v1/announcements/${urgentId}/acknowledge`).header('authorization', first.auth)
    again.assertStatus(200)
    assert.equal(again.body().data.acknowledgedAt, at, 'the first acknowledgement stays')
    assert.deepEqual(await inboxIds(client, first.auth), [normalId, urgentId], 'unread first')

    const shown = await client.get(`/api/v1/announcements/${urgentId}`).header('authorization', supervisor.auth)
    shown.assertStatus(200)
    await matchesContract(shown)
    assert.equal(shown.body().data.ackCount, 1)
    assert.isAtLeast(shown.body().data.recipientCount, 4, 'admin, supervisor and two agents')

    const who = await client.get(`/api/v1/announcements/${urgentId}/acknowledgements`).header('authorization', supervisor.auth)
    who.assertStatus(200)
    await matchesContract(who)
    const rows = who.body().data
    assert.deepEqual(rows[0], { userId: first.user.id, displayName: first.user.displayName, acknowledgedAt: at })
    assert.deepInclude(rows, { userId: second.user.id, displayName: second.user.displayName, acknowledgedAt: null })

    const list = await client.get('/api/v1/announcements').header('authorization', supervisor.auth)
    list.assertStatus(200)
    await matchesContract(list)
    assert.deepEqual(list.body().data.map((a: any) => [a.id, a.ackCount]), [[urgentId, 1], [normalId, 0]])
    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type === 'announcement.acknowledged'))
    assert.lengthOf(events, 1)
    assert.equal(events[0].payload.userId, first.user.id)

    const withdrawn = await client.delete(`/api/v1/announcements/${normalId}`).header('authorization', supervisor.auth)
    withdrawn.assertStatus(204)
    assert.deepEqual(await inboxIds(client, second.auth), [urgentId])
  })

  test('expired announcements leave the inbox', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const posted = await client.post('/api/v1/announcements').header('authorization', org.auth).json({ title: 'Soon gone', body: 'x', audience: 'organisation' })
    const id = posted.body().data.id
    await asAdmin(org, (scope) => scope.trx.from('announcements').where('id', id).update({ expires_at: new Date(Date.now() - 1000) }))
    assert.notInclude(await inboxIds(client, agent.auth), id)
  })

  test('bad announcements answer 422 with the field named', async ({ client, assert }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    const foreignTeam = await teamOf(other, 'Foreign', [])
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '', body: 'x', audience: 'organisation' }, 'title'],
      [{ title: 'x', body: 'x', audience: 'everyone' }, 'audience'],
      [{ title: 'x', body: 'x', audience: 'organisation', priority: 'high' }, 'priority'],
      [{ title: 'x', body: 'x', audience: 'teams' }, 'teamIds'],
      [{ title: 'x', body: 'x', audience: 'teams', teamIds: [foreignTeam] }, 'teamIds'],
      [{ title: 'x', body: 'x', audience: 'organisation', teamIds: [foreignTeam] }, 'teamIds'],
      [{ title: 'x', body: 'x', audience: 'organisation', expiresAt: '2000-01-01T00:00:00.000Z' }, 'expiresAt'],
    ]
    for (const [body, field] of cases) {
      const response = await client.post('/api/v1/announcements').header('authorization', org.auth).json(body)
      response.assertStatus(422)
      await matchesContract(response)
      assert.include(response.body().errors.map((e: any) => e.field), field, JSON.stringify(body))
    }
  })

  test("another tenant's announcement answers 404 and never shows in the inbox", async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const posted = await client.post('/api/v1/announcements').header('authorization', b.auth).json({ title: 'B only', body: 'x', audience: 'organisation' })
    const id = posted.body().data.id
    for (const [method, url] of [['GET', `/api/v1/announcements/${id}`], ['GET', `/api/v1/announcements/${id}/acknowledgements`], ['POST', `/api/v1/announcements/${id}/acknowledge`], ['DELETE', `/api/v1/announcements/${id}`]]) {
      const response = await client.request(url, method).header('authorization', a.auth)
      response.assertStatus(404)
    }
    assert.notInclude(await inboxIds(client, a.auth), id)
  })
})
