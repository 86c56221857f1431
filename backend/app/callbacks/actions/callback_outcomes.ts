import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'

/**
 * What becomes of a scheduled callback when its call is answered or ends unanswered. Called by the
 * ACD (offers, calls), so this file imports nothing from it.
 */

/** An agent answered the callback call (and it was dialled): the callback is completed. */
export async function completeCallback(scope: TenantScope, call: Record<string, any>, agentId: string) {
  if (!call.callback_id) return
  const updated = await scope.trx
    .from('scheduled_callbacks')
    .where('tenant_id', scope.tenantId)
    .where('id', call.callback_id)
    .where('status', 'queued')
    .update({ status: 'completed', finished_at: new Date(), updated_at: new Date() })
  if (updated) {
    await recordEvent(scope, { type: 'callback.completed', entityType: 'callback', entityId: call.callback_id, payload: { agentId, queueId: call.queue_id ?? null, callId: call.id } })
  }
}

/** The callback call ended before anyone answered it (a cancellation sets its own status first). */
export async function failCallback(scope: TenantScope, call: Record<string, any>, reason: string) {
  if (!call.callback_id) return
  const updated = await scope.trx
    .from('scheduled_callbacks')
    .where('tenant_id', scope.tenantId)
    .where('id', call.callback_id)
    .where('status', 'queued')
    .update({ status: 'failed', failure_reason: reason, finished_at: new Date(), updated_at: new Date() })
  if (updated) {
    const owner = await scope.trx.from('scheduled_callbacks').where('tenant_id', scope.tenantId).where('id', call.callback_id).select('agent_id').first()
    await recordEvent(scope, { type: 'callback.failed', entityType: 'callback', entityId: call.callback_id, payload: { agentId: owner?.agent_id ?? null, queueId: call.queue_id ?? null, callId: call.id, reason } })
  }
}
