import { test } from 'node:test'
import assert from 'node:assert/strict'
import { envelopeProblems, partitionKeyOf, topicOf } from './envelope.ts'

const good = {
  id: '01a2288c-bbfe-765a-827d-6b6a3e35e34c',
  tenantId: '01a2288c-bc3a-7447-9710-7485bd8af180',
  type: 'call.answered',
  schemaVersion: 1,
  occurredAt: '2026-11-29T18:00:00.000Z',
  actor: { type: 'user', id: null },
  entity: { type: 'call', id: 'c1' },
  payload: {},
}

test('the ingestor routes with the backend mapping: call and leg events share the calls topic', () => {
  assert.equal(topicOf('call.answered'), 'cc.calls')
  assert.equal(topicOf('leg.ended'), 'cc.calls')
  assert.equal(topicOf('agent.state_changed'), 'cc.agents')
  assert.equal(topicOf('weather.changed'), 'misc.events')
})

test('the partition key leads with the tenant', () => {
  assert.equal(partitionKeyOf(good), `${good.tenantId}:c1`)
})

test('a well-formed envelope has no problems and a broken one lists each', () => {
  assert.deepEqual(envelopeProblems(good), [])
  const broken = envelopeProblems({ ...good, id: 'x', type: 'Call', schemaVersion: 0, occurredAt: 'never', entity: {} })
  assert.equal(broken.length, 5)
})
