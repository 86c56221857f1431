import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { assertAllExist } from '#identity/actions/memberships'

/** Settings of a queue. */
export interface QueueInput {
  name: string
  strategy?: 'longest_idle' | 'most_skilled' | 'round_robin'
  priority?: number
  serviceLevelSeconds?: number
  wrapUpSeconds?: number
  offerTimeoutSeconds?: number
  relaxAfterSeconds?: number | null
  overflowAfterSeconds?: number | null
  overflowQueueId?: string | null
}

/** Creates a queue. */
export async function createQueue(scope: TenantScope, input: QueueInput) {
  const id = newId()
  await scope.trx.table('queues').insert({
    tenant_id: scope.tenantId,
    id,
    name: input.name,
    strategy: input.strategy ?? 'longest_idle',
    priority: input.priority ?? 0,
    service_level_seconds: input.serviceLevelSeconds ?? 20,
    wrap_up_seconds: input.wrapUpSeconds ?? 10,
    offer_timeout_seconds: input.offerTimeoutSeconds ?? 20,
    relax_after_seconds: input.relaxAfterSeconds ?? null,
    overflow_after_seconds: input.overflowAfterSeconds ?? null,
    overflow_queue_id: input.overflowQueueId ?? null,
  })
  await recordEvent(scope, { type: 'queue.created', entityType: 'queue', entityId: id, payload: { name: input.name } })
  return id
}

/** Creates a skill. */
export async function createSkill(scope: TenantScope, name: string) {
  const id = newId()
  await scope.trx.table('skills').insert({ tenant_id: scope.tenantId, id, name })
  return id
}

/** Replaces the agents who serve a queue. */
export async function setQueueMembers(scope: TenantScope, queueId: string, userIds: string[]) {
  await assertAllExist(scope, 'users', userIds, 'userIds')
  await scope.trx.from('queue_members').where('tenant_id', scope.tenantId).where('queue_id', queueId).delete()
  if (userIds.length) {
    await scope.trx.table('queue_members').insert(userIds.map((userId) => ({ tenant_id: scope.tenantId, queue_id: queueId, user_id: userId })))
  }
}

/** Replaces the skills a queue requires, with the minimum level of each. */
export async function setQueueSkills(scope: TenantScope, queueId: string, skills: Array<{ skillId: string; minLevel: number }>) {
  await scope.trx.from('queue_skills').where('tenant_id', scope.tenantId).where('queue_id', queueId).delete()
  if (skills.length) {
    await scope.trx.table('queue_skills').insert(skills.map((s) => ({ tenant_id: scope.tenantId, queue_id: queueId, skill_id: s.skillId, min_level: s.minLevel })))
  }
}

/** Replaces an agent's skills and proficiency levels (1–10). */
export async function setAgentSkills(scope: TenantScope, userId: string, skills: Array<{ skillId: string; level: number }>) {
  await scope.trx.from('agent_skills').where('tenant_id', scope.tenantId).where('user_id', userId).delete()
  if (skills.length) {
    await scope.trx.table('agent_skills').insert(skills.map((s) => ({ tenant_id: scope.tenantId, user_id: userId, skill_id: s.skillId, level: s.level })))
  }
}
