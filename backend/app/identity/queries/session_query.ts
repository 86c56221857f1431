import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { secretMatches, type ParsedToken } from '#identity/tokens'
import { isPermission, type Permission } from '#identity/permissions'

/** The signed-in user behind a token, with their effective permissions. */
export interface SessionUser {
  id: string
  tenantId: string
  email: string
  displayName: string
  locale: string | null
  permissions: Set<Permission>
  tokenId: string
  /** Set when the token is an embedded app's REST token: the app and the only origin it is good from. */
  app: { id: string; origin: string } | null
}

const TOUCH_AFTER_SECONDS = 60

/**
 * Resolves a bearer token inside a transaction already bound to the token's tenant. Null when the
 * token is unknown, revoked or expired, or when the user or tenant may not sign in any more.
 */
export async function findSession(trx: TransactionClientContract, token: ParsedToken): Promise<SessionUser | null> {
  const row = await trx
    .from('access_tokens as t')
    .join('users as u', (join) => join.on('u.tenant_id', 't.tenant_id').andOn('u.id', 't.user_id'))
    .join('tenants as tn', 'tn.id', 't.tenant_id')
    .where('t.tenant_id', token.tenantId)
    .where('t.id', token.tokenId)
    .whereNull('t.revoked_at')
    .where('t.expires_at', '>', DateTime.now().toSQL()!)
    .select('t.hash', 't.last_used_at', 't.kind', 't.app_id', 't.bound_origin', 't.parent_token_id', 't.scopes')
    .select('u.id', 'u.email', 'u.display_name', 'u.locale', 'u.status', 'tn.status as tenant_status')
    .first()
  if (!row || !secretMatches(token.secret, row.hash)) return null
  if (row.status !== 'active' || row.tenant_status !== 'active') return null
  if (row.kind === 'app' && !(await sessionAlive(trx, token.tenantId, row.parent_token_id))) return null

  const lastUsed = row.last_used_at ? DateTime.fromJSDate(row.last_used_at) : null
  if (!lastUsed || DateTime.now().diff(lastUsed, 'seconds').seconds > TOUCH_AFTER_SECONDS) {
    await trx.from('access_tokens').where('tenant_id', token.tenantId).where('id', token.tokenId).update({ last_used_at: new Date() })
  }
  const permissions = await permissionsOf(trx, token.tenantId, row.id)
  // An app token carries at most the permissions it was minted with, and never more than the user has now.
  if (row.kind === 'app') for (const p of permissions) if (!row.scopes.includes(p)) permissions.delete(p)
  return {
    id: row.id,
    tenantId: token.tenantId,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    permissions,
    tokenId: token.tokenId,
    app: row.kind === 'app' ? { id: row.app_id, origin: row.bound_origin } : null,
  }
}

/** Whether the session an app token was minted from is still open (signing out ends its app tokens). */
async function sessionAlive(trx: TransactionClientContract, tenantId: string, tokenId: string) {
  const parent = await trx
    .from('access_tokens')
    .where('tenant_id', tenantId)
    .where('id', tokenId)
    .whereNull('revoked_at')
    .where('expires_at', '>', DateTime.now().toSQL()!)
    .select('id')
    .first()
  return Boolean(parent)
}

/** The union of the permissions of a user's roles. */
export async function permissionsOf(trx: TransactionClientContract, tenantId: string, userId: string) {
  const rows = await trx
    .from('user_roles as ur')
    .join('roles as r', (join) => join.on('r.tenant_id', 'ur.tenant_id').andOn('r.id', 'ur.role_id'))
    .where('ur.tenant_id', tenantId)
    .where('ur.user_id', userId)
    .select('r.permissions')
  const set = new Set<Permission>()
  for (const row of rows) for (const p of row.permissions as string[]) if (isPermission(p)) set.add(p)
  return set
}
