import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeTenant } from '#tests/helpers'

test.group('Bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unknown API route answers 404 JSON', async ({ client, assert }) => {
    const response = await client.get('/api/v1/no-such-thing')
    response.assertStatus(404)
    assert.equal(response.body().error.code, 'E_NOT_FOUND')
  })

  test('a malformed id in the path answers 404, not 500', async ({ client }) => {
    const org = await makeTenant()
    const response = await client.get('/api/v1/users/12345').header('authorization', org.auth)
    response.assertStatus(404)
  })

  test('an oversized body answers 413 and a broken JSON body 400, without a stack trace', async ({ client, assert }) => {
    const big = await client.post('/api/v1/auth/login').header('content-type', 'application/json').json({ tenant: 'x'.repeat(2_000_000) })
    big.assertStatus(413)
    assert.equal(big.body().error.code, 'E_PAYLOAD_TOO_LARGE')
    const broken = await client.post('/api/v1/auth/login').header('content-type', 'application/json').form('{"tenant": ')
    assert.oneOf(broken.status(), [400, 422])
    assert.notInclude(broken.text(), 'node_modules')
  })

  test('wrong types answer 422 with the field and the reason', async ({ client, assert }) => {
    const org = await makeTenant()
    const response = await client.patch('/api/v1/tenant').header('authorization', org.auth).json({ timeZone: 42, defaultCountry: 'China' })
    response.assertStatus(422)
    const fields = response.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['timeZone', 'defaultCountry'])
    assert.isTrue(response.body().errors.every((e: any) => e.message && e.rule))
  })

  test('a list with a page size over the limit is refused', async ({ client, assert }) => {
    const org = await makeTenant()
    const response = await client.get('/api/v1/users').qs({ perPage: 5000 }).header('authorization', org.auth)
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'perPage')
  })
})
