import { DateTime } from 'luxon'
import type { TenantScope } from '#shared/scope'
import { mintToken, parseToken, secretMatches, type ParsedToken } from '#identity/tokens'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** Why a one-time link was sent. */
export type UserTokenPurpose = 'password_reset' | 'invitation'

const LIFETIME = { password_reset: { hours: 1 }, invitation: { days: 7 } } as const

/** Creates a one-time token (password reset or invitation) and returns its text for the link. */
export async function createUserToken(scope: TenantScope, userId: string, purpose: UserTokenPurpose) {
  await scope.trx
    .from('user_tokens')
    .where('tenant_id', scope.tenantId)
    .where('user_id', userId)
    .where('purpose', purpose)
    .whereNull('used_at')
    .update({ used_at: new Date() })
  const token = mintToken(scope.tenantId)
  await scope.trx.table('user_tokens').insert({
    tenant_id: scope.tenantId,
    id: token.tokenId,
    user_id: userId,
    purpose,
    hash: token.hash,
    expires_at: DateTime.now().plus(LIFETIME[purpose]).toJSDate(),
  })
  return token.value
}

/** Reads a presented one-time token; null when malformed. */
export function parseUserToken(value: string): ParsedToken | null {
  return parseToken(value)
}

/** Consumes a one-time token inside a transaction bound to its tenant; returns the user id or null. */
export async function consumeUserToken(trx: TransactionClientContract, token: ParsedToken) {
  const row = await trx
    .from('user_tokens')
    .where('tenant_id', token.tenantId)
    .where('id', token.tokenId)
    .whereNull('used_at')
    .where('expires_at', '>', new Date())
    .forUpdate()
    .first()
  if (!row || !secretMatches(token.secret, row.hash)) return null
  await trx.from('user_tokens').where('tenant_id', token.tenantId).where('id', token.tokenId).update({ used_at: new Date() })
  return { userId: row.user_id as string, purpose: row.purpose as UserTokenPurpose }
}

/** Issues a bearer session for a user (12 hours). */
export async function issueSession(
  scope: TenantScope,
  userId: string,
  kind: 'session' | 'certificate' = 'session'
): Promise<string> {
  const token = mintToken(scope.tenantId)
  await scope.trx.table('access_tokens').insert({
    tenant_id: scope.tenantId,
    id: token.tokenId,
    user_id: userId,
    hash: token.hash,
    kind,
    ip: scope.origin.ip,
    user_agent: scope.origin.userAgent?.slice(0, 512) ?? null,
    expires_at: DateTime.now().plus({ hours: 12 }).toJSDate(),
  })
  return token.value
}

/** Revokes every open session of a user (deactivation, password reset). */
export async function revokeSessions(scope: TenantScope, userId: string) {
  await scope.trx
    .from('access_tokens')
    .where('tenant_id', scope.tenantId)
    .where('user_id', userId)
    .whereNull('revoked_at')
    .update({ revoked_at: new Date() })
}

