import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { FieldError, notFound } from '#shared/errors'
import { assertAllExist, assertNameFree } from '#identity/actions/memberships'

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
  /** What happens to a caller who waited `overflowAfterSeconds`: another queue, voicemail, or a callback that keeps their place. */
  overflowAction?: 'queue' | 'voicemail' | 'callback'
  /** When its calls are recorded; null follows the organisation's voice settings. */
  recordingMode?: 'never' | 'on_demand' | 'always' | null
}

/** Creates a queue. */
export async function createQueue(scope: TenantScope, input: QueueInput) {
  await assertNameFree(scope, 'queues', input.name)
  if (input.overflowQueueId) await assertAllExist(scope, 'queues', [input.overflowQueueId], 'overflowQueueId')
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
    overflow_action: input.overflowAction ?? 'queue',
    recording_mode: input.recordingMode ?? null,
  })
  await recordEvent(scope, { type: 'queue.created', entityType: 'queue', entityId: id, payload: { name: input.name } })
  return id
}

/** Changes a queue's settings (a queue cannot overflow into itself). */
export async function updateQueue(scope: TenantScope, id: string, input: Partial<QueueInput>) {
  const current = await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!current) throw notFound('Queue')
  if (input.name && input.name.toLowerCase() !== current.name.toLowerCase()) await assertNameFree(scope, 'queues', input.name)
  if (input.overflowQueueId) {
    if (input.overflowQueueId === id) throw new FieldError('overflowQueueId', 'different', 'A queue cannot overflow into itself')
    await assertAllExist(scope, 'queues', [input.overflowQueueId], 'overflowQueueId')
  }
  const columns: Record<string, unknown> = { updated_at: new Date() }
  const map: Record<string, string> = {
    name: 'name', strategy: 'strategy', priority: 'priority', serviceLevelSeconds: 'service_level_seconds', wrapUpSeconds: 'wrap_up_seconds',
    offerTimeoutSeconds: 'offer_timeout_seconds', relaxAfterSeconds: 'relax_after_seconds', overflowAfterSeconds: 'overflow_after_seconds', overflowQueueId: 'overflow_queue_id',
    overflowAction: 'overflow_action', recordingMode: 'recording_mode',
  }
  for (const [key, column] of Object.entries(map)) if ((input as Record<string, unknown>)[key] !== undefined) columns[column] = (input as Record<string, unknown>)[key]
  await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', id).update(columns)
  await recordEvent(scope, { type: 'queue.updated', entityType: 'queue', entityId: id, payload: input as Record<string, unknown> })
}

/** Creates a skill. */
export async function createSkill(scope: TenantScope, name: string) {
  await assertNameFree(scope, 'skills', name)
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
  await assertAllExist(scope, 'skills', [...new Set(skills.map((s) => s.skillId))], 'skills')
  await scope.trx.from('queue_skills').where('tenant_id', scope.tenantId).where('queue_id', queueId).delete()
  if (skills.length) {
    await scope.trx.table('queue_skills').insert(skills.map((s) => ({ tenant_id: scope.tenantId, queue_id: queueId, skill_id: s.skillId, min_level: s.minLevel })))
  }
}

/** Replaces an agent's skills and proficiency levels (1–10). */
export async function setAgentSkills(scope: TenantScope, userId: string, skills: Array<{ skillId: string; level: number }>) {
  await assertAllExist(scope, 'skills', [...new Set(skills.map((s) => s.skillId))], 'skills')
  await scope.trx.from('agent_skills').where('tenant_id', scope.tenantId).where('user_id', userId).delete()
  if (skills.length) {
    await scope.trx.table('agent_skills').insert(skills.map((s) => ({ tenant_id: scope.tenantId, user_id: userId, skill_id: s.skillId, level: s.level })))
  }
}
