import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { AppError } from '#shared/errors'
import { inPlatform, inTenant, type Actor, type Origin, type TenantScope } from '#shared/scope'
import { writeAudit, writeAuditAlone } from '#shared/audit'
import { openSecret } from '#shared/secret_box'
import { recordEvent } from '#events/outbox'
import { verifyPassword } from '#identity/password_gate'
import { totpMatches } from '#identity/totp'
import { issueSession } from '#identity/actions/user_tokens'
import { findUser } from '#identity/queries/user_query'
import { permissionsOf } from '#identity/queries/session_query'
import { findTenant } from '#tenancy/actions/tenant_settings'

/** Failed attempts before an account locks, and for how long. */
export const LOCKOUT = { failures: 5, minutes: 15 }
/** Failed attempts one address may make in the window before it is throttled. */
export const IP_THROTTLE = { failures: 20, minutes: 10 }

/** Input of a password login. */
export interface LoginInput {
  tenant: string
  email: string
  password: string
  otp?: string
}

/** Finds a tenant by slug across tenants (platform scope, one query). */
export async function tenantBySlug(slug: string): Promise<{ id: string; status: string } | null> {
  return inPlatform(async (trx) => (await trx.from('tenants').where('slug', slug).select('id', 'status').first()) ?? null)
}

/** Throttles an address that keeps failing, whatever tenant or account it tries. */
export async function assertNotThrottled(ip: string | null) {
  if (!ip) return
  const since = DateTime.now().minus({ minutes: IP_THROTTLE.minutes }).toJSDate()
  const [{ failures }] = await db.from('login_attempts').where('ip', ip).where('succeeded', false).where('attempted_at', '>', since).count('* as failures')
  if (Number(failures) >= IP_THROTTLE.failures) {
    throw new AppError(429, 'E_TOO_MANY_ATTEMPTS', 'Too many failed sign-ins from your address; wait a few minutes', {
      retryAfterSeconds: IP_THROTTLE.minutes * 60,
    })
  }
}

async function recordAttempt(origin: Origin, tenant: string, email: string, succeeded: boolean) {
  await db.table('login_attempts').insert({ ip: origin.ip ?? 'unknown', tenant_slug: tenant, email: email.toLowerCase(), succeeded })
}

type Outcome =
  | { ok: true; session: Awaited<ReturnType<typeof completeLogin>> }
  | { ok: false; error: AppError; countsAsFailure: boolean }

const invalid = () => new AppError(401, 'E_INVALID_CREDENTIALS', 'The organisation, e-mail or password is wrong')

/**
 * Password login, with optional TOTP. Failures count towards the account lockout and the
 * address throttle and are written to the tenant's operation log; the answer never tells whether
 * the e-mail exists. The password is checked outside any transaction: a hash takes tens of
 * milliseconds, and holding a pooled connection and a row lock through it would let a login
 * storm starve every other request of database connections.
 */
export async function login(input: LoginInput, origin: Origin) {
  await assertNotThrottled(origin.ip)
  const tenant = await tenantBySlug(input.tenant)
  if (!tenant) {
    await verifyPassword(null, input.password)
    await recordAttempt(origin, input.tenant, input.email, false)
    throw invalid()
  }
  const candidate = await inTenant(tenant.id, (trx) =>
    trx.from('users').where('tenant_id', tenant.id).whereRaw('lower(email) = lower(?)', [input.email]).select('id', 'password_hash', 'locked_until').first()
  )
  const lockedUntil = candidate?.locked_until ? new Date(candidate.locked_until) : null
  const locked = lockedUntil !== null && lockedUntil > new Date()
  const passwordOk = locked ? false : await verifyPassword(candidate?.password_hash ?? null, input.password)

  const outcome: Outcome = await inTenant(tenant.id, async (trx) => {
    const user = candidate ? await trx.from('users').where('tenant_id', tenant.id).where('id', candidate.id).forUpdate().first() : null
    const actor: Actor = user ? { type: 'user', id: user.id, email: user.email } : { type: 'anonymous', id: null, email: input.email }
    const scope: TenantScope = { tenantId: tenant.id, trx, actor, origin }
    const fail = async (error: AppError, countsAsFailure = true): Promise<Outcome> => {
      if (user && countsAsFailure) {
        const failures = user.failed_login_count + 1
        const lock = failures >= LOCKOUT.failures ? DateTime.now().plus({ minutes: LOCKOUT.minutes }).toJSDate() : user.locked_until
        await trx.from('users').where('tenant_id', tenant.id).where('id', user.id).update({ failed_login_count: failures, locked_until: lock })
      }
      await writeAudit(trx, { tenantId: tenant.id, actor, origin, action: 'auth.login', result: 'failure', status: error.status, targetType: 'user', targetId: user?.id ?? null, after: { reason: error.errorCode } })
      return { ok: false, error, countsAsFailure }
    }

    if (locked || (user?.locked_until && new Date(user.locked_until) > new Date())) {
      const until = new Date(user?.locked_until ?? lockedUntil!).toISOString()
      return fail(new AppError(423, 'E_ACCOUNT_LOCKED', 'This account is locked after too many failed sign-ins; try later or ask an administrator', { lockedUntil: until }), false)
    }
    const samePassword = user && user.password_hash === candidate?.password_hash
    if (!user || !passwordOk || !samePassword || user.status !== 'active') return fail(invalid())
    if (tenant.status !== 'active') return fail(new AppError(403, 'E_TENANT_SUSPENDED', 'This organisation is suspended'), false)
    if (user.mfa_enabled) {
      if (!input.otp) return fail(new AppError(401, 'E_MFA_REQUIRED', 'Enter the 6-digit code from your authenticator app'), false)
      if (!(await totpMatches(openSecret(user.mfa_secret), input.otp))) {
        return fail(new AppError(401, 'E_INVALID_MFA_CODE', 'The code is wrong or expired'))
      }
    }
    return { ok: true, session: await completeLogin(scope, user.id, 'auth.login') }
  })
  if (outcome.ok || outcome.countsAsFailure) await recordAttempt(origin, input.tenant, input.email, outcome.ok)
  if (!outcome.ok) throw outcome.error
  return outcome.session
}

/**
 * Finishes any successful sign-in: clears the failure counters, stamps the time, issues a
 * session, logs and emits `user.signed_in`. Returns what the client keeps.
 */
export async function completeLogin(scope: TenantScope, userId: string, action: string, kind: 'session' | 'certificate' = 'session') {
  await scope.trx
    .from('users')
    .where('tenant_id', scope.tenantId)
    .where('id', userId)
    .update({ failed_login_count: 0, locked_until: null, last_login_at: new Date() })
  const token = await issueSession(scope, userId, kind)
  await writeAudit(scope.trx, { tenantId: scope.tenantId, actor: scope.actor, origin: scope.origin, action, result: 'success', status: 200, targetType: 'user', targetId: userId })
  await recordEvent(scope, { type: 'user.signed_in', entityType: 'user', entityId: userId, payload: { method: kind === 'certificate' ? 'certificate' : 'password' } })
  return {
    token,
    user: await findUser(scope, userId),
    tenant: await findTenant(scope),
    permissions: [...(await permissionsOf(scope.trx, scope.tenantId, userId))],
  }
}

/** Logs a sign-in failure that happened before any tenant transaction (certificate login). */
export async function auditLoginFailure(tenantId: string, origin: Origin, action: string, error: AppError, email: string | null) {
  await writeAuditAlone({
    tenantId,
    actor: { type: 'anonymous', id: null, email },
    origin,
    action,
    result: 'failure',
    status: error.status,
    after: { reason: error.errorCode },
  })
}
