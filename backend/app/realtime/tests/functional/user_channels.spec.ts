import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { newId } from '#shared/ids'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { createTeam, setTeamMembers } from '#identity/actions/teams'
import { realtimeGateway } from '#realtime/gateway'
import { connect, type Message } from '#realtime/tests/support/ws_client'

type Org = Awaited<ReturnType<typeof makeTenant>>
type Client = Awaited<ReturnType<typeof connect>>

/** A connection of the user following their own channel and the tenant's broadcast, both snapshots in. */
async function follow(org: Org, user: { user: { id: string }; token: string }) {
  const ws = await connect(user.token)
  const own = `tenant/${org.tenant.id}/user/${user.user.id}`
  const broadcast = `tenant/${org.tenant.id}/broadcast`
  ws.send({ type: 'subscribe', channel: own })
  ws.send({ type: 'subscribe', channel: broadcast })
  await ws.next((m) => m.type === 'snapshot' && m.channel === own)
  await ws.next((m) => m.type === 'snapshot' && m.channel === broadcast)
  return Object.assign(ws, { own, broadcast })
}

const typesOn = (ws: Client, channel: string) => ws.messages.filter((m) => m.type === 'event' && m.channel === channel).map((m) => m.event.type)
const eventOf = (type: string, channel?: string) => (m: Message) => m.type === 'event' && m.event.type === type && (!channel || m.channel === channel)

test.group('Realtime user channels and the broadcast', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a user follows their own channel and the broadcast; another user’s channel is forbidden, another tenant’s not found', async ({ assert, cleanup }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const ws = await connect(org.token)
    cleanup(ws.close)

    ws.send({ type: 'subscribe', channel: `tenant/${org.tenant.id}/user/${org.user.id}` })
    const own = await ws.next((m) => m.type === 'snapshot')
    assert.deepEqual(own.data, {})
    assert.isNumber(own.seq)

    // Even the admin, who holds every permission, cannot listen on an agent's personal channel.
    const theirs = `tenant/${org.tenant.id}/user/${agent.user.id}`
    ws.send({ type: 'subscribe', channel: theirs })
    const refused = await ws.next((m) => m.type === 'error' && m.channel === theirs)
    assert.equal(refused.code, 'E_FORBIDDEN')

    for (const channel of [`tenant/${other.tenant.id}/user/${other.user.id}`, `tenant/${other.tenant.id}/broadcast`]) {
      ws.send({ type: 'subscribe', channel })
      assert.equal((await ws.next((m) => m.type === 'error' && m.channel === channel)).code, 'E_NOT_FOUND')
    }

    const plain = await connect(agent.token)
    cleanup(plain.close)
    plain.send({ type: 'subscribe', channel: `tenant/${org.tenant.id}/broadcast` })
    assert.deepEqual((await plain.next((m) => m.type === 'snapshot')).data, {})
  })

  test('a team announcement reaches its members’ own channels and nobody else; an organisation one goes on the broadcast without its text', async ({ client, assert, cleanup }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const [member, outsider] = [await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    const team = await asAdmin(org, async (scope) => {
      const created = await createTeam(scope, { name: 'Night shift' })
      await setTeamMembers(scope, created.id, [member.user.id])
      return created.id
    })
    const [memberWs, outsiderWs] = [await follow(org, member), await follow(org, outsider)]
    cleanup(memberWs.close)
    cleanup(outsiderWs.close)

    const posted = await client.post('/api/v1/announcements').header('authorization', supervisor.auth).json({ title: 'Night plan', body: 'Secret body text', audience: 'teams', teamIds: [team] })
    posted.assertStatus(201)
    const published = await memberWs.next(eventOf('announcement.published', memberWs.own))
    assert.equal(published.event.entity.id, posted.body().data.id)
    assert.deepInclude(published.event.payload, { audience: 'teams', teamIds: [team] })

    // An organisation announcement after it is the outsider's sync point: the team one never came.
    const everyone = await client.post('/api/v1/announcements').header('authorization', supervisor.auth).json({ title: 'Canteen', body: 'Closed on Friday', audience: 'organisation' })
    everyone.assertStatus(201)
    const broadcast = await outsiderWs.next(eventOf('announcement.published', outsiderWs.broadcast))
    assert.deepEqual(broadcast.event.payload, {})
    assert.equal(broadcast.event.entity.id, everyone.body().data.id)
    assert.deepEqual(typesOn(outsiderWs, outsiderWs.own), [])
    assert.notInclude(JSON.stringify(outsiderWs.messages), 'Night plan')
    assert.notInclude(JSON.stringify([...memberWs.messages, ...outsiderWs.messages]), 'Secret body text')

    const ack = await client.post(`/api/v1/announcements/${posted.body().data.id}/acknowledge`).header('authorization', member.auth).json({})
    ack.assertStatus(200)
    await memberWs.next(eventOf('announcement.acknowledged', memberWs.own))

    const withdrawn = await client.delete(`/api/v1/announcements/${posted.body().data.id}`).header('authorization', supervisor.auth)
    withdrawn.assertStatus(204)
    await memberWs.next(eventOf('announcement.withdrawn', memberWs.own))
    await client.delete(`/api/v1/announcements/${everyone.body().data.id}`).header('authorization', supervisor.auth)
    await outsiderWs.next(eventOf('announcement.withdrawn', outsiderWs.broadcast))
    assert.deepEqual(typesOn(outsiderWs, outsiderWs.own), [])
  })

  test('care tasks reach their assignee, and every member of their team while unclaimed', async ({ assert, cleanup }) => {
    const org = await makeTenant()
    const [bob, carol, dave] = [await makeUser(org, ['agent']), await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    const team = await asAdmin(org, async (scope) => {
      const created = await createTeam(scope, { name: 'Care desk' })
      await setTeamMembers(scope, created.id, [bob.user.id, carol.user.id])
      return created.id
    })
    const [bobWs, carolWs, daveWs] = [await follow(org, bob), await follow(org, carol), await follow(org, dave)]
    for (const ws of [bobWs, carolWs, daveWs]) cleanup(ws.close)

    const task = newId()
    const envelope = (type: string, payload: Record<string, unknown>) => ({
      id: newId(),
      tenantId: org.tenant.id,
      type,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      actor: { type: 'system', id: null },
      entity: { type: 'care_task', id: task },
      payload: { ruleId: newId(), kind: 'periodic', customerId: newId(), dueDate: '2030-01-01', ...payload },
    })
    await realtimeGateway.publish(envelope('care_task.created', { assigneeUserId: null, assigneeTeamId: team }))
    await realtimeGateway.publish(envelope('care_task.claimed', { assigneeUserId: carol.user.id, assigneeTeamId: team }))
    await realtimeGateway.publish(envelope('care_task.done', { assigneeUserId: carol.user.id, assigneeTeamId: team }))
    await realtimeGateway.publish(envelope('care_task.created', { assigneeUserId: dave.user.id, assigneeTeamId: null }))

    await carolWs.next(eventOf('care_task.done'))
    await bobWs.next(eventOf('care_task.claimed'))
    await daveWs.next(eventOf('care_task.created'))
    assert.deepEqual(typesOn(carolWs, carolWs.own), ['care_task.created', 'care_task.claimed', 'care_task.done'], 'in commit order')
    assert.deepEqual(typesOn(bobWs, bobWs.own), ['care_task.created', 'care_task.claimed'])
    assert.deepEqual(typesOn(daveWs, daveWs.own), ['care_task.created'])
    const seqs = carolWs.messages.filter((m) => m.type === 'event' && m.channel === carolWs.own).map((m) => m.seq!)
    assert.deepEqual(seqs, [seqs[0], seqs[0] + 1, seqs[0] + 2])
  })

  test('an embedded app change reaches every signed-in user of the tenant as its kind only, and no other tenant', async ({ client, assert, cleanup }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const stranger = await makeUser(other, ['agent'])
    const [agentWs, strangerWs] = [await follow(org, agent), await follow(other, stranger)]
    cleanup(agentWs.close)
    cleanup(strangerWs.close)

    const created = await client.post('/api/v1/embedded-apps').header('authorization', org.auth).json({ name: 'CRM', urlTemplate: 'https://crm.example.com/pop?phone={ani}' })
    created.assertStatus(201)
    const id = created.body().data.id
    await client.patch(`/api/v1/embedded-apps/${id}`).header('authorization', org.auth).json({ enabled: false })
    await client.delete(`/api/v1/embedded-apps/${id}`).header('authorization', org.auth)
    await agentWs.next(eventOf('embedded_app.deleted', agentWs.broadcast))
    assert.deepEqual(typesOn(agentWs, agentWs.broadcast), ['embedded_app.created', 'embedded_app.updated', 'embedded_app.deleted'])
    const events = agentWs.messages.filter((m) => m.type === 'event').map((m) => m.event)
    assert.deepEqual(events.map((e) => e.payload), [{}, {}, {}])
    assert.deepEqual(events.map((e) => e.entity), Array(3).fill({ type: 'embedded_app', id }))
    assert.notInclude(JSON.stringify(agentWs.messages), 'crm.example.com')
    assert.lengthOf(strangerWs.messages.filter((m) => m.type === 'event'), 0)
  })
})
