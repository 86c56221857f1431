import { test } from '@japa/runner'
import { EVENT_TOPICS, partitionKeyOf, topicOf } from '#events/topics'

test.group('Event topics', () => {
  test('call, leg and room events share the calls topic; agent and customer facts have their own', ({ assert }) => {
    assert.equal(topicOf('call.answered'), 'cc.calls')
    assert.equal(topicOf('leg.joined'), 'cc.calls')
    assert.equal(topicOf('room.finished'), 'cc.calls')
    assert.equal(topicOf('agent.state_changed'), 'cc.agents')
    assert.equal(topicOf('customer.created'), 'crm.customers')
  })

  test('the rest of a domain goes to its catch-all topic, an unknown domain to misc.events', ({ assert }) => {
    assert.equal(topicOf('queue.updated'), 'cc.events')
    assert.equal(topicOf('callback.scheduled'), 'cc.events')
    assert.equal(topicOf('customer_field.created'), 'crm.events')
    assert.equal(topicOf('care_task.completed'), 'crm.events')
    assert.equal(topicOf('ivr_menu.updated'), 'voice.events')
    assert.equal(topicOf('user.created'), 'identity.events')
    assert.equal(topicOf('tenant.created'), 'tenancy.events')
    assert.equal(topicOf('embedded_app.created'), 'workspace.events')
    assert.equal(topicOf('job.succeeded'), 'platform.events')
    assert.equal(topicOf('weather.changed'), 'misc.events')
    assert.equal(topicOf('constructor.called'), 'misc.events')
  })

  test('every topic an event can map to is one the broker is given', ({ assert }) => {
    for (const type of ['call.x', 'agent.x', 'queue.x', 'customer.x', 'customer_import.x', 'prompt.x', 'team.x', 'tenant.x', 'reminder.x', 'job.x', 'nope.x']) {
      assert.include(EVENT_TOPICS, topicOf(type))
    }
  })

  test('the key leads with the tenant, then the entity', ({ assert }) => {
    assert.equal(partitionKeyOf({ tenantId: 't-1', entity: { id: 'c-9' } }), 't-1:c-9')
  })
})
