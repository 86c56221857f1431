import { notFound } from '#shared/errors'
import { likeEscape, paginate } from '#shared/pagination'
import type { TenantScope } from '#shared/scope'
import { toUserResource, type UserResource } from '#identity/transformers/user_transformer'

/** Filters of the user list. */
export interface UserFilters {
  search?: string
  status?: 'active' | 'invited' | 'deactivated'
  page?: number
  perPage?: number
}

/** One users row of the scope's tenant, or 404. */
export async function findUserRow(scope: TenantScope, id: string) {
  const row = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('User')
  return row
}

/** One user as the API shows it, or 404. */
export async function findUser(scope: TenantScope, id: string): Promise<UserResource> {
  const [user] = await withRolesAndTeams(scope, [await findUserRow(scope, id)])
  return user
}

/** A page of users, newest first, with their roles and teams. */
export async function listUsers(scope: TenantScope, filters: UserFilters) {
  const query = scope.trx.from('users').where('tenant_id', scope.tenantId)
  if (filters.status) query.where('status', filters.status)
  if (filters.search) {
    const like = `%${likeEscape(filters.search)}%`
    query.where((q) => q.whereILike('email', like).orWhereILike('display_name', like))
  }
  query.orderBy('created_at', 'desc').orderBy('id', 'desc')
  return paginate(query, filters, 25, (rows) => withRolesAndTeams(scope, rows))
}

/** Loads roles and teams for many users in two queries. */
export async function withRolesAndTeams(scope: TenantScope, rows: Record<string, any>[]): Promise<UserResource[]> {
  const ids = rows.map((r) => r.id)
  if (ids.length === 0) return []
  const roles = await scope.trx
    .from('user_roles as ur')
    .join('roles as r', (j) => j.on('r.tenant_id', 'ur.tenant_id').andOn('r.id', 'ur.role_id'))
    .where('ur.tenant_id', scope.tenantId)
    .whereIn('ur.user_id', ids)
    .orderBy('r.name')
    .select('ur.user_id', 'r.id', 'r.key', 'r.name')
  const teams = await scope.trx
    .from('team_members as tm')
    .join('teams as t', (j) => j.on('t.tenant_id', 'tm.tenant_id').andOn('t.id', 'tm.team_id'))
    .where('tm.tenant_id', scope.tenantId)
    .whereIn('tm.user_id', ids)
    .orderBy('t.name')
    .select('tm.user_id', 't.id', 't.name')
  return rows.map((row) =>
    toUserResource(
      row,
      roles.filter((r) => r.user_id === row.id).map(({ id, key, name }) => ({ id, key, name })),
      teams.filter((t) => t.user_id === row.id).map(({ id, name }) => ({ id, name }))
    )
  )
}
