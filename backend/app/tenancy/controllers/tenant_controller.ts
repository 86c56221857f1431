import type { HttpContext } from '@adonisjs/core/http'
import {
  addCertificateAuthority,
  findTenant,
  listCertificateAuthorities,
  removeCertificateAuthority,
  updateTenant,
} from '#tenancy/actions/tenant_settings'
import { certificateAuthorityValidator, updateTenantValidator } from '#tenancy/validators/tenant'

/** The signed-in user's organisation: settings and trusted certificate authorities. */
export default class TenantController {
  async show({ scope }: HttpContext) {
    return { data: await findTenant(scope) }
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateTenantValidator)
    const { before, after } = await updateTenant(ctx.scope, input)
    ctx.audit = { targetType: 'tenant', targetId: ctx.scope.tenantId, before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async certificateAuthorities({ scope }: HttpContext) {
    return { data: await listCertificateAuthorities(scope) }
  }

  async addCertificateAuthority(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(certificateAuthorityValidator)
    const ca = await addCertificateAuthority(ctx.scope, input)
    ctx.audit = { targetType: 'certificate_authority', targetId: ca.id, after: { ...ca } }
    return ctx.response.created({ data: ca })
  }

  async removeCertificateAuthority(ctx: HttpContext) {
    const ca = await removeCertificateAuthority(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'certificate_authority', before: { ...ca } }
    return ctx.response.noContent()
  }
}
