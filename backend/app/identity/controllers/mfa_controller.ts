import type { HttpContext } from '@adonisjs/core/http'
import { disableMfa, enableMfa, startMfaSetup } from '#identity/actions/mfa'
import { mfaCodeValidator } from '#identity/validators/auth'

/** The signed-in user's own two-factor settings. */
export default class MfaController {
  async setup({ scope, user }: HttpContext) {
    return { data: await startMfaSetup(scope, user.id) }
  }

  async enable(ctx: HttpContext) {
    const { code } = await ctx.request.validateUsing(mfaCodeValidator)
    await enableMfa(ctx.scope, ctx.user.id, code)
    ctx.audit = { targetType: 'user', targetId: ctx.user.id, after: { mfaEnabled: true } }
    return ctx.response.noContent()
  }

  async disable(ctx: HttpContext) {
    const { code } = await ctx.request.validateUsing(mfaCodeValidator)
    await disableMfa(ctx.scope, ctx.user.id, code)
    ctx.audit = { targetType: 'user', targetId: ctx.user.id, after: { mfaEnabled: false } }
    return ctx.response.noContent()
  }
}
