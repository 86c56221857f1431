import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AppError } from '#shared/errors'
import type { Permission } from '#identity/permissions'
import { hasPermission } from '#identity/policies/abilities'

/** Lets the request through only when the signed-in user holds the route's permission (Bouncer). */
export default class PermissionMiddleware {
  async handle(ctx: HttpContext, next: NextFn, permission: Permission) {
    if (!ctx.bouncer || !(await ctx.bouncer.allows(hasPermission, permission))) {
      throw new AppError(403, 'E_FORBIDDEN', `You need the permission ${permission}`)
    }
    return next()
  }
}
