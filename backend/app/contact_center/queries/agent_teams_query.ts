import type { TenantScope } from '#shared/scope'

/** A team an agent belongs to. */
export interface AgentTeam {
  id: string
  name: string
}

/** The teams of every member of a team, by user id (teams by name), for the supervisors' agent list. */
export async function agentTeamsByUser(scope: TenantScope): Promise<Map<string, AgentTeam[]>> {
  const rows = await scope.trx
    .from('team_members as m')
    .join('teams as t', (j) => j.on('t.tenant_id', 'm.tenant_id').andOn('t.id', 'm.team_id'))
    .where('m.tenant_id', scope.tenantId)
    .select('m.user_id', 't.id', 't.name')
    .orderBy('t.name')
  const byUser = new Map<string, AgentTeam[]>()
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), { id: row.id, name: row.name }])
  return byUser
}
