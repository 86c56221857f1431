import type { TenantScope } from '#shared/scope'
import { likeEscape, paginate } from '#shared/pagination'
import { iso } from '#identity/transformers/user_transformer'

/** Filters of the operation log. */
export interface AuditFilters {
  actor?: string
  action?: string
  result?: 'success' | 'failure'
  from?: Date
  to?: Date
  page?: number
  perPage?: number
}

/** The API shape of one operation-log row. */
export interface AuditResource {
  id: string
  occurredAt: string
  actorType: string
  actorId: string | null
  actorEmail: string | null
  action: string
  targetType: string | null
  targetId: string | null
  result: 'success' | 'failure'
  status: number | null
  ip: string | null
  userAgent: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

function filtered(scope: TenantScope, filters: AuditFilters) {
  const query = scope.trx.from('audit_logs').where('tenant_id', scope.tenantId)
  if (filters.actor) query.whereILike('actor_email', `%${likeEscape(filters.actor)}%`)
  if (filters.action) query.where('action', 'like', `${likeEscape(filters.action)}%`)
  if (filters.result) query.where('result', filters.result)
  if (filters.from) query.where('occurred_at', '>=', filters.from)
  if (filters.to) query.where('occurred_at', '<=', filters.to)
  return query
}

function toAuditResource(row: Record<string, any>): AuditResource {
  return {
    id: row.id,
    occurredAt: iso(row.occurred_at)!,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    result: row.result,
    status: row.status,
    ip: row.ip,
    userAgent: row.user_agent,
    before: row.before,
    after: row.after,
  }
}

/** A page of the operation log, newest first. */
export async function listAudit(scope: TenantScope, filters: AuditFilters) {
  const query = filtered(scope, filters).orderBy('occurred_at', 'desc').orderBy('id', 'desc')
  return paginate(query, filters, 50, (rows) => rows.map(toAuditResource))
}

/** Every matching row, newest first, in batches (for the CSV export). */
export async function* auditBatches(scope: TenantScope, filters: AuditFilters, batchSize = 1000) {
  let offset = 0
  while (true) {
    const rows = await filtered(scope, filters).orderBy('occurred_at', 'desc').orderBy('id', 'desc').offset(offset).limit(batchSize)
    if (rows.length === 0) return
    yield rows.map(toAuditResource)
    offset += rows.length
    if (rows.length < batchSize) return
  }
}
