import { test } from '@japa/runner'
import { canTransition } from '#contact_center/agent_state_machine'

test.group('Agent state machine', () => {
  test('an agent signs in, goes ready and not ready, and signs out', ({ assert }) => {
    assert.isTrue(canTransition('offline', 'not_ready', 'agent', false))
    assert.isTrue(canTransition('not_ready', 'ready', 'agent', false))
    assert.isTrue(canTransition('ready', 'not_ready', 'agent', false))
    assert.isTrue(canTransition('ready', 'offline', 'agent', false))
  })

  test('an agent cannot leave a reserved or busy state by themselves', ({ assert }) => {
    for (const to of ['ready', 'not_ready', 'offline'] as const) {
      assert.isFalse(canTransition('reserved', to, 'agent', false))
      assert.isFalse(canTransition('busy', to, 'agent', false))
    }
  })

  test('only the ACD reserves, connects and releases an agent', ({ assert }) => {
    assert.isFalse(canTransition('ready', 'reserved', 'agent', false))
    assert.isTrue(canTransition('ready', 'reserved', 'system', false))
    assert.isTrue(canTransition('reserved', 'busy', 'system', false))
    assert.isTrue(canTransition('busy', 'wrap_up', 'system', false))
    assert.isFalse(canTransition('not_ready', 'reserved', 'system', false))
  })

  test('a locked agent cannot change state, but a supervisor can move them', ({ assert }) => {
    assert.isFalse(canTransition('not_ready', 'ready', 'agent', true))
    assert.isTrue(canTransition('not_ready', 'ready', 'supervisor', true))
    assert.isFalse(canTransition('busy', 'ready', 'supervisor', false))
  })

  test('an agent in wrap-up finishes it by going ready or not ready', ({ assert }) => {
    assert.isTrue(canTransition('wrap_up', 'ready', 'agent', false))
    assert.isTrue(canTransition('wrap_up', 'not_ready', 'agent', false))
    assert.isFalse(canTransition('wrap_up', 'offline', 'agent', false))
  })
})
