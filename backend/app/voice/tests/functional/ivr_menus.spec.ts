import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { createQueue } from '#contact_center/actions/queues'
import { assertQueueUnused } from '#voice/actions/voice_targets'

type Tenant = Awaited<ReturnType<typeof makeTenant>>

function post(client: any, org: { auth: string }, body: Record<string, unknown>) {
  return client.post('/api/v1/ivr-menus').header('authorization', org.auth).json(body)
}

async function queues(org: Tenant) {
  return asAdmin(org, async (scope) => ({ sales: await createQueue(scope, { name: 'Sales' }), support: await createQueue(scope, { name: 'Support' }) }))
}

test.group('IVR menus', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin builds a menu tree: 1 sales, 2 support, 9 a sub-menu, timeout to sales', async ({ client, assert }) => {
    const org = await makeTenant()
    const { sales, support } = await queues(org)
    const sub = await post(client, org, { name: 'Billing questions', language: 'zh-CN', options: [{ digit: '#', label: 'Support', target: { type: 'queue', queueId: support } }] })
    sub.assertStatus(201)
    await matchesContract(sub)
    const main = await post(client, org, {
      name: 'Main menu',
      timeoutSeconds: 8,
      maxRetries: 3,
      options: [
        { digit: '1', label: 'Sales', target: { type: 'queue', queueId: sales } },
        { digit: '2', label: 'Support', target: { type: 'queue', queueId: support } },
        { digit: '9', label: 'Billing', target: { type: 'menu', ivrMenuId: sub.body().data.id } },
      ],
      defaultTarget: { type: 'queue', queueId: sales },
    })
    main.assertStatus(201)
    await matchesContract(main)
    assert.deepInclude(main.body().data, { name: 'Main menu', language: 'en', timeoutSeconds: 8, maxRetries: 3, greetingPromptId: null, defaultTarget: { type: 'queue', queueId: sales } })
    assert.deepEqual(main.body().data.options.map((o: any) => o.digit), ['1', '2', '9'])

    const list = await client.get('/api/v1/ivr-menus').header('authorization', org.auth)
    await matchesContract(list)
    assert.deepEqual(list.body().data.map((m: any) => m.name), ['Billing questions', 'Main menu'])
    const changed = await client.patch(`/api/v1/ivr-menus/${main.body().data.id}`).header('authorization', org.auth).json({ defaultTarget: null, options: [] })
    changed.assertStatus(200)
    await matchesContract(changed)
    assert.deepEqual([changed.body().data.defaultTarget, changed.body().data.options], [null, []])
    await matchesContract(await client.get(`/api/v1/ivr-menus/${main.body().data.id}`).header('authorization', org.auth))
    const types = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('ivr_menu.')).map((e) => e.type))
    assert.deepEqual(types, ['ivr_menu.created', 'ivr_menu.created', 'ivr_menu.updated'])
  })

  test('digits are unique, targets exist in the organisation, and a menu never sends callers to itself', async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const { sales } = await queues(a)
    const theirs = await queues(b)
    const theirMenu = (await post(client, b, { name: 'B menu' })).body().data.id
    const menu = (await post(client, a, { name: 'Main menu' })).body().data.id
    const option = (target: Record<string, unknown>, digit = '1') => ({ digit, label: 'Go', target })
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'X', options: [option({ type: 'queue', queueId: sales }), option({ type: 'queue', queueId: sales })] }, 'options.1.digit'],
      [{ name: 'X', options: [option({ type: 'queue', queueId: theirs.sales })] }, 'options.0.target.queueId'],
      [{ name: 'X', options: [option({ type: 'menu', ivrMenuId: theirMenu })] }, 'options.0.target.ivrMenuId'],
      [{ name: 'X', options: [option({ type: 'queue' })] }, 'options.0.target.queueId'],
      [{ name: 'X', options: [option({ type: 'queue', queueId: sales }, '10')] }, 'options.0.digit'],
      [{ name: 'X', defaultTarget: { type: 'queue', queueId: theirs.support } }, 'defaultTarget.queueId'],
      [{ name: 'X', greetingPromptId: theirMenu }, 'greetingPromptId'],
      [{ name: 'X', timeoutSeconds: 2 }, 'timeoutSeconds'],
      [{ name: 'X', maxRetries: 6 }, 'maxRetries'],
      [{ name: 'main MENU' }, 'name'],
    ]
    for (const [body, field] of cases) {
      const response = await post(client, a, body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      await matchesContract(response)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(body))
    }
    const self = await client.patch(`/api/v1/ivr-menus/${menu}`).header('authorization', a.auth).json({ options: [option({ type: 'menu', ivrMenuId: menu })] })
    self.assertStatus(422)
    assert.deepEqual([self.body().errors[0].field, self.body().errors[0].rule], ['options.0.target.ivrMenuId', 'different'])
    const list = await client.get('/api/v1/ivr-menus').header('authorization', a.auth)
    assert.deepEqual(list.body().data.map((m: any) => m.name), ['Main menu'])
  })

  test('a menu an entry point or another menu uses cannot be deleted; neither can a queue they send callers to', async ({ client, assert }) => {
    const org = await makeTenant()
    const { sales } = await queues(org)
    const sub = (await post(client, org, { name: 'Sub menu' })).body().data.id
    const main = (await post(client, org, { name: 'Main menu', options: [{ digit: '1', label: 'More', target: { type: 'menu', ivrMenuId: sub } }] })).body().data.id
    const widget = await client.post('/api/v1/entry-points').header('authorization', org.auth).json({ kind: 'web', name: 'Call button', target: { type: 'ivr', ivrMenuId: main } })

    const usedByMenu = await client.delete(`/api/v1/ivr-menus/${sub}`).header('authorization', org.auth)
    usedByMenu.assertStatus(409)
    await matchesContract(usedByMenu)
    assert.include(usedByMenu.body().error.message, 'IVR menu "Main menu"')
    const usedByEntry = await client.delete(`/api/v1/ivr-menus/${main}`).header('authorization', org.auth)
    usedByEntry.assertStatus(409)
    assert.include(usedByEntry.body().error.message, 'entry point "Call button"')

    await client.patch(`/api/v1/ivr-menus/${sub}`).header('authorization', org.auth).json({ defaultTarget: { type: 'queue', queueId: sales } })
    const error = await asAdmin(org, (scope) => assertQueueUnused(scope, sales).then(() => null, (e) => e))
    assert.equal(error?.status, 409)
    assert.include(error?.message, 'IVR menu "Sub menu"')

    ;(await client.delete(`/api/v1/entry-points/${widget.body().data.id}`).header('authorization', org.auth)).assertStatus(204)
    const removed = await client.delete(`/api/v1/ivr-menus/${main}`).header('authorization', org.auth)
    removed.assertStatus(204)
    await matchesContract(removed)
    ;(await client.delete(`/api/v1/ivr-menus/${sub}`).header('authorization', org.auth)).assertStatus(204)
  })

  test("another organisation's menu is a 404 and stays as it was", async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const theirs = (await post(client, b, { name: 'B menu' })).body().data.id
    for (const response of [
      await client.get(`/api/v1/ivr-menus/${theirs}`).header('authorization', a.auth),
      await client.patch(`/api/v1/ivr-menus/${theirs}`).header('authorization', a.auth).json({ name: 'Hijacked' }),
      await client.delete(`/api/v1/ivr-menus/${theirs}`).header('authorization', a.auth),
    ]) {
      response.assertStatus(404)
      await matchesContract(response)
    }
    const still = await client.get(`/api/v1/ivr-menus/${theirs}`).header('authorization', b.auth)
    assert.equal(still.body().data.name, 'B menu')
  })
})
