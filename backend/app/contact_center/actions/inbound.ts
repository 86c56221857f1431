import { AppError } from '#shared/errors'
import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { lockCall } from '#contact_center/actions/calls'

/** A caller arriving with media, before the IVR: from the web widget or a SIP number. */
export interface ArrivingCall {
  channel: 'voice' | 'web'
  entryPointId: string | null
  language: 'en' | 'zh-CN'
  ani: string | null
  dnis: string | null
  room: string
  /** The caller's participant identity in the room. */
  customerIdentity: string
  /** Our id, when the room name already carries it (web calls); otherwise a new one. */
  callId?: string
}

/** Records a caller who just arrived: a ringing call with its customer leg, in its room. */
export async function startInboundCall(scope: TenantScope, input: ArrivingCall) {
  const id = input.callId ?? newId()
  const now = new Date()
  await scope.trx.table('calls').insert({
    tenant_id: scope.tenantId,
    id,
    direction: 'inbound',
    channel: input.channel,
    status: 'ringing',
    ani: input.ani,
    dnis: input.dnis,
    room: input.room,
    entry_point_id: input.entryPointId,
    language: input.language,
    created_at: now,
  })
  await scope.trx.table('call_legs').insert({ tenant_id: scope.tenantId, id: newId(), call_id: id, role: 'customer', identity: input.customerIdentity, joined_at: now })
  await recordEvent(scope, { type: 'call.created', entityType: 'call', entityId: id, payload: { channel: input.channel, entryPointId: input.entryPointId, ani: input.ani, dnis: input.dnis } })
  return id
}

/** The bot answered: the caller hears the greeting and the IVR menu. */
export async function answerByBot(scope: TenantScope, callId: string, botIdentity: string) {
  const call = await lockCall(scope, callId)
  if (call.status !== 'ringing') return false
  await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).update({ status: 'ivr' })
  await scope.trx.table('call_legs').insert({ tenant_id: scope.tenantId, id: newId(), call_id: callId, role: 'bot', identity: botIdentity })
  await recordEvent(scope, { type: 'call.ivr_started', entityType: 'call', entityId: callId, payload: { entryPointId: call.entry_point_id } })
  return true
}

/** A digit the caller pressed in the IVR, kept on the call (the agent sees the path taken). */
export async function recordIvrDigit(scope: TenantScope, callId: string, digit: string) {
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', callId)
    .where('status', 'ivr')
    .update({ ivr_digits: scope.trx.raw('array_append(ivr_digits, ?)', [digit]) })
}

/** The IVR chose a queue: the call waits there with the queue's priority. */
export async function enterQueue(scope: TenantScope, callId: string, queueId: string) {
  const call = await lockCall(scope, callId)
  if (call.status !== 'ivr' && call.status !== 'ringing') throw new AppError(409, 'E_CONFLICT', `The call is ${call.status}`)
  const queue = await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', queueId).first()
  if (!queue) throw new AppError(409, 'E_CONFLICT', 'The IVR points at a queue that no longer exists')
  await scope.trx
    .from('calls')
    .where('tenant_id', scope.tenantId)
    .where('id', callId)
    .update({ status: 'queued', queue_id: queue.id, priority: queue.priority, queued_at: new Date() })
  await recordEvent(scope, { type: 'call.queued', entityType: 'call', entityId: callId, payload: { queueId: queue.id, channel: call.channel, ani: call.ani } })
}

/** Where a waiting call stands: its place in the queue and a wait estimate from recent answers. */
export async function queuePosition(scope: TenantScope, callId: string) {
  const { rows } = await scope.trx.rawQuery(
    `with me as (select queue_id, priority, queued_at from calls where tenant_id = :tenant and id = :call and status = 'queued')
     select
       (select count(*) from calls c, me where c.tenant_id = :tenant and c.queue_id = me.queue_id and c.status = 'queued'
          and (c.priority > me.priority or (c.priority = me.priority and c.queued_at <= me.queued_at)))::int as position,
       (select coalesce(avg(extract(epoch from answered_at - queued_at)), 60) from calls c, me
         where c.tenant_id = :tenant and c.queue_id = me.queue_id and c.answered_at > now() - interval '1 hour')::float as average_wait
       from me`,
    { tenant: scope.tenantId, call: callId }
  )
  if (!rows[0]) return null
  return { position: rows[0].position as number, waitMinutes: Math.max(1, Math.round((rows[0].position * rows[0].average_wait) / 60)) }
}
