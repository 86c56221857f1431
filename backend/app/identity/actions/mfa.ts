import { AppError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { openSecret, sealSecret } from '#shared/secret_box'
import { recordEvent } from '#events/outbox'
import { newTotpSecret, totpMatches } from '#identity/totp'
import { findUserRow } from '#identity/queries/user_query'
import { findTenant } from '#tenancy/actions/tenant_settings'

/** Starts two-factor setup: stores a new pending secret and returns it for the authenticator app. */
export async function startMfaSetup(scope: TenantScope, userId: string) {
  const user = await findUserRow(scope, userId)
  if (user.mfa_enabled) throw new AppError(409, 'E_CONFLICT', 'Two-factor sign-in is already on; turn it off first')
  const tenant = await findTenant(scope)
  const { secret, otpauthUrl } = newTotpSecret(`Contact Center (${tenant.slug})`, user.email)
  await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', userId).update({ mfa_secret: sealSecret(secret) })
  return { secret, otpauthUrl }
}

/** Turns two-factor sign-in on once the user proves the app shows the right code. */
export async function enableMfa(scope: TenantScope, userId: string, code: string) {
  const user = await findUserRow(scope, userId)
  if (user.mfa_enabled) throw new AppError(409, 'E_CONFLICT', 'Two-factor sign-in is already on')
  if (!user.mfa_secret) throw new AppError(409, 'E_CONFLICT', 'Start the two-factor setup first')
  if (!(await totpMatches(openSecret(user.mfa_secret), code))) throw new AppError(422, 'E_INVALID_MFA_CODE', 'The code is wrong or expired')
  await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', userId).update({ mfa_enabled: true, updated_at: new Date() })
  await recordEvent(scope, { type: 'user.mfa_enabled', entityType: 'user', entityId: userId })
}

/** Turns two-factor sign-in off; needs a current code. */
export async function disableMfa(scope: TenantScope, userId: string, code: string) {
  const user = await findUserRow(scope, userId)
  if (!user.mfa_enabled) throw new AppError(409, 'E_CONFLICT', 'Two-factor sign-in is off')
  if (!(await totpMatches(openSecret(user.mfa_secret), code))) throw new AppError(422, 'E_INVALID_MFA_CODE', 'The code is wrong or expired')
  await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', userId).update({ mfa_enabled: false, mfa_secret: null, updated_at: new Date() })
  await recordEvent(scope, { type: 'user.mfa_disabled', entityType: 'user', entityId: userId })
}
