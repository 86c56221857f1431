import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import { inTenant, type Origin, type TenantScope } from '#shared/scope'
import { writeAudit } from '#shared/audit'
import { recordEvent } from '#events/outbox'
import { hashPassword } from '#identity/password_gate'
import { seedBuiltInRoles } from '#identity/actions/roles'
import { seedDefaultReasonCodes } from '#contact_center/actions/reason_codes'
import { createUser } from '#identity/actions/create_user'
import { issueSession } from '#identity/actions/user_tokens'
import { permissionsOf } from '#identity/queries/session_query'
import { toTenantResource } from '#tenancy/transformers/tenant_transformer'

/** Input of a new organisation with its first administrator. */
export interface ProvisionTenantInput {
  organisationName: string
  slug: string
  timeZone: string
  locale: 'en' | 'zh-CN'
  defaultCountry?: string
  adminName: string
  adminEmail: string
  password: string
}

/**
 * Creates a tenant, its built-in roles and its first tenant admin in one transaction, and signs
 * the admin in. A taken slug answers 422 on `slug`; nothing is half-written.
 */
export async function provisionTenant(input: ProvisionTenantInput, origin: Origin) {
  const passwordHash = await hashPassword(input.password)
  const tenantId = newId()
  try {
    return await inTenant(tenantId, async (trx) => {
      const scope: TenantScope = { tenantId, trx, actor: { type: 'anonymous', id: null, email: input.adminEmail }, origin }
      await trx.table('tenants').insert({
        id: tenantId,
        slug: input.slug,
        name: input.organisationName,
        time_zone: input.timeZone,
        locale: input.locale,
        default_country: input.defaultCountry ?? (input.locale === 'zh-CN' ? 'CN' : 'US'),
      })
      const roleIds = await seedBuiltInRoles(scope)
      await seedDefaultReasonCodes(scope)
      const user = await createUser(scope, {
        email: input.adminEmail,
        displayName: input.adminName,
        roleIds: [roleIds.tenant_admin],
        passwordHash,
        locale: input.locale,
      })
      const actorScope: TenantScope = { ...scope, actor: { type: 'user', id: user.id, email: user.email } }
      const tenant = toTenantResource(await trx.from('tenants').where('id', tenantId).firstOrFail())
      await recordEvent(actorScope, { type: 'tenant.created', entityType: 'tenant', entityId: tenantId, payload: { slug: tenant.slug, name: tenant.name } })
      await writeAudit(trx, { tenantId, actor: actorScope.actor, origin, action: 'tenant.signup', result: 'success', targetType: 'tenant', targetId: tenantId, after: { ...tenant } })
      const token = await issueSession(actorScope, user.id)
      const permissions = [...(await permissionsOf(trx, tenantId, user.id))]
      return { token, user, tenant, permissions, roleIds }
    })
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'tenants_slug_key') {
      throw new FieldError('slug', 'unique', 'This organisation address is already taken')
    }
    throw error
  }
}
