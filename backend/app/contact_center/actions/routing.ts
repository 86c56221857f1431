import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { changeAgentState } from '#contact_center/actions/agent_states'

/** An offer the router made: this call rings this agent until `expiresAt`. */
export interface Offer {
  id: string
  callId: string
  userId: string
  expiresAt: Date
}

const ORDER_BY: Record<string, string> = {
  longest_idle: 'a.since asc, a.user_id',
  most_skilled: 'proficiency desc, a.since asc, a.user_id',
  round_robin: 'a.last_offer_at asc nulls first, a.user_id',
}

/**
 * One routing pass for a tenant: waiting calls, highest priority and longest waiting first across
 * every queue, each offered to the best eligible ready agent. Calls and agents are claimed with
 * `FOR UPDATE SKIP LOCKED`, so concurrent passes in other processes take other rows instead of
 * waiting, and the partial unique indexes on offers refuse any second offer outright.
 */
export async function routeWaitingCalls(scope: TenantScope, limit = 50): Promise<Offer[]> {
  const { rows: calls } = await scope.trx.rawQuery(
    `select c.id, c.queue_id, c.target_agent_id, extract(epoch from now() - c.queued_at)::int as waited,
            q.strategy, q.offer_timeout_seconds, q.relax_after_seconds
       from calls c join queues q on q.tenant_id = c.tenant_id and q.id = c.queue_id
      where c.tenant_id = ? and c.status = 'queued'
      order by c.priority desc, c.queued_at asc, c.id
      for update of c skip locked
      limit ?`,
    [scope.tenantId, limit]
  )
  const offers: Offer[] = []
  for (const call of calls) {
    const agentId = await pickAgent(scope, call)
    if (agentId) offers.push(await offerCall(scope, call, agentId))
  }
  return offers
}

/**
 * The best ready, unlocked agent who serves the call's queue, has every required skill at the
 * required level (lowered by one level per `relax_after_seconds` of waiting, never below 1), and
 * has not already refused or missed this call.
 */
async function pickAgent(scope: TenantScope, call: Record<string, any>): Promise<string | null> {
  if (call.target_agent_id) return pickTargetAgent(scope, call)
  const relax = call.relax_after_seconds ? Math.floor(call.waited / call.relax_after_seconds) : 0
  const { rows } = await scope.trx.rawQuery(
    `select a.user_id,
            (select coalesce(sum(s.level), 0) from queue_skills qs
               join agent_skills s on s.tenant_id = qs.tenant_id and s.skill_id = qs.skill_id and s.user_id = a.user_id
              where qs.tenant_id = a.tenant_id and qs.queue_id = :queue) as proficiency
       from agent_states a
       join queue_members m on m.tenant_id = a.tenant_id and m.user_id = a.user_id and m.queue_id = :queue
      where a.tenant_id = :tenant and a.state = 'ready' and not a.locked
        and not exists (
          select 1 from queue_skills qs
            left join agent_skills s on s.tenant_id = qs.tenant_id and s.skill_id = qs.skill_id and s.user_id = a.user_id
           where qs.tenant_id = a.tenant_id and qs.queue_id = :queue
             and coalesce(s.level, 0) < greatest(1, qs.min_level - :relax))
        and not exists (
          select 1 from offers o
           where o.tenant_id = a.tenant_id and o.call_id = :call and o.user_id = a.user_id and o.status in ('rejected', 'expired'))
      order by ${ORDER_BY[call.strategy] ?? ORDER_BY.longest_idle}
      for update of a skip locked
      limit 1`,
    { tenant: scope.tenantId, queue: call.queue_id, call: call.id, relax }
  )
  return rows[0]?.user_id ?? null
}

/** A call transferred to one agent waits for that agent alone (no queue membership or skills needed). */
async function pickTargetAgent(scope: TenantScope, call: Record<string, any>): Promise<string | null> {
  const { rows } = await scope.trx.rawQuery(
    `select user_id from agent_states
      where tenant_id = ? and user_id = ? and state = 'ready' and not locked
      for update skip locked`,
    [scope.tenantId, call.target_agent_id]
  )
  return rows[0]?.user_id ?? null
}

async function offerCall(scope: TenantScope, call: Record<string, any>, userId: string): Promise<Offer> {
  const id = newId()
  const expiresAt = new Date(Date.now() + call.offer_timeout_seconds * 1000)
  await scope.trx.table('offers').insert({ tenant_id: scope.tenantId, id, call_id: call.id, user_id: userId, expires_at: expiresAt })
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', call.id)
    .update({ status: 'offered', agent_id: userId, offered_at: scope.trx.raw('coalesce(offered_at, now())') })
  await changeAgentState(scope, userId, { to: 'reserved', by: 'system', callId: call.id })
  await recordEvent(scope, { type: 'call.offered', entityType: 'call', entityId: call.id, payload: { offerId: id, agentId: userId, queueId: call.queue_id, expiresAt: expiresAt.toISOString() } })
  return { id, callId: call.id, userId, expiresAt }
}
