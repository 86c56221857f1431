import type { HttpContext } from '@adonisjs/core/http'
import { login } from '#identity/actions/login'
import { certificateLogin } from '#identity/actions/certificate_login'
import { originOf } from '#shared/origin'
import { certificateLoginValidator, loginValidator, updateProfileValidator } from '#identity/validators/auth'
import { presentedCertificate } from '#identity/client_certificate'
import { findUser } from '#identity/queries/user_query'
import { updateUser, userSummary } from '#identity/actions/update_user'
import { findTenant } from '#tenancy/actions/tenant_settings'
import { listMyTeams } from '#identity/actions/teams'

/** Sign-in, sign-out and the signed-in user's own profile. */
export default class SessionController {
  async login(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(loginValidator)
    return { data: await login(input, originOf(ctx)) }
  }

  async certificate(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(certificateLoginValidator)
    return { data: await certificateLogin({ tenant: input.tenant, certificate: presentedCertificate(ctx) }, originOf(ctx)) }
  }

  async logout({ scope, user, response }: HttpContext) {
    await scope.trx.from('access_tokens').where('tenant_id', scope.tenantId).where('id', user.tokenId).update({ revoked_at: new Date() })
    return response.noContent()
  }

  async me({ scope, user }: HttpContext) {
    return {
      data: { user: await findUser(scope, user.id), tenant: await findTenant(scope), permissions: [...user.permissions] },
    }
  }

  async myTeams({ scope, user }: HttpContext) {
    return { data: await listMyTeams(scope, user.id) }
  }

  async updateMe(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateProfileValidator)
    const { before, after } = await updateUser(ctx.scope, ctx.user.id, input)
    ctx.audit = { targetType: 'user', targetId: ctx.user.id, before: userSummary(before), after: userSummary(after) }
    return { data: after }
  }
}
