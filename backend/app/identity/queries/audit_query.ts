import type { TenantScope } from '#shared/scope'
import { likeEscape, paginate } from '#shared/pagination'
import { iso } from '#shared/time'

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

/** How many rows match the filters. */
export async function countAudit(scope: TenantScope, filters: AuditFilters) {
  const [{ total }] = await filtered(scope, filters).count('* as total')
  return Number(total)
}

/**
 * One batch of matching rows, newest first, after a keyset cursor on the time-ordered (uuidv7)
 * id: stable while the log grows, and without OFFSET's cost on deep pages.
 */
export async function auditPage(scope: TenantScope, filters: AuditFilters, afterId: string | null, size: number) {
  const query = filtered(scope, filters).orderBy('id', 'desc').limit(size)
  if (afterId) query.where('id', '<', afterId)
  return (await query).map(toAuditResource)
}
