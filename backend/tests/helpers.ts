import { randomBytes } from 'node:crypto'
import { generate } from 'otplib'
import { inTenant, type TenantScope } from '#shared/scope'
import { provisionTenant } from '#tenancy/actions/provision_tenant'
import { createUser } from '#identity/actions/create_user'
import { hashPassword } from '#identity/password_gate'
import { issueSession } from '#identity/actions/user_tokens'

export const PASSWORD = 'correct horse battery'

/** A tenant made through signup, with its admin's session and its built-in role ids. */
export async function makeTenant(name = `Org ${randomBytes(3).toString('hex')}`) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const result = await provisionTenant(
    { organisationName: name, slug, timeZone: 'Asia/Shanghai', locale: 'en', adminName: `${name} Admin`, adminEmail: `admin@${slug}.test`, password: PASSWORD },
    { ip: '127.0.0.1', userAgent: 'test', requestId: null }
  )
  return { ...result, slug, auth: `Bearer ${result.token}` }
}

/** Runs work as the tenant admin inside a tenant transaction (fixtures built through actions). */
export function asAdmin<T>(tenant: Awaited<ReturnType<typeof makeTenant>>, work: (scope: TenantScope) => Promise<T>) {
  return inTenant(tenant.tenant.id, (trx) =>
    work({ tenantId: tenant.tenant.id, trx, actor: { type: 'user', id: tenant.user.id, email: tenant.user.email }, origin: { ip: '127.0.0.1', userAgent: 'test', requestId: null } })
  )
}

/** An active user with the given role keys and a session token. */
export async function makeUser(tenant: Awaited<ReturnType<typeof makeTenant>>, roleKeys: string[], email?: string) {
  const passwordHash = await hashPassword(PASSWORD)
  return asAdmin(tenant, async (scope) => {
    const user = await createUser(scope, {
      email: email ?? `${roleKeys.join('-') || 'none'}-${randomBytes(3).toString('hex')}@${tenant.slug}.test`,
      displayName: `User ${roleKeys.join(' ')}`,
      roleIds: roleKeys.map((k) => tenant.roleIds[k]),
      passwordHash,
    })
    const token = await issueSession({ ...scope, actor: { type: 'user', id: user.id, email: user.email } }, user.id)
    return { user, token, auth: `Bearer ${token}` }
  })
}

/** The current TOTP code for a base32 secret. */
export async function totpNow(secret: string): Promise<string> {
  return generate({ secret })
}
