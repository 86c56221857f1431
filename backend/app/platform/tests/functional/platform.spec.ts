import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeTenant, PASSWORD } from '#tests/helpers'
import { upsertOperator } from '#platform/operators'

async function operatorAuth(client: any) {
  await upsertOperator('ops@platform.test', 'Ops', PASSWORD)
  const login = await client.post('/api/v1/platform/auth/login').json({ email: 'ops@platform.test', password: PASSWORD })
  return `Bearer ${login.body().data.token}`
}

test.group('Platform operators', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an operator lists tenants; a tenant admin token is not accepted there', async ({ client, assert }) => {
    const org = await makeTenant()
    const auth = await operatorAuth(client)
    const list = await client.get('/api/v1/platform/tenants').header('authorization', auth)
    list.assertStatus(200)
    const row = list.body().data.find((t: any) => t.id === org.tenant.id)
    assert.equal(row.userCount, 1)
    const asTenant = await client.get('/api/v1/platform/tenants').header('authorization', org.auth)
    asTenant.assertStatus(401)
  })

  test('a suspended tenant is signed out and cannot log in until reactivated', async ({ client, assert }) => {
    const org = await makeTenant()
    const auth = await operatorAuth(client)
    const suspend = await client.post(`/api/v1/platform/tenants/${org.tenant.id}/suspend`).header('authorization', auth)
    suspend.assertStatus(200)
    assert.equal(suspend.body().data.status, 'suspended')
    const me = await client.get('/api/v1/auth/me').header('authorization', org.auth)
    me.assertStatus(401)
    const login = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: PASSWORD })
    login.assertStatus(403)
    assert.equal(login.body().error.code, 'E_TENANT_SUSPENDED')
    const wrongPassword = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: 'not the password' })
    assert.equal(wrongPassword.body().error.code, 'E_INVALID_CREDENTIALS', 'suspension is only revealed to the right password')

    const reactivate = await client.post(`/api/v1/platform/tenants/${org.tenant.id}/reactivate`).header('authorization', auth)
    reactivate.assertStatus(200)
    const again = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: PASSWORD })
    again.assertStatus(200)
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'tenant.' }).header('authorization', `Bearer ${again.body().data.token}`)
    assert.includeMembers(log.body().data.map((r: any) => r.action), ['tenant.suspended', 'tenant.reactivated'])
  })

  test('an unknown tenant id answers 404', async ({ client }) => {
    const auth = await operatorAuth(client)
    const response = await client.post('/api/v1/platform/tenants/01a2288c-bbfe-765a-827d-6b6a3e35e34c/suspend').header('authorization', auth)
    response.assertStatus(404)
  })
})
