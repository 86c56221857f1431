import { notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'
import { callSnapshot } from '#contact_center/queries/call_query'

/** The API shape of an agent's live state. */
export function toAgentStatus(row: Record<string, any>) {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    state: row.state ?? 'offline',
    reason: row.reason ?? null,
    locked: row.locked ?? false,
    since: iso(row.since),
    currentCallId: row.current_call_id ?? null,
  }
}

/** Every active agent-capable user with their state (offline when they never signed in). */
export async function listAgentStatuses(scope: TenantScope) {
  const rows = await scope.trx
    .from('users as u')
    .leftJoin('agent_states as a', (j) => j.on('a.tenant_id', 'u.tenant_id').andOn('a.user_id', 'u.id'))
    .where('u.tenant_id', scope.tenantId)
    .where('u.status', 'active')
    .whereExists((q) =>
      q.from('user_roles as ur').join('roles as r', (j) => j.on('r.tenant_id', 'ur.tenant_id').andOn('r.id', 'ur.role_id'))
        .whereRaw('ur.tenant_id = u.tenant_id and ur.user_id = u.id')
        .whereRaw(`'calls.handle' = any(r.permissions)`)
    )
    .select('u.id as user_id', 'u.display_name', 'a.state', 'a.reason', 'a.locked', 'a.since', 'a.current_call_id')
    .orderBy('u.display_name')
  return rows.map(toAgentStatus)
}

/** One agent's status with their pending offer and current call, as the agent's own screen needs. */
export async function agentStatus(scope: TenantScope, userId: string) {
  const row = await scope.trx
    .from('users as u')
    .leftJoin('agent_states as a', (j) => j.on('a.tenant_id', 'u.tenant_id').andOn('a.user_id', 'u.id'))
    .where('u.tenant_id', scope.tenantId)
    .where('u.id', userId)
    .select('u.id as user_id', 'u.display_name', 'a.state', 'a.reason', 'a.locked', 'a.since', 'a.current_call_id')
    .first()
  if (!row) throw notFound('Agent')
  const offer = await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('user_id', userId).where('status', 'pending').first()
  const call = row.current_call_id ? await callSnapshot(scope, row.current_call_id, userId) : null
  return {
    ...toAgentStatus(row),
    offer: offer ? await toOffer(scope, offer) : null,
    call,
  }
}

/** The API shape of a pending offer; a consult offer says which agent asks. */
async function toOffer(scope: TenantScope, offer: Record<string, any>) {
  const base = { id: offer.id, callId: offer.call_id, kind: offer.kind, offeredAt: iso(offer.offered_at), expiresAt: iso(offer.expires_at) }
  if (offer.kind !== 'consult') return { ...base, fromAgentId: null, fromAgentName: null }
  const from = await scope.trx
    .from('calls as c')
    .join('users as u', (j) => j.on('u.tenant_id', 'c.tenant_id').andOn('u.id', 'c.consult_initiator_id'))
    .where('c.tenant_id', scope.tenantId)
    .where('c.id', offer.call_id)
    .select('u.id', 'u.display_name')
    .first()
  return { ...base, fromAgentId: from?.id ?? null, fromAgentName: from?.display_name ?? null }
}

/** The API shape of a queue with its skills and members. */
export async function listQueues(scope: TenantScope, onlyId?: string) {
  const query = scope.trx.from('queues').where('tenant_id', scope.tenantId).orderBy('name')
  if (onlyId) query.where('id', onlyId)
  const rows = await query
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const skills = await scope.trx
    .from('queue_skills as qs')
    .join('skills as s', (j) => j.on('s.tenant_id', 'qs.tenant_id').andOn('s.id', 'qs.skill_id'))
    .where('qs.tenant_id', scope.tenantId)
    .whereIn('qs.queue_id', ids)
    .select('qs.queue_id', 's.id', 's.name', 'qs.min_level')
  const members = await scope.trx.from('queue_members').where('tenant_id', scope.tenantId).whereIn('queue_id', ids).select('queue_id', 'user_id')
  const waiting = await scope.trx.from('calls').where('tenant_id', scope.tenantId).whereIn('queue_id', ids).where('status', 'queued')
    .groupBy('queue_id').select('queue_id').count('* as n').min('queued_at as oldest')
  return rows.map((q) => {
    const w = waiting.find((x) => x.queue_id === q.id)
    return {
      id: q.id,
      name: q.name,
      strategy: q.strategy,
      priority: q.priority,
      serviceLevelSeconds: q.service_level_seconds,
      wrapUpSeconds: q.wrap_up_seconds,
      offerTimeoutSeconds: q.offer_timeout_seconds,
      relaxAfterSeconds: q.relax_after_seconds,
      overflowAfterSeconds: q.overflow_after_seconds,
      overflowQueueId: q.overflow_queue_id,
      overflowAction: q.overflow_action,
      recordingMode: q.recording_mode ?? null,
      skills: skills.filter((s) => s.queue_id === q.id).map((s) => ({ skillId: s.id, name: s.name, minLevel: s.min_level })),
      memberIds: members.filter((m) => m.queue_id === q.id).map((m) => m.user_id),
      waiting: Number(w?.n ?? 0),
      oldestQueuedAt: iso(w?.oldest ?? null),
    }
  })
}

/** One queue, or 404. */
export async function findQueue(scope: TenantScope, id: string) {
  const [queue] = await listQueues(scope, id)
  if (!queue) throw notFound('Queue')
  return queue
}

/** An agent's profile for supervisors: who they are, their skills with levels, their teams and queues; 404 outside the tenant. */
export async function agentProfile(scope: TenantScope, userId: string) {
  const user = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', userId).select('id', 'display_name', 'email').first()
  if (!user) throw notFound('Agent')
  const skills = await scope.trx
    .from('agent_skills as a')
    .join('skills as s', (j) => j.on('s.tenant_id', 'a.tenant_id').andOn('s.id', 'a.skill_id'))
    .where('a.tenant_id', scope.tenantId)
    .where('a.user_id', userId)
    .select('s.id', 's.name', 'a.level')
    .orderBy('s.name')
  const teams = await scope.trx
    .from('team_members as m')
    .join('teams as t', (j) => j.on('t.tenant_id', 'm.tenant_id').andOn('t.id', 'm.team_id'))
    .where('m.tenant_id', scope.tenantId)
    .where('m.user_id', userId)
    .select('t.id', 't.name')
    .orderBy('t.name')
  const queues = await scope.trx
    .from('queue_members as m')
    .join('queues as q', (j) => j.on('q.tenant_id', 'm.tenant_id').andOn('q.id', 'm.queue_id'))
    .where('m.tenant_id', scope.tenantId)
    .where('m.user_id', userId)
    .select('q.id', 'q.name')
    .orderBy('q.name')
  return {
    userId: user.id,
    displayName: user.display_name,
    email: user.email,
    skills: skills.map((s) => ({ skillId: s.id, name: s.name, level: s.level })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    queues: queues.map((q) => ({ id: q.id, name: q.name })),
  }
}
