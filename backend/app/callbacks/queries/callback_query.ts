import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { iso } from '#shared/time'

/** Where a callback stands: booked, waiting in its queue as a call, answered, cancelled or failed. */
export type CallbackStatus = 'scheduled' | 'queued' | 'completed' | 'cancelled' | 'failed'

/** Offered to the owning agent only (falling back to the queue after a grace period), or to the queue. */
export type CallbackMode = 'personal' | 'queue'

/** Which callbacks a list shows: the user's own, their teams' agents', or everyone's. */
export type CallbackListScope = 'mine' | 'team' | 'all'

/** What a user may see and change: their own always; their teams' with agents.view; all with agents.manage. */
export interface CallbackViewer {
  userId: string
  seeTeam: boolean
  manageAll: boolean
}

/** One scheduled callback as the API shows it. */
export interface Callback {
  id: string
  number: string
  customerId: string | null
  customerName: string | null
  queueId: string
  queueName: string | null
  mode: CallbackMode
  agentId: string
  agentName: string | null
  note: string | null
  dueAt: string
  status: CallbackStatus
  simulated: boolean
  callId: string | null
  failureReason: string | null
  createdBy: string | null
  queuedAt: string | null
  finishedAt: string | null
  createdAt: string
  updatedAt: string
}

/** Users in a team the viewer belongs to or supervises (the viewer included). */
const TEAM_AGENTS_SQL = `
  select tm.user_id from team_members tm
  where tm.tenant_id = ? and tm.team_id in (
    select team_id from team_members where tenant_id = ? and user_id = ?
    union select team_id from team_supervisors where tenant_id = ? and user_id = ?
  )`

function rows(scope: TenantScope) {
  return scope.trx
    .from('scheduled_callbacks as b')
    .leftJoin('customers as c', (j) => j.on('c.tenant_id', 'b.tenant_id').andOn('c.id', 'b.customer_id'))
    .leftJoin('queues as q', (j) => j.on('q.tenant_id', 'b.tenant_id').andOn('q.id', 'b.queue_id'))
    .leftJoin('users as u', (j) => j.on('u.tenant_id', 'b.tenant_id').andOn('u.id', 'b.agent_id'))
    .where('b.tenant_id', scope.tenantId)
    .select('b.*', 'c.name as customer_name', 'q.name as queue_name', 'u.display_name as agent_name')
}

/** Limits a callback query (aliased `b`) to the given list scope. */
function limitTo(query: DatabaseQueryBuilderContract<any>, scope: TenantScope, viewer: CallbackViewer, list: CallbackListScope) {
  if (list === 'all') return query
  if (list === 'mine') return query.where('b.agent_id', viewer.userId)
  const t = scope.tenantId
  return query.where((q) => q.where('b.agent_id', viewer.userId).orWhereRaw(`b.agent_id in (${TEAM_AGENTS_SQL})`, [t, t, viewer.userId, t, viewer.userId]))
}

/** The widest list a viewer may read. */
export function widestScope(viewer: CallbackViewer): CallbackListScope {
  return viewer.manageAll ? 'all' : viewer.seeTeam ? 'team' : 'mine'
}

function toCallback(row: Record<string, any>): Callback {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerName: row.customer_name ?? null,
    queueId: row.queue_id,
    queueName: row.queue_name ?? null,
    mode: row.mode,
    agentId: row.agent_id,
    agentName: row.agent_name ?? null,
    note: row.note,
    dueAt: iso(row.due_at)!,
    status: row.status,
    simulated: row.simulated,
    callId: row.call_id,
    failureReason: row.failure_reason,
    createdBy: row.created_by,
    queuedAt: iso(row.queued_at),
    finishedAt: iso(row.finished_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }
}

/**
 * One callback the viewer may see (`read`) or change (`change`: their own, or any with
 * agents.manage); 404 otherwise, another tenant's alike.
 */
export async function findCallback(scope: TenantScope, viewer: CallbackViewer, id: string, purpose: 'read' | 'change' = 'read'): Promise<Callback> {
  const query = rows(scope).where('b.id', id)
  limitTo(query, scope, viewer, purpose === 'change' ? (viewer.manageAll ? 'all' : 'mine') : widestScope(viewer))
  const row = await query.first()
  if (!row) throw notFound('Callback')
  return toCallback(row)
}

/** Filters of the callback list. */
export interface CallbackListInput {
  scope?: CallbackListScope
  status?: CallbackStatus[]
  agentId?: string
  from?: Date
  to?: Date
}

/** Callbacks in the requested scope (never wider than the viewer's), by due time; at most 500. */
export async function listCallbacks(scope: TenantScope, viewer: CallbackViewer, input: CallbackListInput): Promise<Callback[]> {
  const query = limitTo(rows(scope), scope, viewer, input.scope ?? 'mine')
  if (input.status?.length) query.whereIn('b.status', input.status)
  if (input.agentId) query.where('b.agent_id', input.agentId)
  if (input.from) query.where('b.due_at', '>=', input.from)
  if (input.to) query.where('b.due_at', '<', input.to)
  const found = await query.orderBy('b.due_at', 'asc').orderBy('b.id', 'asc').limit(500)
  return found.map(toCallback)
}
