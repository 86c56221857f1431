import { DateTime } from 'luxon'
import { AppError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'
import { mintToken } from '#identity/tokens'
import type { Permission } from '#identity/permissions'
import type { SessionUser } from '#identity/queries/session_query'

/** The capability an embedded app needs before it may ask for a REST token. */
export const REST_CAPABILITY = 'api.rest'

/**
 * What an embedded app's token may do at most (and never more than the agent may): read and work
 * customers, tickets and knowledge, see queues. Calls, agent states and administration stay behind
 * the SDK and the console.
 */
export const APP_TOKEN_PERMISSIONS: readonly Permission[] = [
  'customers.view',
  'customers.manage',
  'customers.view_all',
  'customers.view_ids',
  'tickets.view',
  'tickets.manage',
  'knowledge.view',
  'queues.view',
]

/** How long an app token lives; the app asks the workspace again for a new one. */
export const APP_TOKEN_MINUTES = 10

/** A minted app token as the API answers it (the token text only here, once). */
export interface AppToken {
  token: string
  expiresAt: string
  origin: string
  permissions: Permission[]
}

/**
 * Mints a short-lived REST token for one of the agent's embedded apps, bound to the app's origin,
 * from the agent's own session (it ends with it). An app token cannot mint tokens.
 */
export async function mintAppToken(scope: TenantScope, user: SessionUser, appId: string): Promise<AppToken> {
  if (user.app) throw new AppError(403, 'E_FORBIDDEN', 'An app token cannot mint tokens')
  const app = await scope.trx.from('embedded_apps').where('tenant_id', scope.tenantId).where('id', appId).where('enabled', true).first()
  if (!app) throw notFound('Embedded app')
  if (!app.capabilities.includes(REST_CAPABILITY)) {
    throw new AppError(403, 'E_CAPABILITY', `This app is not granted the ${REST_CAPABILITY} capability`)
  }
  const session = await scope.trx.from('access_tokens').where('tenant_id', scope.tenantId).where('id', user.tokenId).select('expires_at').first()
  const latest = DateTime.now().plus({ minutes: APP_TOKEN_MINUTES })
  const sessionEnd = DateTime.fromJSDate(session.expires_at)
  const expiresAt = sessionEnd < latest ? sessionEnd : latest
  const permissions = APP_TOKEN_PERMISSIONS.filter((p) => user.permissions.has(p))
  const token = mintToken(scope.tenantId)
  await scope.trx.table('access_tokens').insert({
    tenant_id: scope.tenantId,
    id: token.tokenId,
    user_id: user.id,
    hash: token.hash,
    kind: 'app',
    app_id: app.id,
    bound_origin: app.origin,
    parent_token_id: user.tokenId,
    scopes: permissions,
    ip: scope.origin.ip,
    user_agent: scope.origin.userAgent?.slice(0, 512) ?? null,
    expires_at: expiresAt.toJSDate(),
  })
  return { token: token.value, expiresAt: iso(expiresAt.toJSDate())!, origin: app.origin, permissions }
}

/** Ends every open token of an app (its settings changed or it was removed; apps ask again). */
export async function revokeAppTokens(scope: TenantScope, appId: string) {
  await scope.trx
    .from('access_tokens')
    .where('tenant_id', scope.tenantId)
    .where('app_id', appId)
    .whereNull('revoked_at')
    .update({ revoked_at: new Date() })
}
