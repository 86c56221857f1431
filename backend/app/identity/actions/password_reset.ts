import app from '@adonisjs/core/services/app'
import { appUrl } from '#config/app'
import { AppError } from '#shared/errors'
import { inTenant, type Origin, type TenantScope } from '#shared/scope'
import { writeAudit } from '#shared/audit'
import { Mailer } from '#shared/mail/mailer'
import { recordEvent } from '#events/outbox'
import { hashPassword } from '#identity/password_gate'
import { consumeUserToken, createUserToken, parseUserToken, revokeSessions } from '#identity/actions/user_tokens'
import { tenantBySlug } from '#identity/actions/login'

/**
 * Sends a one-time reset link when the account exists and can sign in. The answer is the same
 * either way (202), so the endpoint does not reveal who has an account.
 */
export async function requestPasswordReset(input: { tenant: string; email: string }, origin: Origin) {
  const tenant = await tenantBySlug(input.tenant)
  if (!tenant || tenant.status !== 'active') return
  await inTenant(tenant.id, async (trx) => {
    const user = await trx.from('users').where('tenant_id', tenant.id).whereRaw('lower(email) = lower(?)', [input.email]).whereNot('status', 'deactivated').first()
    const scope: TenantScope = { tenantId: tenant.id, trx, actor: { type: 'anonymous', id: null, email: input.email }, origin }
    await writeAudit(trx, { tenantId: tenant.id, actor: scope.actor, origin, action: 'auth.password_forgot', result: user ? 'success' : 'failure', targetType: 'user', targetId: user?.id ?? null })
    if (!user) return
    const token = await createUserToken(scope, user.id, 'password_reset')
    const mailer = await app.container.make(Mailer)
    await mailer.send(scope.trx, {
      to: user.email,
      subject: 'Reset your password',
      body: `Hello ${user.display_name},\n\nReset your password here: ${appUrl}/reset-password?token=${encodeURIComponent(token)}\n\nThe link works for one hour. If you did not ask for it, ignore this mail.`,
    })
  })
}

/**
 * Sets a new password from a reset or invitation link. An invited user becomes active; every
 * earlier session is revoked; the lockout is cleared.
 */
export async function resetPassword(input: { token: string; password: string }, origin: Origin) {
  const parsed = parseUserToken(input.token)
  const invalid = new AppError(400, 'E_INVALID_TOKEN', 'This link is invalid or has expired; ask for a new one')
  if (!parsed) throw invalid
  const passwordHash = await hashPassword(input.password)
  const done = await inTenant(parsed.tenantId, async (trx) => {
    const consumed = await consumeUserToken(trx, parsed)
    if (!consumed) return false
    const user = await trx.from('users').where('tenant_id', parsed.tenantId).where('id', consumed.userId).first()
    if (!user || user.status === 'deactivated') return false
    const scope: TenantScope = { tenantId: parsed.tenantId, trx, actor: { type: 'user', id: user.id, email: user.email }, origin }
    await trx.from('users').where('tenant_id', parsed.tenantId).where('id', user.id).update({
      password_hash: passwordHash,
      status: 'active',
      failed_login_count: 0,
      locked_until: null,
      updated_at: new Date(),
    })
    await revokeSessions(scope, user.id)
    const action = consumed.purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset'
    await writeAudit(trx, { tenantId: parsed.tenantId, actor: scope.actor, origin, action, result: 'success', targetType: 'user', targetId: user.id })
    await recordEvent(scope, { type: consumed.purpose === 'invitation' ? 'user.activated' : 'user.password_changed', entityType: 'user', entityId: user.id })
    return true
  })
  if (!done) throw invalid
}
