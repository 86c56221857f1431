import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { routeAccess } from '#shared/route_guard'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { createRole } from '#identity/actions/roles'
import { ALL_PERMISSIONS, BUILT_IN_ROLES } from '#identity/permissions'

test.group('Roles and permissions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an agent cannot manage users', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const list = await client.get('/api/v1/users').header('authorization', agent.auth)
    list.assertStatus(403)
    assert.equal(list.body().error.code, 'E_FORBIDDEN')
    const invite = await client.post('/api/v1/users').header('authorization', agent.auth).json({ email: 'x@y.test', displayName: 'X', roleIds: [] })
    invite.assertStatus(403)
    const deactivate = await client.post(`/api/v1/users/${org.user.id}/deactivate`).header('authorization', agent.auth)
    deactivate.assertStatus(403)
  })

  test('a forbidden attempt is written to the operation log as a failure', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    await client.post('/api/v1/roles').header('authorization', agent.auth).json({ name: 'Sneaky', permissions: ALL_PERMISSIONS })
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'roles.store', result: 'failure' }).header('authorization', org.auth)
    assert.equal(log.body().data[0]?.actorId, agent.user.id)
    assert.equal(log.body().data[0]?.status, 403)
  })

  test('a custom role grants exactly the permissions it lists, on every guarded route', async ({ client, assert }) => {
    const org = await makeTenant()
    const access = routeAccess()
    const guarded = router
      .toJSON()
      .root.flatMap((r) => r.methods.filter((m) => m === 'GET').map((method) => ({ method, pattern: r.pattern, access: access.get(`${method} ${r.pattern}`) })))
      .filter((r) => r.access?.kind === 'tenant' && r.access.permission && !r.pattern.includes(':id'))
    assert.isAbove(guarded.length, 3)

    for (const route of guarded) {
      const permission = route.access!.kind === 'tenant' ? route.access!.permission! : null
      const roleKey = await asAdmin(org, async (scope) => {
        const role = await createRole(scope, { name: `Only ${permission} ${route.pattern}`, permissions: [permission!] })
        org.roleIds[role.key] = role.id
        return role.key
      })
      const holder = await makeUser(org, [roleKey])
      const allowed = await client.get(route.pattern).header('authorization', holder.auth)
      assert.notEqual(allowed.status(), 403, `${permission} did not open ${route.pattern}`)
      const others = guarded.filter((r) => r.access!.kind === 'tenant' && r.access!.permission !== permission)
      for (const other of others) {
        const denied = await client.get(other.pattern).header('authorization', holder.auth)
        assert.equal(denied.status(), 403, `${permission} alone opened ${other.pattern}`)
      }
    }
  })

  test('built-in roles are read-only and every built-in role is seeded for a new tenant', async ({ client, assert }) => {
    const org = await makeTenant()
    const roles = await client.get('/api/v1/roles').header('authorization', org.auth)
    assert.includeMembers(roles.body().data.map((r: any) => r.key), BUILT_IN_ROLES.map((r) => r.key))
    const change = await client.patch(`/api/v1/roles/${org.roleIds.agent}`).header('authorization', org.auth).json({ permissions: ALL_PERMISSIONS })
    change.assertStatus(409)
  })

  test('a role with an unknown permission is refused with the field named', async ({ client, assert }) => {
    const org = await makeTenant()
    const response = await client.post('/api/v1/roles').header('authorization', org.auth).json({ name: 'Weird', permissions: ['users.view', 'rockets.launch'] })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'permissions.1')
  })

  test('a deactivated user is signed out at once and cannot sign in', async ({ client }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const done = await client.post(`/api/v1/users/${agent.user.id}/deactivate`).header('authorization', org.auth)
    done.assertStatus(200)
    const me = await client.get('/api/v1/auth/me').header('authorization', agent.auth)
    me.assertStatus(401)
  })

  test('supervisors see the teams they supervise with their members, and not the other teams', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const agent = await makeUser(org, ['agent'])
    const team = await client.post('/api/v1/teams').header('authorization', org.auth).json({ name: 'Night shift', supervisorIds: [supervisor.user.id] })
    team.assertStatus(201)
    const members = await client.put(`/api/v1/teams/${team.body().data.id}/members`).header('authorization', org.auth).json({ userIds: [agent.user.id] })
    members.assertStatus(200)
    await client.post('/api/v1/teams').header('authorization', org.auth).json({ name: 'Day shift' })

    const mine = await client.get('/api/v1/auth/me/teams').header('authorization', supervisor.auth)
    mine.assertStatus(200)
    assert.deepEqual(mine.body().data.map((t: any) => [t.name, t.relation]), [['Night shift', 'supervisor']])
    assert.deepEqual(mine.body().data[0].members.map((m: any) => m.id), [agent.user.id])
    const agentView = await client.get('/api/v1/auth/me/teams').header('authorization', agent.auth)
    assert.deepEqual(agentView.body().data.map((t: any) => [t.name, t.relation]), [['Night shift', 'member']])
    const all = await client.get('/api/v1/teams').header('authorization', supervisor.auth)
    all.assertStatus(403)
  })
})
