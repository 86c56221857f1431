import { newId } from '#shared/ids'
import { notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { assertAllExist, assertNameFree, replacePivot, TEAM_MEMBERS, TEAM_SUPERVISORS } from '#identity/actions/memberships'

/** The API shape of a team. */
export interface TeamResource {
  id: string
  name: string
  description: string
  supervisors: Array<{ id: string; displayName: string }>
  memberCount: number
  members?: Array<{ id: string; displayName: string; email: string }>
}

/** Every team with its supervisors and member count (optionally only some ids). */
export async function listTeams(scope: TenantScope, onlyIds?: string[]): Promise<TeamResource[]> {
  const query = scope.trx
    .from('teams as t')
    .where('t.tenant_id', scope.tenantId)
    .select('t.id', 't.name', 't.description')
    .select(scope.trx.raw('(select count(*) from team_members m where m.tenant_id = t.tenant_id and m.team_id = t.id)::int as member_count'))
    .orderBy('t.name')
  if (onlyIds) query.whereIn('t.id', onlyIds)
  const rows = await query
  if (rows.length === 0) return []
  const supervisors = await scope.trx
    .from('team_supervisors as s')
    .join('users as u', (j) => j.on('u.tenant_id', 's.tenant_id').andOn('u.id', 's.user_id'))
    .where('s.tenant_id', scope.tenantId)
    .whereIn('s.team_id', rows.map((r) => r.id))
    .select('s.team_id', 'u.id', 'u.display_name')
    .orderBy('u.display_name')
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: row.member_count,
    supervisors: supervisors.filter((s) => s.team_id === row.id).map((s) => ({ id: s.id, displayName: s.display_name })),
  }))
}

/** One team with its members, or 404. */
export async function findTeam(scope: TenantScope, id: string): Promise<TeamResource> {
  const [team] = await withMembers(scope, await listTeams(scope, [id]))
  if (!team) throw notFound('Team')
  return team
}

/**
 * The teams a user supervises or belongs to, with their members: what a supervisor watches and
 * an agent works in, without the permission to see every team.
 */
export async function listMyTeams(scope: TenantScope, userId: string) {
  const links = await scope.trx
    .from('team_supervisors')
    .where('tenant_id', scope.tenantId)
    .where('user_id', userId)
    .select('team_id', scope.trx.raw(`'supervisor' as relation`))
    .unionAll((q) => q.from('team_members').where('tenant_id', scope.tenantId).where('user_id', userId).select('team_id', scope.trx.raw(`'member' as relation`)))
  const ids = [...new Set(links.map((l) => l.team_id as string))]
  if (ids.length === 0) return []
  const teams = await withMembers(scope, await listTeams(scope, ids))
  return teams.map((team) => ({
    ...team,
    relation: links.some((l) => l.team_id === team.id && l.relation === 'supervisor') ? ('supervisor' as const) : ('member' as const),
  }))
}

async function withMembers(scope: TenantScope, teams: TeamResource[]): Promise<TeamResource[]> {
  if (teams.length === 0) return []
  const members = await scope.trx
    .from('team_members as m')
    .join('users as u', (j) => j.on('u.tenant_id', 'm.tenant_id').andOn('u.id', 'm.user_id'))
    .where('m.tenant_id', scope.tenantId)
    .whereIn('m.team_id', teams.map((t) => t.id))
    .select('m.team_id', 'u.id', 'u.display_name', 'u.email')
    .orderBy('u.display_name')
  return teams.map((team) => ({
    ...team,
    members: members.filter((m) => m.team_id === team.id).map((m) => ({ id: m.id, displayName: m.display_name, email: m.email })),
  }))
}

/** Input of a team. */
export interface TeamInput {
  name?: string
  description?: string
  supervisorIds?: string[]
}

/** Creates a team. */
export async function createTeam(scope: TenantScope, input: TeamInput & { name: string }) {
  await assertNameFree(scope, 'teams', input.name)
  await assertAllExist(scope, 'users', input.supervisorIds ?? [], 'supervisorIds')
  const id = newId()
  await scope.trx.table('teams').insert({ tenant_id: scope.tenantId, id, name: input.name, description: input.description ?? '' })
  await replacePivot(scope, TEAM_SUPERVISORS, id, input.supervisorIds ?? [])
  await recordEvent(scope, { type: 'team.created', entityType: 'team', entityId: id, payload: { name: input.name } })
  return findTeam(scope, id)
}

/** Changes a team's name, description or supervisors. */
export async function updateTeam(scope: TenantScope, id: string, input: TeamInput) {
  const before = await findTeam(scope, id)
  if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(scope, 'teams', input.name)
  if (input.supervisorIds) await assertAllExist(scope, 'users', input.supervisorIds, 'supervisorIds')
  const changes: Record<string, unknown> = { updated_at: new Date() }
  if (input.name !== undefined) changes.name = input.name
  if (input.description !== undefined) changes.description = input.description
  await scope.trx.from('teams').where('tenant_id', scope.tenantId).where('id', id).update(changes)
  if (input.supervisorIds) await replacePivot(scope, TEAM_SUPERVISORS, id, input.supervisorIds)
  const after = await findTeam(scope, id)
  await recordEvent(scope, { type: 'team.updated', entityType: 'team', entityId: id, payload: { name: after.name } })
  return { before, after }
}

/** Replaces a team's members. */
export async function setTeamMembers(scope: TenantScope, id: string, userIds: string[]) {
  const before = await findTeam(scope, id)
  await assertAllExist(scope, 'users', userIds, 'userIds')
  await replacePivot(scope, TEAM_MEMBERS, id, userIds)
  const after = await findTeam(scope, id)
  await recordEvent(scope, { type: 'team.members_changed', entityType: 'team', entityId: id, payload: { userIds } })
  return { before, after }
}

/** Deletes a team (its memberships go with it). */
export async function deleteTeam(scope: TenantScope, id: string) {
  const team = await findTeam(scope, id)
  await scope.trx.from('teams').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'team.deleted', entityType: 'team', entityId: id })
  return team
}

