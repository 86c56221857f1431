import { notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'
import { paginate } from '#shared/pagination'
import { allowedCallActions, type CallActionContext, type RecordingMode } from '#contact_center/call_actions'

/** The recording mode that applies to a call: its queue's, else the tenant's, else on demand. */
export async function recordingModeOf(scope: TenantScope, queueId: string | null): Promise<RecordingMode> {
  const queue = queueId ? await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', queueId).select('recording_mode').first() : null
  if (queue?.recording_mode) return queue.recording_mode
  const settings = await scope.trx.from('voice_settings').where('tenant_id', scope.tenantId).select('recording_mode').first()
  return settings?.recording_mode ?? 'on_demand'
}

/** What call-control decisions need about one call row, seen by one user. */
export async function callActionContext(scope: TenantScope, call: Record<string, any>, viewerId: string): Promise<CallActionContext> {
  const offer = ['offered', 'connected'].includes(call.status)
    ? await scope.trx.from('offers').where('tenant_id', scope.tenantId).where('call_id', call.id).where('user_id', viewerId).where('status', 'pending').first()
    : null
  const wrapping = call.status === 'ended'
    ? await scope.trx.from('agent_states').where('tenant_id', scope.tenantId).where('user_id', viewerId).where('current_call_id', call.id).where('state', 'wrap_up').first()
    : null
  return {
    status: call.status,
    hasMedia: Boolean(call.room),
    onHold: call.on_hold,
    muted: call.muted,
    recording: call.recording_state,
    recordingMode: await recordingModeOf(scope, call.queue_id),
    offeredToViewer: Boolean(offer),
    viewerIsAgent: call.status === 'connected' && call.agent_id === viewerId,
    viewerWrappingUp: Boolean(wrapping),
    consult: call.consult_state ?? null,
    viewerIsConsulted: Boolean(call.consult_state) && call.consult_agent_id === viewerId,
  }
}

/** The API shape of a call row (without viewer-specific parts). */
function toCallSummary(row: Record<string, any>) {
  return {
    id: row.id,
    direction: row.direction,
    channel: row.channel,
    status: row.status,
    ani: row.ani,
    dnis: row.dnis,
    queueId: row.queue_id,
    queueName: row.queue_name ?? null,
    agentId: row.agent_id,
    agentName: row.agent_name ?? null,
    createdAt: iso(row.created_at),
    queuedAt: iso(row.queued_at),
    offeredAt: iso(row.offered_at),
    answeredAt: iso(row.answered_at),
    endedAt: iso(row.ended_at),
    endReason: row.end_reason,
    disposition: row.disposition,
    dispositionNotes: row.disposition_notes ?? null,
    onHold: row.on_hold,
    heldSeconds: row.held_seconds,
    muted: row.muted,
    recording: row.recording_state,
    ivrDigits: row.ivr_digits ?? [],
    room: row.room ?? null,
    language: row.language,
    transferCount: row.transfer_count,
    callback: row.callback,
  }
}

function callRows(scope: TenantScope) {
  return scope.trx
    .from('calls as c')
    .leftJoin('queues as q', (j) => j.on('q.tenant_id', 'c.tenant_id').andOn('q.id', 'c.queue_id'))
    .leftJoin('users as u', (j) => j.on('u.tenant_id', 'c.tenant_id').andOn('u.id', 'c.agent_id'))
    .where('c.tenant_id', scope.tenantId)
    .select('c.*', 'q.name as queue_name', 'u.display_name as agent_name')
}

/**
 * One call as a given user sees it: the actions that user may take now, the consultation, whom
 * their microphone may reach (the consulted agent speaks only to the initiator until the customer
 * joins in), and, when the organisation tells agents, who supervises the call.
 */
export async function callSnapshot(scope: TenantScope, callId: string, viewerId: string) {
  const row = await callRows(scope).where('c.id', callId).first()
  if (!row) throw notFound('Call')
  const names = row.consult_state
    ? await scope.trx.from('users').where('tenant_id', scope.tenantId).whereIn('id', [row.consult_agent_id, row.consult_initiator_id]).select('id', 'display_name')
    : []
  const nameOf = (id: string) => names.find((n) => n.id === id)?.display_name ?? null
  const settings = await scope.trx.from('voice_settings').where('tenant_id', scope.tenantId).select('notify_agent_of_supervision').first()
  const supervisors = (settings?.notify_agent_of_supervision ?? true) ? await supervisorsOf(scope, [callId]) : []
  const consulted = row.consult_agent_id === viewerId && ['ringing', 'talking'].includes(row.consult_state)
  return {
    ...toCallSummary(row),
    consult: row.consult_state
      ? {
          state: row.consult_state,
          agentId: row.consult_agent_id,
          agentName: nameOf(row.consult_agent_id),
          initiatorId: row.consult_initiator_id,
          initiatorName: nameOf(row.consult_initiator_id),
        }
      : null,
    consultOnlyTo: consulted ? `a:${row.consult_initiator_id}` : null,
    supervisors: supervisors.map((s) => ({ userId: s.user_id, displayName: s.display_name, mode: s.mode })),
    allowedActions: allowedCallActions(await callActionContext(scope, row, viewerId)),
  }
}

/** Supervisors on each of the given calls now. */
async function supervisorsOf(scope: TenantScope, callIds: string[]) {
  if (callIds.length === 0) return []
  return scope.trx
    .from('call_legs as l')
    .join('users as u', (j) => j.on('u.tenant_id', 'l.tenant_id').andOn('u.id', 'l.user_id'))
    .where('l.tenant_id', scope.tenantId)
    .whereIn('l.call_id', callIds)
    .where('l.role', 'supervisor')
    .whereNull('l.left_at')
    .select('l.call_id', 'l.user_id', 'u.display_name', 'l.mode')
}

/** Filters of the call list. */
export interface CallFilters {
  status?: 'live' | 'ended'
  queueId?: string
  agentId?: string
  page?: number
  perPage?: number
}

/** Live (not ended) or ended calls, newest first, with who supervises them. */
export async function listCalls(scope: TenantScope, filters: CallFilters) {
  const query = callRows(scope)
  if ((filters.status ?? 'live') === 'live') query.whereNot('c.status', 'ended')
  else query.where('c.status', 'ended')
  if (filters.queueId) query.where('c.queue_id', filters.queueId)
  if (filters.agentId) query.where('c.agent_id', filters.agentId)
  query.orderBy('c.created_at', 'desc').orderBy('c.id')
  return paginate(query, filters, 50, async (rows) => {
    const supervisors = await supervisorsOf(scope, rows.map((r) => r.id))
    return rows.map((row) => ({
      ...toCallSummary(row),
      supervisors: supervisors.filter((s) => s.call_id === row.id).map((s) => ({ userId: s.user_id, displayName: s.display_name, mode: s.mode })),
    }))
  })
}

/** One call with its legs (every party that was in it) and supervisors. */
export async function callDetail(scope: TenantScope, callId: string) {
  const row = await callRows(scope).where('c.id', callId).first()
  if (!row) throw notFound('Call')
  const legs = await scope.trx
    .from('call_legs as l')
    .leftJoin('users as u', (j) => j.on('u.tenant_id', 'l.tenant_id').andOn('u.id', 'l.user_id'))
    .where('l.tenant_id', scope.tenantId)
    .where('l.call_id', callId)
    .orderBy('l.joined_at')
    .orderBy('l.id')
    .select('l.*', 'u.display_name')
  const supervisors = await supervisorsOf(scope, [callId])
  return {
    ...toCallSummary(row),
    supervisors: supervisors.map((s) => ({ userId: s.user_id, displayName: s.display_name, mode: s.mode })),
    legs: legs.map((l) => ({
      id: l.id,
      role: l.role,
      userId: l.user_id,
      displayName: l.display_name ?? null,
      identity: l.identity,
      mode: l.mode,
      joinedAt: iso(l.joined_at),
      leftAt: iso(l.left_at),
      endReason: l.end_reason,
    })),
  }
}
