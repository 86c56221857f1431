import type { TenantScope } from '#shared/scope'

/**
 * The organisation's teams that have members, each with its members' user ids (what KPIs by team
 * pass to the library). Memberships are today's: a call counts in the teams its agent is in now.
 */
export async function teamMemberships(scope: TenantScope): Promise<Record<string, string[]>> {
  const rows: Array<{ team_id: string; user_id: string }> = await scope.trx
    .from('team_members')
    .where('tenant_id', scope.tenantId)
    .orderBy(['team_id', 'user_id'])
    .select('team_id', 'user_id')
  const teams: Record<string, string[]> = {}
  for (const row of rows) (teams[row.team_id] ??= []).push(row.user_id)
  return teams
}

/** The user ids of one team's members; none for a team of another organisation (it then matches nothing). */
export async function membersOf(scope: TenantScope, teamId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await scope.trx
    .from('team_members')
    .where('tenant_id', scope.tenantId)
    .where('team_id', teamId)
    .select('user_id')
  return rows.map((r) => r.user_id)
}
