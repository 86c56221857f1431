import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'

const CRM = 'https://crm.example.com'

/** A tenant with an agent and an embedded app granted the REST capability; the agent's app token. */
async function appWithToken(client: any, capabilities = ['calls.read', 'api.rest']) {
  const org = await makeTenant()
  const agent = await makeUser(org, ['agent'])
  const app = (await client.post('/api/v1/embedded-apps').header('authorization', org.auth).json({ name: 'CRM', urlTemplate: `${CRM}/pop?call={callId}`, capabilities })).body().data
  const minted = await client.post(`/api/v1/agent/embedded-apps/${app.id}/token`).header('authorization', agent.auth)
  return { org, agent, app, minted }
}

test.group('Embedded app REST tokens', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an agent mints a short-lived token for an app; it works only from the app’s origin, within its permissions', async ({ client, assert }) => {
    const { org, agent, app, minted } = await appWithToken(client)
    minted.assertStatus(201)
    await matchesContract(minted)
    const { token, origin, permissions, expiresAt } = minted.body().data
    assert.equal(origin, CRM)
    assert.deepEqual(permissions, ['customers.view', 'tickets.view', 'tickets.manage', 'knowledge.view', 'queues.view'], 'the agent’s permissions among those an app may hold')
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000
    assert.isTrue(minutes > 9 && minutes <= 10, `expires in ${minutes} minutes`)

    const fromApp = await client.get('/api/v1/customers').header('authorization', `Bearer ${token}`).header('origin', CRM)
    fromApp.assertStatus(200)
    assert.equal(fromApp.header('access-control-allow-origin'), CRM, 'the app’s page may read the answer')
    const elsewhere = await client.get('/api/v1/customers').header('authorization', `Bearer ${token}`).header('origin', 'https://evil.example')
    elsewhere.assertStatus(403)
    assert.equal(elsewhere.body().error.code, 'E_ORIGIN')
    assert.isUndefined(elsewhere.header('access-control-allow-origin'))
    ;(await client.get('/api/v1/customers').header('authorization', `Bearer ${token}`)).assertStatus(403)

    // Not the agent's own routes, not calls, not minting more tokens.
    for (const [method, url] of [['get', '/api/v1/auth/me'], ['post', '/api/v1/auth/logout'], ['get', '/api/v1/agent'], ['post', `/api/v1/agent/embedded-apps/${app.id}/token`]] as const) {
      const refused = await client[method](url).header('authorization', `Bearer ${token}`).header('origin', CRM)
      refused.assertStatus(403)
    }
    ;(await client.get('/api/v1/auth/me').header('authorization', agent.auth)).assertStatus(200)

    // The operation log has the agent's mint (without the token) and the app's refused attempt, naming the app.
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'agent.embedded_apps_token' }).header('authorization', org.auth)
    const rows = log.body().data as Array<{ result: string; userAgent: string | null; actorId: string }>
    assert.deepEqual(rows.map((r) => r.result).sort(), ['failure', 'success'])
    assert.notInclude(JSON.stringify(rows), token.split('.')[3])
    const byApp = rows.find((r) => r.result === 'failure')!
    assert.match(byApp.userAgent ?? '', new RegExp(`^embedded app ${app.id} at ${CRM}`))
  })

  test('an app token ends with the agent’s session and when the app changes; a refused request can still be read by the app', async ({ client, assert }) => {
    const first = await appWithToken(client)
    const token = first.minted.body().data.token
    ;(await client.post('/api/v1/auth/logout').header('authorization', first.agent.auth)).assertStatus(204)
    const ended = await client.get('/api/v1/customers').header('authorization', `Bearer ${token}`).header('origin', CRM)
    ended.assertStatus(401)
    assert.equal(ended.header('access-control-allow-origin'), CRM, 'the app learns it must ask for a new token')

    const second = await appWithToken(client)
    const again = second.minted.body().data.token
    ;(await client.patch(`/api/v1/embedded-apps/${second.app.id}`).header('authorization', second.org.auth).json({ name: 'CRM 2' })).assertStatus(200)
    ;(await client.get('/api/v1/customers').header('authorization', `Bearer ${again}`).header('origin', CRM)).assertStatus(401)
  })

  test('only apps granted api.rest and enabled get tokens; the preflight is answered for any origin', async ({ client, assert }) => {
    const { org, agent, minted } = await appWithToken(client, ['calls.read'])
    minted.assertStatus(403)
    assert.equal(minted.body().error.code, 'E_CAPABILITY')
    await matchesContract(minted)
    const off = (await client.post('/api/v1/embedded-apps').header('authorization', org.auth).json({ name: 'Off', urlTemplate: 'https://off.example', capabilities: ['api.rest'], enabled: false })).body().data
    ;(await client.post(`/api/v1/agent/embedded-apps/${off.id}/token`).header('authorization', agent.auth)).assertStatus(404)
    const viewer = await makeUser(org, ['kb_editor'])
    ;(await client.post(`/api/v1/agent/embedded-apps/${off.id}/token`).header('authorization', viewer.auth)).assertStatus(403)

    const preflight = await client
      .options('/api/v1/customers')
      .header('origin', CRM)
      .header('access-control-request-method', 'GET')
      .header('access-control-request-headers', 'authorization')
    preflight.assertStatus(204)
    assert.equal(preflight.header('access-control-allow-origin'), CRM)
    assert.include(preflight.header('access-control-allow-headers'), 'authorization')
    assert.isUndefined(preflight.header('access-control-allow-credentials'))
  })
})
