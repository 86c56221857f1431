import fs from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { SDK_CAPABILITIES, originOf } from '#workspace/actions/embedded_apps'

test.group('Embedded apps', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admins configure apps with a URL template, queues and capabilities; agents get the enabled ones; changes are logged', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const queue = (await client.post('/api/v1/queues').header('authorization', org.auth).json({ name: 'Sales' })).body().data
    const created = await client
      .post('/api/v1/embedded-apps')
      .header('authorization', org.auth)
      .json({ name: 'CRM', urlTemplate: 'https://crm.example.com:8443/pop?phone={ani}&call={callId}&customer={customerId}', queueIds: [queue.id], capabilities: ['calls.read', 'calls.control'], position: 2 })
    created.assertStatus(201)
    await matchesContract(created)
    assert.include(created.body().data, { name: 'CRM', origin: 'https://crm.example.com:8443', enabled: true, position: 2 })
    const wiki = (await client.post('/api/v1/embedded-apps').header('authorization', org.auth).json({ name: 'Wiki', urlTemplate: 'http://localhost:8080/kb', position: 1 })).body().data

    const off = await client.patch(`/api/v1/embedded-apps/${wiki.id}`).header('authorization', org.auth).json({ enabled: false })
    off.assertStatus(200)
    await matchesContract(off)
    const listed = await client.get('/api/v1/embedded-apps').header('authorization', org.auth)
    assert.deepEqual(listed.body().data.map((a: any) => a.name), ['Wiki', 'CRM'])
    const mine = await client.get('/api/v1/agent/embedded-apps').header('authorization', agent.auth)
    mine.assertStatus(200)
    await matchesContract(mine)
    assert.deepEqual(mine.body().data.map((a: any) => a.name), ['CRM'])
    ;(await client.get('/api/v1/embedded-apps').header('authorization', agent.auth)).assertStatus(403)
    ;(await client.post('/api/v1/embedded-apps').header('authorization', agent.auth).json({ name: 'X', urlTemplate: 'https://x.test' })).assertStatus(403)

    ;(await client.delete(`/api/v1/embedded-apps/${wiki.id}`).header('authorization', org.auth)).assertStatus(204)
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'embedded_apps.store' }).header('authorization', org.auth)
    assert.deepEqual(log.body().data.map((r: any) => r.result).sort(), ['failure', 'success', 'success'], 'two apps added, the agent’s attempt refused')
  })

  test('bad templates, queues and capabilities are 422s on their field', async ({ client, assert }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    const foreignQueue = (await client.post('/api/v1/queues').header('authorization', other.auth).json({ name: 'Theirs' })).body().data
    for (const [body, field] of [
      [{ name: 'X', urlTemplate: 'javascript:alert(1)' }, 'urlTemplate'],
      [{ name: 'X', urlTemplate: 'crm.example.com/pop' }, 'urlTemplate'],
      [{ name: 'X', urlTemplate: 'https://crm.example.com/pop?x={password}' }, 'urlTemplate'],
      [{ name: 'X', urlTemplate: 'https://{tenant}.crm.example.com/pop' }, 'urlTemplate'],
      [{ name: 'X', urlTemplate: 'https://user:secret@crm.example.com/' }, 'urlTemplate'],
      [{ name: 'X', urlTemplate: 'https://crm.example.com/', queueIds: [foreignQueue.id] }, 'queueIds.0'],
      [{ name: 'X', urlTemplate: 'https://crm.example.com/', capabilities: ['calls.read', 'everything'] }, 'capabilities.1'],
      [{ name: '', urlTemplate: 'https://crm.example.com/' }, 'name'],
    ] as const) {
      const response = await client.post('/api/v1/embedded-apps').header('authorization', org.auth).json(body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      await matchesContract(response)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(body))
    }
    assert.lengthOf((await client.get('/api/v1/embedded-apps').header('authorization', org.auth)).body().data, 0)
  })

  test('the origin is fixed by the template and the capabilities are the SDK’s', async ({ assert }) => {
    assert.equal(originOf('https://CRM.example.com/a/{ani}?q={callId}#x'), 'https://crm.example.com')
    assert.equal(originOf('http://127.0.0.1:4010/sdk-sample/index.html?call={callId}'), 'http://127.0.0.1:4010')
    const protocol = fs.readFileSync(app.makePath('../frontend/src/agent-sdk/protocol.ts'), 'utf8')
    const listed = /export const CAPABILITIES = \[([^\]]*)\]/.exec(protocol)![1].match(/'([^']+)'/g)!.map((s) => s.slice(1, -1))
    assert.deepEqual([...SDK_CAPABILITIES], listed, 'the backend checks the capabilities the SDK knows')
  })
})
