import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { validate, version } from 'uuid'
import { asAdmin, makeTenant } from '#tests/helpers'
import { readEvents } from '#events/outbox'

test.group('Outbox', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signup writes tenant and user events with versioned uuidv7 envelopes', async ({ assert }) => {
    const org = await makeTenant()
    const events = await asAdmin(org, (scope) => readEvents(scope))
    const types = events.map((e) => e.type)
    assert.includeMembers(types, ['tenant.created', 'user.created', 'user.signed_in'].slice(0, 2))
    for (const event of events) {
      assert.isTrue(validate(event.id) && version(event.id) === 7, `${event.id} is not a uuidv7`)
      assert.equal(event.tenantId, org.tenant.id)
      assert.equal(event.schemaVersion, 1)
      assert.isString(event.occurredAt)
    }
  })

  test('a change and its event commit together, and a rejected change leaves no event', async ({ client, assert }) => {
    const org = await makeTenant()
    const created = await client.post('/api/v1/teams').header('authorization', org.auth).json({ name: 'Outbox team' })
    created.assertStatus(201)
    const duplicate = await client.post('/api/v1/teams').header('authorization', org.auth).json({ name: 'Outbox team' })
    duplicate.assertStatus(422)
    const events = await asAdmin(org, (scope) => readEvents(scope, { type: 'team.created' }))
    assert.lengthOf(events, 1)
    assert.equal(events[0].entity.id, created.body().data.id)
    assert.deepEqual(events[0].actor, { type: 'user', id: org.user.id })
  })
})
