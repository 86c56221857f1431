import { newId } from '#shared/ids'
import { AppError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { assertNameFree } from '#identity/actions/memberships'
import { BUILT_IN_ROLES } from '#identity/permissions'

/** The API shape of a role. */
export interface RoleResource {
  id: string
  key: string
  name: string
  description: string
  builtIn: boolean
  permissions: string[]
  userCount: number
}

/** Every role of the tenant with how many users hold it. */
export async function listRoles(scope: TenantScope): Promise<RoleResource[]> {
  const rows = await scope.trx
    .from('roles as r')
    .where('r.tenant_id', scope.tenantId)
    .select('r.*')
    .select(
      scope.trx.raw('(select count(*) from user_roles ur where ur.tenant_id = r.tenant_id and ur.role_id = r.id)::int as user_count')
    )
    .orderBy([{ column: 'r.built_in', order: 'desc' }, { column: 'r.name', order: 'asc' }])
  return rows.map(toRoleResource)
}

/** One role, or 404. */
export async function findRole(scope: TenantScope, id: string): Promise<RoleResource> {
  const role = (await listRoles(scope)).find((r) => r.id === id)
  if (!role) throw notFound('Role')
  return role
}

function toRoleResource(row: Record<string, any>): RoleResource {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    builtIn: row.built_in,
    permissions: row.permissions,
    userCount: row.user_count ?? 0,
  }
}

/** Writes the built-in roles of a new tenant. */
export async function seedBuiltInRoles(scope: TenantScope) {
  const rows = BUILT_IN_ROLES.map((role) => ({
    tenant_id: scope.tenantId,
    id: newId(),
    key: role.key,
    name: role.name,
    description: role.description,
    built_in: true,
    permissions: [...role.permissions],
  }))
  await scope.trx.table('roles').insert(rows)
  return Object.fromEntries(rows.map((r) => [r.key, r.id])) as Record<string, string>
}

/** Input of a custom role. */
export interface RoleInput {
  name?: string
  description?: string
  permissions?: string[]
}

/** Creates a custom role that grants exactly the listed permissions. */
export async function createRole(scope: TenantScope, input: Required<Pick<RoleInput, 'name' | 'permissions'>> & RoleInput) {
  const key = `custom_${slugKey(input.name)}_${newId().slice(-6)}`
  await assertNameFree(scope, 'roles', input.name)
  const id = newId()
  await scope.trx.table('roles').insert({
    tenant_id: scope.tenantId,
    id,
    key,
    name: input.name,
    description: input.description ?? '',
    built_in: false,
    permissions: input.permissions,
  })
  await recordEvent(scope, { type: 'role.created', entityType: 'role', entityId: id, payload: { permissions: input.permissions } })
  return findRole(scope, id)
}

/** Changes a custom role; built-in roles are read-only. */
export async function updateRole(scope: TenantScope, id: string, input: RoleInput) {
  const before = await findRole(scope, id)
  if (before.builtIn) throw new AppError(409, 'E_CONFLICT', 'Built-in roles cannot be changed; create a custom role')
  if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(scope, 'roles', input.name)
  const changes: Record<string, unknown> = { updated_at: new Date() }
  if (input.name !== undefined) changes.name = input.name
  if (input.description !== undefined) changes.description = input.description
  if (input.permissions !== undefined) changes.permissions = input.permissions
  await scope.trx.from('roles').where('tenant_id', scope.tenantId).where('id', id).update(changes)
  const after = await findRole(scope, id)
  await recordEvent(scope, { type: 'role.updated', entityType: 'role', entityId: id, payload: { permissions: after.permissions } })
  return { before, after }
}

/** Deletes a custom role that no user holds any more. */
export async function deleteRole(scope: TenantScope, id: string) {
  const role = await findRole(scope, id)
  if (role.builtIn) throw new AppError(409, 'E_CONFLICT', 'Built-in roles cannot be deleted')
  if (role.userCount > 0) throw new AppError(409, 'E_CONFLICT', 'Remove this role from its users first')
  await scope.trx.from('roles').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'role.deleted', entityType: 'role', entityId: id })
  return role
}


function slugKey(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 30) || 'role'
}
