import { newId } from '#shared/ids'
import { AppError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { canTransition, type AgentState, type StateChanger } from '#contact_center/agent_state_machine'
import { assertReasonCode } from '#contact_center/actions/reason_codes'

/** States in which an agent is tied to a call (offered, talking, wrapping it up). */
const ON_A_CALL = new Set<AgentState>(['reserved', 'busy', 'wrap_up'])

/** Options of one state change. */
export interface StateChange {
  to: AgentState
  by: StateChanger
  reason?: string | null
  callId?: string | null
}

/** The agent's state row, locked for this transaction; created offline on first use. */
export async function lockAgentState(scope: TenantScope, userId: string) {
  const user = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', userId).where('status', 'active').first()
  if (!user) throw notFound('Agent')
  await scope.trx.rawQuery(
    `insert into agent_states (tenant_id, user_id) values (?, ?) on conflict (tenant_id, user_id) do nothing`,
    [scope.tenantId, userId]
  )
  return scope.trx.from('agent_states').where('tenant_id', scope.tenantId).where('user_id', userId).forUpdate().first()
}

/**
 * Moves an agent to another state if the state machine allows it for this changer. Every change
 * is a row (attendance, occupancy and adherence are computed from them) and an event.
 */
export async function changeAgentState(scope: TenantScope, userId: string, change: StateChange) {
  const current = await lockAgentState(scope, userId)
  const from = current.state as AgentState
  if (!canTransition(from, change.to, change.by, current.locked)) {
    const why = current.locked && change.by === 'agent' ? 'your supervisor has locked your state' : `not allowed from ${from}`
    throw new AppError(409, 'E_CONFLICT', `Cannot change to ${change.to}: ${why}`)
  }
  const reason = change.to !== 'not_ready' ? null : change.by === 'system' ? (change.reason ?? 'break') : await assertReasonCode(scope, change.reason)
  const now = new Date()
  await scope.trx
    .from('agent_states')
    .where('tenant_id', scope.tenantId)
    .where('user_id', userId)
    .update({
      state: change.to,
      reason,
      since: now,
      current_call_id: change.callId !== undefined ? change.callId : ON_A_CALL.has(change.to) ? current.current_call_id : null,
      ...(change.to === 'reserved' ? { last_offer_at: now } : {}),
    })
  await scope.trx.table('agent_state_changes').insert({
    tenant_id: scope.tenantId,
    id: newId(),
    user_id: userId,
    from_state: from,
    to_state: change.to,
    reason,
    changed_at: now,
    actor_id: scope.actor.id,
  })
  await recordEvent(scope, {
    type: 'agent.state_changed',
    entityType: 'agent',
    entityId: userId,
    payload: { from, to: change.to, reason, by: change.by, callId: change.callId ?? current.current_call_id ?? null },
  })
  return { from, to: change.to, reason }
}

/** Locks or unlocks an agent (supervisor): a locked agent gets no offers and cannot change state. */
export async function setAgentLock(scope: TenantScope, userId: string, locked: boolean) {
  await lockAgentState(scope, userId)
  await scope.trx.from('agent_states').where('tenant_id', scope.tenantId).where('user_id', userId).update({ locked })
  await recordEvent(scope, { type: locked ? 'agent.locked' : 'agent.unlocked', entityType: 'agent', entityId: userId })
}
