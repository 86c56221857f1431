import db from '@adonisjs/lucid/services/db'
import { newId } from '#shared/ids'
import { bindTenant, type Actor, type Origin } from '#shared/scope'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** One operation-log row: who did what to which target, with a before/after summary. */
export interface AuditEntry {
  tenantId: string
  actor: Actor
  origin: Origin
  action: string
  result: 'success' | 'failure'
  status?: number
  targetType?: string | null
  targetId?: string | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

const SECRET_KEYS = /password|secret|token|otp|code|pem/i

/** Removes secrets from a summary before it is stored. */
export function redact(value: Record<string, unknown> | null | undefined) {
  if (!value) return null
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : v
  return out
}

/** Writes an operation-log row inside the given tenant transaction. */
export async function writeAudit(trx: TransactionClientContract, entry: AuditEntry) {
  await trx.table('audit_logs').insert({
    tenant_id: entry.tenantId,
    id: newId(),
    actor_type: entry.actor.type,
    actor_id: entry.actor.id,
    actor_email: entry.actor.email,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    result: entry.result,
    status: entry.status ?? null,
    ip: entry.origin.ip,
    user_agent: entry.origin.userAgent?.slice(0, 512) ?? null,
    request_id: entry.origin.requestId,
    before: entry.before ? JSON.stringify(redact(entry.before)) : null,
    after: entry.after ? JSON.stringify(redact(entry.after)) : null,
  })
}

/** Writes an operation-log row in its own transaction (failures whose work was rolled back). */
export async function writeAuditAlone(entry: AuditEntry) {
  await db.transaction(async (trx) => {
    await bindTenant(trx, entry.tenantId)
    await writeAudit(trx, entry)
  })
}
