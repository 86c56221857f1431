import type { HttpContext } from '@adonisjs/core/http'
import { provisionTenant } from '#tenancy/actions/provision_tenant'
import { signupValidator } from '#tenancy/validators/tenant'
import { originOf } from '#shared/origin'

/** Self-service signup: a visitor creates an organisation and becomes its administrator. */
export default class SignupController {
  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(signupValidator)
    const { roleIds: _roleIds, ...session } = await provisionTenant(input, originOf(ctx))
    return ctx.response.created({ data: session })
  }
}
