import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { AppError } from '#shared/errors'
import { isUuid, newId } from '#shared/ids'
import { secretMatches } from '#identity/tokens'
import { hashPassword, verifyPassword } from '#identity/password_gate'
import type { Origin } from '#shared/scope'

/** A platform operator: runs the SaaS, is no member of any tenant. */
export interface Operator {
  id: string
  email: string
  displayName: string
}

const PREFIX = 'ccp1'

/** Creates or updates an operator account (seeding from the environment). */
export async function upsertOperator(email: string, displayName: string, password: string) {
  const passwordHash = await hashPassword(password)
  const existing = await db.from('platform_operators').whereRaw('lower(email) = lower(?)', [email]).first()
  if (existing) {
    await db.from('platform_operators').where('id', existing.id).update({ password_hash: passwordHash, display_name: displayName })
    return existing.id as string
  }
  const id = newId()
  await db.table('platform_operators').insert({ id, email, display_name: displayName, password_hash: passwordHash })
  return id
}

/** Operator password login; returns a bearer token of the platform kind. */
export async function operatorLogin(input: { email: string; password: string }, origin: Origin) {
  const row = await db.from('platform_operators').whereRaw('lower(email) = lower(?)', [input.email]).first()
  const ok = await verifyPassword(row?.password_hash ?? null, input.password)
  await writePlatformAudit({ operator: row ? { id: row.id, email: row.email } : null, action: 'platform.login', result: ok ? 'success' : 'failure', origin })
  if (!row || !ok) throw new AppError(401, 'E_INVALID_CREDENTIALS', 'The e-mail or password is wrong')
  const id = newId()
  const secret = randomBytes(32).toString('base64url')
  await db.table('platform_tokens').insert({
    id,
    operator_id: row.id,
    hash: createHash('sha256').update(secret).digest('hex'),
    expires_at: DateTime.now().plus({ hours: 8 }).toJSDate(),
  })
  return { token: `${PREFIX}.${id}.${secret}`, operator: { id: row.id, email: row.email, displayName: row.display_name } }
}

/** Resolves a platform bearer token to its operator, or null. */
export async function findOperator(value: string | null): Promise<(Operator & { tokenId: string }) | null> {
  const parts = value?.split('.') ?? []
  if (parts.length !== 3 || parts[0] !== PREFIX || !isUuid(parts[1])) return null
  const row = await db
    .from('platform_tokens as t')
    .join('platform_operators as o', 'o.id', 't.operator_id')
    .where('t.id', parts[1])
    .whereNull('t.revoked_at')
    .where('t.expires_at', '>', new Date())
    .select('t.hash', 'o.id', 'o.email', 'o.display_name')
    .first()
  if (!row || !secretMatches(parts[2], row.hash)) return null
  return { id: row.id, email: row.email, displayName: row.display_name, tokenId: parts[1] }
}

/** One row of the platform's own operation log. */
export async function writePlatformAudit(entry: {
  operator: { id: string; email: string } | null
  action: string
  result: 'success' | 'failure'
  origin: Origin
  targetType?: string
  targetId?: string
}) {
  await db.table('platform_audit_logs').insert({
    id: newId(),
    operator_id: entry.operator?.id ?? null,
    operator_email: entry.operator?.email ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    result: entry.result,
    ip: entry.origin.ip,
    user_agent: entry.origin.userAgent?.slice(0, 512) ?? null,
  })
}
