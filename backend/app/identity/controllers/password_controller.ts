import type { HttpContext } from '@adonisjs/core/http'
import { requestPasswordReset, resetPassword } from '#identity/actions/password_reset'
import { originOf } from '#shared/origin'
import { forgotPasswordValidator, resetPasswordValidator } from '#identity/validators/auth'

/** Forgotten passwords and invitation links. */
export default class PasswordController {
  async forgot(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(forgotPasswordValidator)
    await requestPasswordReset(input, originOf(ctx))
    return ctx.response.accepted({ data: { sent: true } })
  }

  async reset(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(resetPasswordValidator)
    await resetPassword(input, originOf(ctx))
    return ctx.response.noContent()
  }
}
