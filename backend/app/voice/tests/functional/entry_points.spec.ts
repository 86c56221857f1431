import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { createQueue } from '#contact_center/actions/queues'
import { VoiceProvider } from '#voice/voice_provider'

type Tenant = Awaited<ReturnType<typeof makeTenant>>

async function queueOf(org: Tenant, name = 'Hotline') {
  return asAdmin(org, (scope) => createQueue(scope, { name }))
}

function post(client: any, org: { auth: string }, body: Record<string, unknown>) {
  return client.post('/api/v1/entry-points').header('authorization', org.auth).json(body)
}

/** A voice provider with a SIP gateway that remembers what it provisioned. */
function fakeSipGateway() {
  const provisioned: Array<{ number: string; attributes: Record<string, string> }> = []
  const released: string[] = []
  const fake = {
    name: 'fake',
    capabilities: new Set(['sip_inbound']),
    async provisionNumber(number: string, attributes: Record<string, string>) {
      provisioned.push({ number, attributes })
      return { trunkId: `trunk-${provisioned.length}`, dispatchRuleId: `rule-${provisioned.length}` }
    },
    async releaseNumber(ids: { trunkId: string }) {
      released.push(ids.trunkId)
    },
  }
  app.container.swap(VoiceProvider, () => fake as unknown as VoiceProvider)
  return { provisioned, released }
}

test.group('Entry points', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => app.container.restore(VoiceProvider))

  test('an admin adds a web-call widget with an unguessable key and exact origins, changes it and deletes it', async ({ client, assert }) => {
    const org = await makeTenant()
    const queueId = await queueOf(org)
    const created = await post(client, org, {
      kind: 'web',
      name: 'Website call button',
      allowedOrigins: ['https://shop.example.com', 'https://SHOP.example.com/', 'http://localhost:4200'],
      target: { type: 'queue', queueId },
      language: 'zh-CN',
    })
    created.assertStatus(201)
    await matchesContract(created)
    const widget = created.body().data
    assert.match(widget.widgetKey, /^[A-Za-z0-9_-]{22,}$/)
    assert.deepEqual(widget.allowedOrigins, ['https://shop.example.com', 'http://localhost:4200'])
    assert.deepInclude(widget, { kind: 'web', number: null, language: 'zh-CN', enabled: true, target: { type: 'queue', queueId } })
    const other = await post(client, org, { kind: 'web', name: 'Second', target: { type: 'queue', queueId } })
    assert.notEqual(other.body().data.widgetKey, widget.widgetKey)

    await matchesContract(await client.get('/api/v1/entry-points').header('authorization', org.auth))
    await matchesContract(await client.get(`/api/v1/entry-points/${widget.id}`).header('authorization', org.auth))
    const changed = await client.patch(`/api/v1/entry-points/${widget.id}`).header('authorization', org.auth).json({ enabled: false, allowedOrigins: [] })
    changed.assertStatus(200)
    await matchesContract(changed)
    assert.deepEqual([changed.body().data.enabled, changed.body().data.allowedOrigins, changed.body().data.widgetKey], [false, [], widget.widgetKey])
    const removed = await client.delete(`/api/v1/entry-points/${widget.id}`).header('authorization', org.auth)
    removed.assertStatus(204)
    await matchesContract(removed)
    ;(await client.get(`/api/v1/entry-points/${widget.id}`).header('authorization', org.auth)).assertStatus(404)

    const types = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('entry_point.')).map((e) => e.type))
    assert.deepEqual(types, ['entry_point.created', 'entry_point.created', 'entry_point.updated', 'entry_point.deleted'])
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'entry_points.' }).header('authorization', org.auth)
    assert.lengthOf(log.body().data, 4)
  })

  test('numbers are stored in E.164, read with the organisation’s default country', async ({ client, assert }) => {
    const org = await makeTenant()
    const queueId = await queueOf(org)
    const target = { type: 'queue', queueId }
    const us = await post(client, org, { kind: 'number', name: 'US line', number: '(415) 555-0100', target })
    us.assertStatus(201)
    await matchesContract(us)
    assert.equal(us.body().data.number, '+14155550100')
    assert.isNull(us.body().data.widgetKey)
    const cn = await post(client, org, { kind: 'number', name: 'CN mobile', number: '+86 138 0013 8000', target })
    assert.equal(cn.body().data.number, '+8613800138000')

    await client.patch('/api/v1/tenant').header('authorization', org.auth).json({ defaultCountry: 'CN' })
    const national = await post(client, org, { kind: 'number', name: 'Beijing', number: '010 6552 9988', target })
    national.assertStatus(201)
    assert.equal(national.body().data.number, '+861065529988')
    const renumbered = await client.patch(`/api/v1/entry-points/${cn.body().data.id}`).header('authorization', org.auth).json({ number: '139 0013 8000' })
    assert.equal(renumbered.body().data.number, '+8613900138000')

    for (const number of ['12345', 'not a number', '+1 200 555 0100']) {
      const bad = await post(client, org, { kind: 'number', name: 'Bad', number, target })
      bad.assertStatus(422)
      await matchesContract(bad)
      assert.equal(bad.body().errors[0].field, 'number', number)
    }
  })

  test('a number belongs to one organisation on the whole platform, and the refusal does not say whose', async ({ client, assert }) => {
    const a = await makeTenant('Alpha Widgets')
    const b = await makeTenant()
    const first = await post(client, a, { kind: 'number', name: 'Main', number: '+1 415 555 0100', target: { type: 'queue', queueId: await queueOf(a) } })
    first.assertStatus(201)
    const taken = await post(client, b, { kind: 'number', name: 'Main', number: '(415) 555-0100', target: { type: 'queue', queueId: await queueOf(b) } })
    taken.assertStatus(409)
    await matchesContract(taken)
    assert.equal(taken.body().error.message, 'This number is already in use')
    assert.notInclude(taken.text(), a.tenant.id)
    assert.notInclude(taken.text(), 'Alpha')
    const other = await post(client, b, { kind: 'number', name: 'Other', number: '+1 415 555 0101', target: { type: 'queue', queueId: await queueOf(b, 'Second') } })
    other.assertStatus(201)
    const moved = await client.patch(`/api/v1/entry-points/${other.body().data.id}`).header('authorization', b.auth).json({ number: '+14155550100' })
    moved.assertStatus(409)
    const listed = await client.get('/api/v1/entry-points').header('authorization', b.auth)
    assert.deepEqual(listed.body().data.map((e: any) => e.number), ['+14155550101'])
  })

  test('bad entry points are refused field by field', async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const queueId = await queueOf(a)
    const theirQueue = await queueOf(b)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'web', name: 'W', target: { type: 'queue' } }, 'target.queueId'],
      [{ kind: 'web', name: 'W', target: { type: 'queue', queueId: theirQueue } }, 'target.queueId'],
      [{ kind: 'web', name: 'W', target: { type: 'ivr', ivrMenuId: queueId } }, 'target.ivrMenuId'],
      [{ kind: 'web', name: 'W', target: { type: 'voicemail' } }, 'target.type'],
      [{ kind: 'web', name: 'W', allowedOrigins: ['https://shop.example.com/cart'], target: { type: 'queue', queueId } }, 'allowedOrigins.0'],
      [{ kind: 'web', name: 'W', allowedOrigins: ['https://ok.example.com', 'https://*.example.com'], target: { type: 'queue', queueId } }, 'allowedOrigins.1'],
      [{ kind: 'web', name: 'W', allowedOrigins: ['javascript:alert(1)'], target: { type: 'queue', queueId } }, 'allowedOrigins.0'],
      [{ kind: 'web', name: 'W', number: '+14155550100', target: { type: 'queue', queueId } }, 'number'],
      [{ kind: 'number', name: 'N', target: { type: 'queue', queueId } }, 'number'],
      [{ kind: 'number', name: 'N', number: '+14155550100', allowedOrigins: ['https://a.example'], target: { type: 'queue', queueId } }, 'allowedOrigins'],
      [{ kind: 'fax', name: 'N', target: { type: 'queue', queueId } }, 'kind'],
      [{ kind: 'web', name: '', target: { type: 'queue', queueId } }, 'name'],
    ]
    for (const [body, field] of cases) {
      const response = await post(client, a, body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      await matchesContract(response)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(body))
    }
    const listed = await client.get('/api/v1/entry-points').header('authorization', a.auth)
    assert.lengthOf(listed.body().data, 0)
  })

  test('with a SIP gateway a number is provisioned for its tenant and entry point, re-provisioned when it changes and released when deleted', async ({ client, assert }) => {
    const org = await makeTenant()
    const queueId = await queueOf(org)
    const unrouted = await post(client, org, { kind: 'number', name: 'Before the gateway', number: '+14155550111', target: { type: 'queue', queueId } })
    assert.deepEqual(unrouted.body().data.sip, { trunkId: null, dispatchRuleId: null })

    const gateway = fakeSipGateway()
    const created = await post(client, org, { kind: 'number', name: 'Main', number: '+14155550100', target: { type: 'queue', queueId } })
    created.assertStatus(201)
    await matchesContract(created)
    const id = created.body().data.id
    assert.deepEqual(created.body().data.sip, { trunkId: 'trunk-1', dispatchRuleId: 'rule-1' })
    assert.deepEqual(gateway.provisioned[0], { number: '+14155550100', attributes: { tenant_id: org.tenant.id, entry_point_id: id } })

    const renamed = await client.patch(`/api/v1/entry-points/${id}`).header('authorization', org.auth).json({ name: 'Main line' })
    assert.deepEqual([renamed.body().data.sip.trunkId, gateway.provisioned.length], ['trunk-1', 1], 'a rename keeps the provisioning')
    const renumbered = await client.patch(`/api/v1/entry-points/${id}`).header('authorization', org.auth).json({ number: '+14155550102' })
    assert.deepEqual(renumbered.body().data.sip, { trunkId: 'trunk-2', dispatchRuleId: 'rule-2' })
    assert.deepEqual(gateway.released, ['trunk-1'])
    const resaved = await client.patch(`/api/v1/entry-points/${unrouted.body().data.id}`).header('authorization', org.auth).json({})
    assert.equal(resaved.body().data.sip.trunkId, 'trunk-3', 'a number saved without a gateway is provisioned on its next save')

    ;(await client.delete(`/api/v1/entry-points/${id}`).header('authorization', org.auth)).assertStatus(204)
    assert.deepEqual(gateway.released, ['trunk-1', 'trunk-2'])
    const web = await post(client, org, { kind: 'web', name: 'Widget', target: { type: 'queue', queueId } })
    assert.deepEqual([web.body().data.sip.trunkId, gateway.provisioned.length], [null, 3], 'widgets are never provisioned')
  })

  test("another organisation's entry point is a 404 and stays as it was", async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const theirs = (await post(client, b, { kind: 'web', name: 'B widget', target: { type: 'queue', queueId: await queueOf(b) } })).body().data
    for (const response of [
      await client.get(`/api/v1/entry-points/${theirs.id}`).header('authorization', a.auth),
      await client.patch(`/api/v1/entry-points/${theirs.id}`).header('authorization', a.auth).json({ name: 'Hijacked' }),
      await client.delete(`/api/v1/entry-points/${theirs.id}`).header('authorization', a.auth),
    ]) {
      response.assertStatus(404)
      await matchesContract(response)
    }
    const still = await client.get(`/api/v1/entry-points/${theirs.id}`).header('authorization', b.auth)
    assert.equal(still.body().data.name, 'B widget')
    const agent = await makeUser(a, ['supervisor'])
    ;(await client.get('/api/v1/entry-points').header('authorization', agent.auth)).assertStatus(403)
  })
})
