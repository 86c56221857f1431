import type { TenantScope } from '#shared/scope'

/** Names of queues, agents and teams by id (the analytics store keeps ids only). */
export interface Names {
  queues: Map<string, string>
  agents: Map<string, string>
  teams: Map<string, string>
}

type Ids = Iterable<string | null | undefined>

/** The names of the organisation's queues, users and teams among the given ids; another organisation's ids find nothing. */
export async function namesOf(scope: TenantScope, ids: { queueIds?: Ids; agentIds?: Ids; teamIds?: Ids }): Promise<Names> {
  const distinct = (values?: Ids) => [...new Set([...(values ?? [])].filter((v): v is string => !!v && UUID.test(v)))]
  const queueIds = distinct(ids.queueIds)
  const agentIds = distinct(ids.agentIds)
  const teamIds = distinct(ids.teamIds)
  const queues = queueIds.length ? await scope.trx.from('queues').where('tenant_id', scope.tenantId).whereIn('id', queueIds).select('id', 'name') : []
  const agents = agentIds.length ? await scope.trx.from('users').where('tenant_id', scope.tenantId).whereIn('id', agentIds).select('id', 'display_name') : []
  const teams = teamIds.length ? await scope.trx.from('teams').where('tenant_id', scope.tenantId).whereIn('id', teamIds).select('id', 'name') : []
  return {
    teams: new Map<string, string>(teams.map((t) => [t.id, t.name])),
    queues: new Map<string, string>(queues.map((q) => [q.id, q.name])),
    agents: new Map<string, string>(agents.map((a) => [a.id, a.display_name])),
  }
}

// Row keys of the analytics store can be '' or the nil uuid for "no queue": only real uuids are looked up.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
