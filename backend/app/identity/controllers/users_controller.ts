import type { HttpContext } from '@adonisjs/core/http'
import { createUser } from '#identity/actions/create_user'
import { applyAccountCommand, updateUser, userSummary, type AccountCommand } from '#identity/actions/update_user'
import { findUser, listUsers } from '#identity/queries/user_query'
import { inviteUserValidator, listUsersValidator, updateUserValidator } from '#identity/validators/directory'

/** The tenant's users: list, invite, change, and the account switches. */
export default class UsersController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listUsersValidator, { data: ctx.request.qs() })
    return listUsers(ctx.scope, filters)
  }

  async show({ scope, params }: HttpContext) {
    return { data: await findUser(scope, params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(inviteUserValidator)
    const user = await createUser(ctx.scope, input)
    ctx.audit = { targetType: 'user', targetId: user.id, after: { email: user.email, ...userSummary(user) } }
    return ctx.response.created({ data: user })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateUserValidator)
    const { before, after } = await updateUser(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'user', before: userSummary(before), after: userSummary(after) }
    return { data: after }
  }

  async deactivate(ctx: HttpContext) {
    return this.#command(ctx, 'deactivate')
  }

  async reactivate(ctx: HttpContext) {
    return this.#command(ctx, 'reactivate')
  }

  async resetMfa(ctx: HttpContext) {
    return this.#command(ctx, 'reset_mfa')
  }

  async unlock(ctx: HttpContext) {
    return this.#command(ctx, 'unlock')
  }

  async #command(ctx: HttpContext, command: AccountCommand) {
    const { before, after } = await applyAccountCommand(ctx.scope, ctx.params.id, command)
    ctx.audit = { targetType: 'user', before: userSummary(before), after: userSummary(after) }
    return { data: after }
  }
}
