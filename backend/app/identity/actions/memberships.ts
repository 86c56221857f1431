import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'

/** Checks that every id names a row of the scope's tenant; another tenant's id counts as unknown. */
export async function assertAllExist(scope: TenantScope, table: 'roles' | 'teams' | 'users' | 'queues' | 'skills', ids: string[], field: string) {
  if (ids.length === 0) return
  const found = await scope.trx.from(table).where('tenant_id', scope.tenantId).whereIn('id', ids).select('id')
  if (found.length !== new Set(ids).size) {
    throw new FieldError(field, 'exists', `Some of ${field} do not exist`)
  }
}

/** Replaces one side of a membership pivot (user's roles, user's teams, team's members, team's supervisors). */
export async function replacePivot(
  scope: TenantScope,
  pivot: { table: 'user_roles' | 'team_members' | 'team_supervisors'; ownerColumn: string; memberColumn: string },
  ownerId: string,
  memberIds: string[]
) {
  await scope.trx.from(pivot.table).where('tenant_id', scope.tenantId).where(pivot.ownerColumn, ownerId).delete()
  if (memberIds.length === 0) return
  await scope.trx.table(pivot.table).insert(
    [...new Set(memberIds)].map((memberId) => ({
      tenant_id: scope.tenantId,
      [pivot.ownerColumn]: ownerId,
      [pivot.memberColumn]: memberId,
    }))
  )
}

export const USER_ROLES = { table: 'user_roles', ownerColumn: 'user_id', memberColumn: 'role_id' } as const
export const USER_TEAMS = { table: 'team_members', ownerColumn: 'user_id', memberColumn: 'team_id' } as const
export const TEAM_MEMBERS = { table: 'team_members', ownerColumn: 'team_id', memberColumn: 'user_id' } as const
export const TEAM_SUPERVISORS = { table: 'team_supervisors', ownerColumn: 'team_id', memberColumn: 'user_id' } as const

/** Rejects a name already used by another row of the same kind in the tenant (case-insensitive). */
export async function assertNameFree(scope: TenantScope, table: 'roles' | 'teams' | 'queues' | 'skills', name: string) {
  const taken = await scope.trx.from(table).where('tenant_id', scope.tenantId).whereRaw('lower(name) = lower(?)', [name]).first()
  if (taken) throw new FieldError('name', 'unique', `A ${table.slice(0, -1)} with this name already exists`)
}
