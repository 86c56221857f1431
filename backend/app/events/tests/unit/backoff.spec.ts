import { test } from '@japa/runner'
import { backoffDelay } from '#events/relay/backoff'

test.group('Relay backoff', () => {
  const noJitter = () => 0

  test('the delay doubles after each failure and stops growing at the cap', ({ assert }) => {
    const options = { initialMs: 250, maxMs: 30000 }
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempt) => backoffDelay(attempt, options, noJitter))
    assert.deepEqual(delays, [250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000])
    assert.equal(backoffDelay(10_000, options, noJitter), 30000)
  })

  test('jitter only shortens the delay, by at most its share', ({ assert }) => {
    const options = { initialMs: 1000, maxMs: 60000, jitter: 0.2 }
    assert.equal(backoffDelay(3, options, () => 0), 4000)
    assert.equal(backoffDelay(3, options, () => 0.999999), 3200)
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(3, options)
      assert.isAtLeast(delay, 3200)
      assert.isAtMost(delay, 4000)
    }
  })

  test('a custom factor grows the delay by that much', ({ assert }) => {
    assert.equal(backoffDelay(3, { initialMs: 100, maxMs: 10000, factor: 3, jitter: 0 }), 900)
  })
})
