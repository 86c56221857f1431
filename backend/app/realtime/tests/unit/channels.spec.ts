import { test } from '@japa/runner'
import type { DomainEventEnvelope } from '#events/outbox'
import type { Permission } from '#identity/permissions'
import { channelName, parseChannel, refusalOf, routeOf, wireBody } from '#realtime/channels'

const TENANT = '0190a000-0000-7000-8000-000000000001'
const ANN = '0190a000-0000-7000-8000-0000000000a1'
const TEAM = '0190a000-0000-7000-8000-0000000000b1'
const USER = '0190a000-0000-7000-8000-0000000000c1'
const OTHER = '0190a000-0000-7000-8000-0000000000c2'

function event(type: string, payload: Record<string, unknown>, entityId = ANN): DomainEventEnvelope {
  return {
    id: '0190a000-0000-7000-8000-0000000000e1',
    tenantId: TENANT,
    type,
    schemaVersion: 1,
    occurredAt: '2030-01-01T00:00:00.000Z',
    actor: { type: 'user', id: USER },
    entity: { type: type.split('.')[0], id: entityId },
    payload,
  }
}

const user = (id: string, permissions: Permission[] = []) => ({ id, permissions: new Set(permissions) })

test.group('Realtime channels', () => {
  test('user and broadcast channels parse and name like the others', ({ assert }) => {
    const upper = `tenant/${TENANT.toUpperCase()}/user/${USER.toUpperCase()}`
    assert.deepEqual(parseChannel(upper), { tenantId: TENANT, channel: { kind: 'user', id: USER } })
    assert.deepEqual(parseChannel(`tenant/${TENANT}/broadcast`), { tenantId: TENANT, channel: { kind: 'broadcast' } })
    assert.equal(channelName(TENANT, { kind: 'user', id: USER }), `tenant/${TENANT}/user/${USER}`)
    assert.equal(channelName(TENANT, { kind: 'broadcast' }), `tenant/${TENANT}/broadcast`)
    assert.isNull(parseChannel(`tenant/${TENANT}/user`))
    assert.isNull(parseChannel(`tenant/${TENANT}/broadcast/${USER}`))
  })

  test('a user channel is its user’s alone; the broadcast is everyone’s; the others need their permission', ({ assert }) => {
    assert.isNull(refusalOf({ kind: 'user', id: USER }, user(USER)))
    assert.match(refusalOf({ kind: 'user', id: OTHER }, user(USER, ['agents.view', 'users.manage']))!, /Only its user/)
    assert.isNull(refusalOf({ kind: 'broadcast' }, user(USER)))
    assert.isNull(refusalOf({ kind: 'agent', id: USER }, user(USER, ['calls.handle'])))
    assert.match(refusalOf({ kind: 'agent', id: OTHER }, user(USER, ['calls.handle']))!, /agents\.view/)
    assert.match(refusalOf({ kind: 'queue', id: OTHER }, user(USER))!, /queues\.view/)
    assert.match(refusalOf({ kind: 'wallboard' }, user(USER, ['queues.view']))!, /agents\.view/)
  })

  test('announcements reach their audience: everyone on the broadcast, a team through its members, an acknowledgement its user', ({ assert }) => {
    assert.deepEqual(routeOf(event('announcement.published', { audience: 'organisation', teamIds: [] })), { channels: [{ kind: 'broadcast' }], teamIds: [] })
    assert.deepEqual(routeOf(event('announcement.published', { audience: 'teams', teamIds: [TEAM] })), { channels: [], teamIds: [TEAM] })
    assert.deepEqual(routeOf(event('announcement.withdrawn', { audience: 'teams', teamIds: [TEAM], ackCount: 0 })), { channels: [], teamIds: [TEAM] })
    assert.deepEqual(routeOf(event('announcement.acknowledged', { userId: USER })), { channels: [{ kind: 'user', id: USER }], teamIds: [] })
  })

  test('care tasks reach their assignee, and their team while unclaimed or when claimed', ({ assert }) => {
    const mine = { assigneeUserId: USER, assigneeTeamId: null }
    const team = { assigneeUserId: null, assigneeTeamId: TEAM }
    assert.deepEqual(routeOf(event('care_task.created', mine)), { channels: [{ kind: 'user', id: USER }], teamIds: [] })
    assert.deepEqual(routeOf(event('care_task.due', team)), { channels: [], teamIds: [TEAM] })
    assert.deepEqual(routeOf(event('care_task.claimed', { assigneeUserId: USER, assigneeTeamId: TEAM })), { channels: [{ kind: 'user', id: USER }], teamIds: [TEAM] })
    assert.deepEqual(routeOf(event('care_task.done', { assigneeUserId: USER, assigneeTeamId: TEAM })), { channels: [{ kind: 'user', id: USER }], teamIds: [] })
    assert.deepEqual(routeOf(event('care_task.skipped', team)), { channels: [], teamIds: [TEAM] })
    assert.deepEqual(routeOf(event('reminder.created', { userId: USER })).channels, [{ kind: 'user', id: USER }])
  })

  test('configuration changes go on the broadcast as their kind only; unrelated events go nowhere', ({ assert }) => {
    const created = event('embedded_app.created', { origin: 'https://crm.example.com' })
    assert.deepEqual(routeOf(created).channels, [{ kind: 'broadcast' }])
    assert.deepEqual(routeOf(event('care_rule.deleted', { kind: 'periodic', openTasksRemoved: 3 })).channels, [{ kind: 'broadcast' }])
    assert.deepEqual(routeOf(event('care_rule.updated', { changed: ['name'] })).channels, [])
    assert.deepEqual(routeOf(event('datacenter.settings_changed', { serviceLevelSeconds: 30 })).channels, [{ kind: 'wallboard' }])
    assert.deepEqual(routeOf(event('datacenter.report_created', { name: 'Weekly' })).channels, [])
    assert.deepEqual(routeOf(event('customer.created', {})).channels, [])
    assert.deepEqual(JSON.parse(wireBody(created, { kind: 'broadcast' })), {
      id: created.id,
      type: 'embedded_app.created',
      occurredAt: created.occurredAt,
      entity: created.entity,
      payload: {},
    })
    assert.deepEqual(JSON.parse(wireBody(created, { kind: 'user', id: USER })).payload, { origin: 'https://crm.example.com' })
  })

  test('call and agent events keep their routes', ({ assert }) => {
    assert.deepEqual(routeOf(event('agent.state_changed', { to: 'ready' }, USER)).channels, [{ kind: 'agent', id: USER }, { kind: 'wallboard' }])
    assert.deepEqual(routeOf(event('call.overflowed', { agentId: USER, queueId: TEAM, to: OTHER })).channels, [
      { kind: 'agent', id: USER },
      { kind: 'queue', id: TEAM },
      { kind: 'queue', id: OTHER },
      { kind: 'wallboard' },
    ])
  })
})
