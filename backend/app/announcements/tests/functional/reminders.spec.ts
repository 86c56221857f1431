import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'

type Org = Awaited<ReturnType<typeof makeTenant>>

async function customerOf(client: any, org: Org, ownerId: string, name = 'Customer') {
  const response = await client.post('/api/v1/customers').header('authorization', org.auth).json({ name, ownerId })
  response.assertStatus(201)
  return response.body().data.id as string
}

test.group('Reminders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an agent adds reminders, lists them by range, marks one done; the due list shows open ones due today', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const customerId = await customerOf(client, org, agent.user.id, '王小明')

    const created = await client.post('/api/v1/reminders').header('authorization', agent.auth).json({
      title: '回访王小明', note: '确认新套餐', dueAt: new Date(Date.now() - 60_000).toISOString(), customerId,
    })
    created.assertStatus(201)
    await matchesContract(created)
    const overdue = created.body().data
    assert.deepInclude(overdue, { title: '回访王小明', note: '确认新套餐', customerId, customerName: '王小明', done: false, doneAt: null })
    const later = (await client.post('/api/v1/reminders').header('authorization', agent.auth).json({ title: 'Team meeting', dueAt: '2030-03-01T02:00:00.000Z' })).body().data

    const ranged = await client.get('/api/v1/reminders').qs({ from: '2030-03-01T00:00:00.000Z', to: '2030-04-01T00:00:00.000Z' }).header('authorization', agent.auth)
    ranged.assertStatus(200)
    await matchesContract(ranged)
    assert.deepEqual(ranged.body().data.map((r: any) => r.id), [later.id])

    const due = await client.get('/api/v1/reminders/due').header('authorization', agent.auth)
    due.assertStatus(200)
    await matchesContract(due)
    assert.deepEqual(due.body().data.map((r: any) => r.id), [overdue.id])

    const done = await client.patch(`/api/v1/reminders/${overdue.id}`).header('authorization', agent.auth).json({ done: true })
    done.assertStatus(200)
    await matchesContract(done)
    assert.isTrue(done.body().data.done)
    assert.isString(done.body().data.doneAt)
    assert.deepEqual((await client.get('/api/v1/reminders/due').header('authorization', agent.auth)).body().data, [])

    const removed = await client.delete(`/api/v1/reminders/${later.id}`).header('authorization', agent.auth)
    removed.assertStatus(204)
    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('reminder.')))
    assert.deepEqual(events.map((e) => e.type), ['reminder.created', 'reminder.created', 'reminder.updated', 'reminder.deleted'])
    assert.notInclude(JSON.stringify(events), '确认新套餐', 'events carry no free text')
  })

  test("reminders are private: another user's reminder answers 404, even to the admin", async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const colleague = await makeUser(org, ['agent'])
    const mine = (await client.post('/api/v1/reminders').header('authorization', agent.auth).json({ title: 'Mine', dueAt: '2030-01-01T00:00:00.000Z' })).body().data
    for (const auth of [colleague.auth, org.auth]) {
      const changed = await client.patch(`/api/v1/reminders/${mine.id}`).header('authorization', auth).json({ done: true })
      changed.assertStatus(404)
      await matchesContract(changed)
      const removed = await client.delete(`/api/v1/reminders/${mine.id}`).header('authorization', auth)
      removed.assertStatus(404)
      const listed = await client.get('/api/v1/reminders').header('authorization', auth)
      assert.notInclude(listed.text(), mine.id)
    }
  })

  test('bad reminders answer 422; a customer the user cannot see is refused', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const other = await makeUser(org, ['agent'])
    const hidden = await customerOf(client, org, other.user.id)
    const foreign = await makeTenant()
    const foreignCustomer = await customerOf(client, foreign, foreign.user.id)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '', dueAt: '2030-01-01T00:00:00.000Z' }, 'title'],
      [{ title: 'x' }, 'dueAt'],
      [{ title: 'x', dueAt: 'tomorrow' }, 'dueAt'],
      [{ title: 'x', dueAt: '2030-01-01T00:00:00.000Z', customerId: hidden }, 'customerId'],
      [{ title: 'x', dueAt: '2030-01-01T00:00:00.000Z', customerId: foreignCustomer }, 'customerId'],
    ]
    for (const [body, field] of cases) {
      const response = await client.post('/api/v1/reminders').header('authorization', agent.auth).json(body)
      response.assertStatus(422)
      await matchesContract(response)
      assert.include(response.body().errors.map((e: any) => e.field), field, JSON.stringify(body))
    }
    const badRange = await client.get('/api/v1/reminders').qs({ from: 'yesterday' }).header('authorization', agent.auth)
    badRange.assertStatus(422)
  })

  test("another tenant's reminder answers 404", async ({ client }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const theirs = (await client.post('/api/v1/reminders').header('authorization', b.auth).json({ title: 'B', dueAt: '2030-01-01T00:00:00.000Z' })).body().data
    const response = await client.patch(`/api/v1/reminders/${theirs.id}`).header('authorization', a.auth).json({ title: 'Hijacked' })
    response.assertStatus(404)
  })
})
