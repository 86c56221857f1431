import fs from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { createTlsServerFactory } from '#start/tls'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { addCertificateAuthority } from '#tenancy/actions/tenant_settings'

const certs = (name: string) => fs.readFileSync(new URL(`../../../../tests/fixtures/certs/${name}`, import.meta.url), 'utf8')

/** Starts the real request handler behind a mutual-TLS listener, as bin/server.ts does with TLS files. */
async function mtlsServer() {
  process.env.TLS_CERT_FILE = new URL('../../../../tests/fixtures/certs/server.pem', import.meta.url).pathname
  process.env.TLS_KEY_FILE = new URL('../../../../tests/fixtures/certs/server.key', import.meta.url).pathname
  const server = await app.container.make('server')
  const listener = createTlsServerFactory()!(server.handle.bind(server))
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  delete process.env.TLS_CERT_FILE
  delete process.env.TLS_KEY_FILE
  return { port: (listener.address() as AddressInfo).port, close: () => new Promise<void>((r) => listener.close(() => r())) }
}

/** POSTs JSON over TLS, presenting a client certificate when given. */
function post(port: number, path: string, body: object, client?: { cert: string; key: string }) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = https.request(
      { host: '127.0.0.1', port, path, method: 'POST', ca: certs('server.pem'), servername: 'localhost', headers: { 'content-type': 'application/json' }, ...client },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }))
      }
    )
    request.on('error', reject)
    request.end(JSON.stringify(body))
  })
}

test.group('Certificate login over mutual TLS', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a certificate signed by a CA the tenant trusts signs its user in', async ({ assert, cleanup }) => {
    const org = await makeTenant()
    await makeUser(org, ['agent'], 'agent@certs.test')
    await asAdmin(org, (scope) => addCertificateAuthority(scope, { name: 'Acme CA', pem: certs('ca.pem') }))
    const server = await mtlsServer()
    cleanup(server.close)

    const response = await post(server.port, '/api/v1/auth/certificate', { tenant: org.slug }, { cert: certs('agent.pem'), key: certs('agent.key') })
    assert.equal(response.status, 200, JSON.stringify(response.body))
    assert.equal(response.body.data.user.email, 'agent@certs.test')
    assert.match(response.body.data.token, /^cc1\./)
  })

  test('a certificate from an untrusted CA, or none at all, is refused', async ({ assert, cleanup }) => {
    const org = await makeTenant()
    await makeUser(org, ['agent'], 'stranger@certs.test')
    await asAdmin(org, (scope) => addCertificateAuthority(scope, { name: 'Acme CA', pem: certs('ca.pem') }))
    const server = await mtlsServer()
    cleanup(server.close)

    const stranger = await post(server.port, '/api/v1/auth/certificate', { tenant: org.slug }, { cert: certs('stranger.pem'), key: certs('stranger.key') })
    assert.equal(stranger.status, 401)
    assert.equal(stranger.body.error.code, 'E_CERTIFICATE_REJECTED')
    const none = await post(server.port, '/api/v1/auth/certificate', { tenant: org.slug })
    assert.equal(none.status, 401)
  })

  test("another tenant's trusted CA does not open this tenant", async ({ assert, cleanup }) => {
    const trusting = await makeTenant()
    await asAdmin(trusting, (scope) => addCertificateAuthority(scope, { name: 'Acme CA', pem: certs('ca.pem') }))
    const other = await makeTenant()
    await makeUser(other, ['agent'], 'agent@certs.test')
    const server = await mtlsServer()
    cleanup(server.close)
    const response = await post(server.port, '/api/v1/auth/certificate', { tenant: other.slug }, { cert: certs('agent.pem'), key: certs('agent.key') })
    assert.equal(response.status, 401)
  })

  test('only CA certificates can be uploaded as trusted authorities', async ({ client, assert }) => {
    const org = await makeTenant()
    const leaf = await client.post('/api/v1/tenant/certificate-authorities').header('authorization', org.auth).json({ name: 'Leaf', pem: certs('agent.pem') })
    leaf.assertStatus(422)
    assert.equal(leaf.body().errors[0].rule, 'ca')
    const ca = await client.post('/api/v1/tenant/certificate-authorities').header('authorization', org.auth).json({ name: 'Acme CA', pem: certs('ca.pem') })
    ca.assertStatus(201)
    assert.match(ca.body().data.subject, /Acme Test Root/)
  })
})
