import { test } from '@japa/runner'
import { PasswordGate } from '#identity/password_gate'
import { AppError } from '#shared/errors'

/** A job that finishes when the test says so. */
function deferred() {
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { done, finish }
}

test.group('Password gate', () => {
  test('no more than the cap run at once; the rest wait their turn in order', async ({ assert }) => {
    const gate = new PasswordGate(2, 10)
    const started: number[] = []
    const jobs = [0, 1, 2, 3].map(() => deferred())
    const runs = jobs.map((job, i) => gate.run(async () => { started.push(i); await job.done; return i }))
    await new Promise((r) => setImmediate(r))
    assert.deepEqual(started, [0, 1])
    assert.deepEqual(gate.load, { running: 2, waiting: 2 })
    jobs[0].finish()
    await runs[0]
    await new Promise((r) => setImmediate(r))
    assert.deepEqual(started, [0, 1, 2])
    jobs.slice(1).forEach((j) => j.finish())
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3])
    assert.deepEqual(gate.load, { running: 0, waiting: 0 })
  })

  test('past the waiting limit a caller is told the server is busy instead of queueing', async ({ assert }) => {
    const gate = new PasswordGate(1, 1)
    const job = deferred()
    const first = gate.run(() => job.done)
    const second = gate.run(async () => 'second')
    const third = gate.run(async () => 'third').catch((e) => e)
    const error = await third
    assert.instanceOf(error, AppError)
    assert.equal(error.status, 503)
    job.finish()
    await first
    assert.equal(await second, 'second')
  })

  test('a failing job releases its slot', async ({ assert }) => {
    const gate = new PasswordGate(1, 5)
    await assert.rejects(() => gate.run(async () => { throw new Error('boom') }))
    assert.equal(await gate.run(async () => 'next'), 'next')
    assert.deepEqual(gate.load, { running: 0, waiting: 0 })
  })
})
