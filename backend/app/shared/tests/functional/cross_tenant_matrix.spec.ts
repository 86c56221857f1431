import fs from 'node:fs'
import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import { routeAccess } from '#shared/route_guard'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { bodyFor, CRM_RESOURCES, CRM_SNAPSHOT_URLS, crmFixtures, VOICE_RESOURCES, VOICE_SNAPSHOT_URLS, voiceFixtures } from '#tests/fixtures/cross_tenant_bodies'
import { createRole } from '#identity/actions/roles'
import { createTeam } from '#identity/actions/teams'
import { addCertificateAuthority } from '#tenancy/actions/tenant_settings'
import { enqueueJob } from '#jobs/jobs'
import '#identity/jobs/audit_export'
import type { TenantScope } from '#shared/scope'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { createQueue, setQueueMembers } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'
import { routeWaitingCalls } from '#contact_center/actions/routing'

const CA_PEM = fs.readFileSync(new URL('../../../../tests/fixtures/certs/ca.pem', import.meta.url), 'utf8')

/** Which fixture of the other tenant a route's `:id` names, by the route's resource path. */
const RESOURCE_OF: Array<[RegExp, string]> = [
  [/^\/api\/v1\/users\/:id/, 'user'],
  [/^\/api\/v1\/roles\/:id/, 'role'],
  [/^\/api\/v1\/teams\/:id/, 'team'],
  [/^\/api\/v1\/tenant\/certificate-authorities\/:id/, 'ca'],
  [/^\/api\/v1\/jobs\/:id/, 'job'],
  [/^\/api\/v1\/agents\/:id/, 'user'],
  [/^\/api\/v1\/queues\/:id/, 'queue'],
  [/^\/api\/v1\/agent\/offers\/:id/, 'offer'],
  [/^\/api\/v1\/agent\/calls\/:id/, 'call'],
  [/^\/api\/v1\/calls\/:id/, 'call'],
  ...VOICE_RESOURCES,
  ...CRM_RESOURCES,
]

/** Tenant B with one of everything, and a snapshot of it to compare after the walk. */
async function victimTenant() {
  const b = await makeTenant()
  const agent = await makeUser(b, ['agent'])
  const ids: Record<string, string> = await asAdmin(b, async (scope) => ({
    user: agent.user.id,
    role: (await createRole(scope, { name: 'B custom', permissions: ['tickets.view'] })).id,
    team: (await createTeam(scope, { name: 'B team' })).id,
    ca: (await addCertificateAuthority(scope, { name: 'B CA', pem: CA_PEM })).id,
    job: (await enqueueJob(scope, 'audit.export', { filters: {}, cutoff: new Date().toISOString() })).id,
    ...(await acdFixtures(scope, agent.user.id)),
  }))
  Object.assign(ids, await asAdmin(b, (scope) => crmFixtures(scope, agent.user.id, ids.call)))
  return { b, ids }
}

/** A queue with a call offered to B's agent and another call connected to B's admin. */
async function acdFixtures(scope: TenantScope, agentId: string) {
  const queue = await createQueue(scope, { name: 'B queue' })
  await setQueueMembers(scope, queue, [agentId])
  await changeAgentState(scope, agentId, { to: 'ready', by: 'agent' })
  const call = await enqueueCall(scope, { queueId: queue, channel: 'voice' })
  const [offer] = await routeWaitingCalls(scope)
  return { queue, call, offer: offer.id, ...(await voiceFixtures(scope, { queue, call })) }
}

async function snapshotOf(client: any, auth: string) {
  const parts = await Promise.all(
    ['/api/v1/users', '/api/v1/roles', '/api/v1/teams', '/api/v1/tenant', '/api/v1/tenant/certificate-authorities', '/api/v1/queues', '/api/v1/agents', ...VOICE_SNAPSHOT_URLS, ...CRM_SNAPSHOT_URLS].map(async (url) => {
      const response = await client.get(url).header('authorization', auth)
      return response.body().data
    })
  )
  return JSON.stringify(parts, (key, value) => (key === 'lastLoginAt' ? undefined : value))
}

function tenantRoutes() {
  const access = routeAccess()
  return router
    .toJSON()
    .root.flatMap((route) => route.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, pattern: route.pattern, name: route.name ?? '', access: access.get(`${method} ${route.pattern}`) })))
}

test.group('Cross-tenant matrix', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every API route declares who may call it', async ({ assert }) => {
    const undeclared = tenantRoutes().filter((r) => r.pattern.startsWith('/api') && !r.access)
    assert.deepEqual(undeclared.map((r) => `${r.method} ${r.pattern}`), [])
  })

  test("every tenant route answers 404 for another tenant's ids and leaves its data untouched", async ({ client, assert }) => {
    const a = await makeTenant()
    const { b, ids } = await victimTenant()
    const before = await snapshotOf(client, b.auth)
    const routes = tenantRoutes().filter((r) => r.access?.kind === 'tenant' && r.pattern.includes(':id'))
    assert.isAbove(routes.length, 10)

    for (const route of routes) {
      const resource = RESOURCE_OF.find(([re]) => re.test(route.pattern))?.[1]
      assert.isDefined(resource, `no cross-tenant fixture for ${route.method} ${route.pattern}: add one to RESOURCE_OF`)
      const url = route.pattern.replace(':id', ids[resource!])
      const body = bodyFor(route.name, ids)
      if (route.method !== 'GET') assert.isDefined(body, `no sample body for ${route.name}: add one to cross_tenant_bodies.ts`)
      const request = client.request(url, route.method).header('authorization', a.auth)
      const response = route.method === 'GET' ? await request : await request.json(body)
      assert.equal(response.status(), 404, `${route.method} ${route.pattern} answered ${response.status()}: ${response.text()}`)
      assert.notInclude(response.text(), ids[resource!])
    }
    assert.equal(await snapshotOf(client, b.auth), before, "tenant B's data changed")
  })

  test("collection routes never show or accept another tenant's ids", async ({ client, assert }) => {
    const a = await makeTenant()
    const { b, ids } = await victimTenant()
    const before = await snapshotOf(client, b.auth)
    const routes = tenantRoutes()
      .filter((r) => r.access?.kind === 'tenant' && !r.pattern.includes(':id'))
      .sort((x, y) => Number(x.name === 'auth.logout') - Number(y.name === 'auth.logout'))
    const foreign = [...Object.values(ids), b.tenant.id, b.user.id]

    for (const route of routes) {
      const body = bodyFor(route.name, ids)
      if (route.method !== 'GET') assert.isDefined(body, `no sample body for ${route.name}: add one to cross_tenant_bodies.ts`)
      const request = client.request(route.pattern, route.method).header('authorization', a.auth)
      const response = route.method === 'GET' ? await request : await request.json(body)
      assert.isBelow(response.status(), 500, `${route.method} ${route.pattern} failed: ${response.text()}`)
      for (const id of foreign) assert.notInclude(response.text(), id, `${route.method} ${route.pattern} leaked ${id}`)
      if (['users.store', 'teams.store', 'queues.store', 'entry_points.store', 'ivr_menus.store', 'customers.store'].includes(route.name)) {
        assert.equal(response.status(), 422, `${route.name} accepted another tenant's ids`)
      }
    }
    assert.equal(await snapshotOf(client, b.auth), before, "tenant B's data changed")
  })
})
