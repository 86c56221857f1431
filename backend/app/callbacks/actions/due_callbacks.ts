import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'

/** How long a personal callback waits for its agent before anyone in the queue may take it. */
export const PERSONAL_GRACE_MINUTES = 15

/**
 * Callbacks that fell due become queued callback calls (`calls.callback = true`, `callback_id`),
 * offered like any call: a personal one to its agent only (`target_agent_id`), the others to the
 * queue. The call keeps the due time as its queue time, so it is served before later callers.
 * Claimed with SKIP LOCKED, so concurrent ACD passes take other rows.
 */
export async function queueDueCallbacks(scope: TenantScope, limit = 100) {
  const { rows } = await scope.trx.rawQuery(
    `select b.id, b.number, b.queue_id, b.mode, b.agent_id, b.simulated, b.due_at, q.priority
       from scheduled_callbacks b
       join queues q on q.tenant_id = b.tenant_id and q.id = b.queue_id
      where b.tenant_id = ? and b.status = 'scheduled' and b.due_at <= now()
      order by b.due_at, b.id
      for update of b skip locked
      limit ?`,
    [scope.tenantId, limit]
  )
  const now = new Date()
  for (const callback of rows) {
    const callId = newId()
    const channel = callback.simulated ? 'simulated' : 'voice'
    const targetAgentId = callback.mode === 'personal' ? callback.agent_id : null
    await scope.trx.table('calls').insert({
      tenant_id: scope.tenantId,
      id: callId,
      direction: 'outbound',
      channel,
      status: 'queued',
      dnis: callback.number,
      queue_id: callback.queue_id,
      priority: callback.priority,
      target_agent_id: targetAgentId,
      callback: true,
      callback_id: callback.id,
      created_at: now,
      queued_at: callback.due_at,
    })
    await scope.trx
      .from('scheduled_callbacks')
      .where('tenant_id', scope.tenantId)
      .where('id', callback.id)
      .update({ status: 'queued', call_id: callId, queued_at: now, updated_at: now })
    await recordEvent(scope, { type: 'call.queued', entityType: 'call', entityId: callId, payload: { queueId: callback.queue_id, channel, ani: null, callbackId: callback.id, targetAgentId } })
    await recordEvent(scope, { type: 'callback.queued', entityType: 'callback', entityId: callback.id, payload: { agentId: callback.agent_id, queueId: callback.queue_id, callId, mode: callback.mode } })
  }
  return rows.length as number
}

/**
 * Personal callbacks whose agent did not take them within the grace period go to the whole queue
 * (an agent declining or missing the offer sends it there at once, as for any call).
 */
export async function releaseOverduePersonalCallbacks(scope: TenantScope) {
  const { rows } = await scope.trx.rawQuery(
    `select c.id, c.queue_id, c.callback_id, c.target_agent_id from calls c
      where c.tenant_id = ? and c.status = 'queued' and c.callback_id is not null and c.target_agent_id is not null
        and c.queued_at + make_interval(mins => ?) <= now()
      for update of c skip locked`,
    [scope.tenantId, PERSONAL_GRACE_MINUTES]
  )
  for (const call of rows) {
    await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', call.id).update({ target_agent_id: null })
    await recordEvent(scope, {
      type: 'callback.fallback',
      entityType: 'callback',
      entityId: call.callback_id,
      payload: { agentId: call.target_agent_id, queueId: call.queue_id, callId: call.id },
    })
  }
  return rows.length as number
}
