import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { seedDemo, DEMO_SLUG } from '#database/seeders/demo_tenant'
import { PASSWORD } from '#tests/helpers'

test.group('Demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the demo organisation has a user per role, a team and two queues, and a second run changes nothing', async ({ client, assert }) => {
    const first = await seedDemo(PASSWORD)
    assert.isTrue(first.created)
    const logins: Record<string, string> = {}
    for (const email of ['admin', 'supervisor', 'agent1', 'agent2', 'agent3', 'executive']) {
      const response = await client.post('/api/v1/auth/login').json({ tenant: DEMO_SLUG, email: `${email}@demo.example`, password: PASSWORD })
      response.assertStatus(200)
      logins[email] = `Bearer ${response.body().data.token}`
    }
    const queues = await client.get('/api/v1/queues').header('authorization', logins.admin)
    assert.deepEqual(queues.body().data.map((q: any) => [q.name, q.memberIds.length]), [['Billing', 2], ['Hotline', 3]])
    const teams = await client.get('/api/v1/auth/me/teams').header('authorization', logins.supervisor)
    assert.deepEqual(teams.body().data.map((t: any) => [t.name, t.relation, t.members.length]), [['Front line', 'supervisor', 3]])

    const second = await seedDemo(PASSWORD)
    assert.isFalse(second.created)
    const again = await client.get('/api/v1/queues').header('authorization', logins.admin)
    assert.lengthOf(again.body().data, 2)
  })
})
