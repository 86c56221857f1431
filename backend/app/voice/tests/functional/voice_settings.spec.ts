import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { seedDemo, DEMO_NUMBER, DEMO_SLUG } from '#database/seeders/demo_tenant'
import { PASSWORD } from '#tests/helpers'

test.group('Voice settings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an organisation records on demand until an admin changes it; the caller id is stored in E.164', async ({ client, assert }) => {
    const org = await makeTenant()
    const initial = await client.get('/api/v1/voice/settings').header('authorization', org.auth)
    initial.assertStatus(200)
    await matchesContract(initial)
    assert.deepEqual(initial.body().data, { recordingMode: 'on_demand', announcePosition: true, outboundCallerId: null, notifyAgentOfSupervision: true })
    const saved = await client.put('/api/v1/voice/settings').header('authorization', org.auth).json({ recordingMode: 'always', outboundCallerId: '(415) 555-0100' })
    saved.assertStatus(200)
    await matchesContract(saved)
    assert.deepEqual(saved.body().data, { recordingMode: 'always', announcePosition: true, outboundCallerId: '+14155550100', notifyAgentOfSupervision: true })
    const again = await client.put('/api/v1/voice/settings').header('authorization', org.auth).json({ announcePosition: false, outboundCallerId: null, notifyAgentOfSupervision: false })
    assert.deepEqual(again.body().data, { recordingMode: 'always', announcePosition: false, outboundCallerId: null, notifyAgentOfSupervision: false })

    for (const [body, field] of [[{ recordingMode: 'sometimes' }, 'recordingMode'], [{ outboundCallerId: '12345' }, 'outboundCallerId']] as const) {
      const bad = await client.put('/api/v1/voice/settings').header('authorization', org.auth).json(body)
      bad.assertStatus(422)
      await matchesContract(bad)
      assert.equal(bad.body().errors[0].field, field)
    }
    const events = await asAdmin(org, (scope) => readEvents(scope, { type: 'voice_settings.updated' }))
    assert.lengthOf(events, 2)
    const supervisor = await makeUser(org, ['supervisor'])
    ;(await client.put('/api/v1/voice/settings').header('authorization', supervisor.auth).json({ recordingMode: 'never' })).assertStatus(403)
    const b = await makeTenant()
    const theirs = await client.get('/api/v1/voice/settings').header('authorization', b.auth)
    assert.equal(theirs.body().data.recordingMode, 'on_demand', 'settings are per organisation')
  })

  test('a queue may override the recording mode; null follows the organisation', async ({ client, assert }) => {
    const org = await makeTenant()
    const created = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Complaints', recordingMode: 'always' })
    created.assertStatus(201)
    await matchesContract(created)
    assert.equal(created.body().data.recordingMode, 'always')
    const reset = await client.patch(`/api/v1/queues/${created.body().data.id}`).header('authorization', org.auth).json({ recordingMode: null })
    await matchesContract(reset)
    assert.isNull(reset.body().data.recordingMode)
    const plain = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Sales' })
    assert.isNull(plain.body().data.recordingMode)
    const bad = await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'X', recordingMode: 'sometimes' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'recordingMode')
  })

  test('the demo organisation has reason codes, a main IVR menu, a website call button and a phone number into it', async ({ client, assert }) => {
    await seedDemo(PASSWORD)
    const login = await client.post('/api/v1/auth/login').json({ tenant: DEMO_SLUG, email: 'admin@demo.example', password: PASSWORD })
    const auth = `Bearer ${login.body().data.token}`
    const codes = await client.get('/api/v1/reason-codes').header('authorization', auth)
    assert.deepEqual(codes.body().data.map((c: any) => c.code), ['break', 'lunch', 'meeting', 'training'])
    const queues = (await client.get('/api/v1/queues').header('authorization', auth)).body().data
    const menus = (await client.get('/api/v1/ivr-menus').header('authorization', auth)).body().data
    assert.lengthOf(menus, 1)
    const byName = (name: string) => queues.find((q: any) => q.name === name).id
    assert.deepEqual(menus[0].options.map((o: any) => [o.digit, o.target.queueId]), [['1', byName('Hotline')], ['2', byName('Billing')]])
    const entries = (await client.get('/api/v1/entry-points').header('authorization', auth)).body().data
    assert.deepEqual(
      entries.map((e: any) => [e.kind, e.name, e.number, e.target.ivrMenuId]),
      [['number', 'Main number', DEMO_NUMBER, menus[0].id], ['web', 'Website call button', null, menus[0].id]]
    )
  })
})
