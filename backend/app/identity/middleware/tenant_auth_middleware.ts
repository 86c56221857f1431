import db from '@adonisjs/lucid/services/db'
import { Bouncer } from '@adonisjs/bouncer'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AppError } from '#shared/errors'
import { bindTenant } from '#shared/scope'
import { originOf } from '#shared/origin'
import { writeAudit, writeAuditAlone } from '#shared/audit'
import { bearerFrom, parseToken } from '#identity/tokens'
import { findSession } from '#identity/queries/session_query'
import type { Permission } from '#identity/permissions'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Authenticates a tenant user by bearer token (an embedded app's token only from its origin and
 * only on routes that need a permission) and runs the whole request in one transaction bound
 * to their tenant. The request commits when it answered below 400 and rolls back otherwise; every
 * mutating request (and every read a controller marks, such as an export) leaves an operation-log row (success in the same transaction, failure after the
 * rollback in its own).
 */
export default class TenantAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { permission?: Permission | null } = {}) {
    const requestOrigin = ctx.request.header('origin') ?? null
    // A page on another site may read why it was refused (nothing else): an app whose token
    // expired learns it must ask the workspace for a new one.
    if (requestOrigin) ctx.response.header('vary', 'Origin')
    const refuse = (message: string) => {
      if (requestOrigin) ctx.response.header('access-control-allow-origin', requestOrigin)
      return new AppError(401, 'E_UNAUTHORIZED', message)
    }
    const token = parseToken(bearerFrom(ctx.request.header('authorization')))
    if (!token) throw refuse('Sign in first')

    const trx = await db.transaction()
    try {
      await bindTenant(trx, token.tenantId)
      const user = await findSession(trx, token)
      if (!user) throw refuse('Your session has ended; sign in again')
      if (user.app) {
        // An embedded app's token works only from the app's own pages, and those may read the answers.
        if (requestOrigin !== user.app.origin) throw new AppError(403, 'E_ORIGIN', `This token is only good from ${user.app.origin}`)
        ctx.response.header('access-control-allow-origin', requestOrigin)
        ctx.response.header('access-control-expose-headers', 'retry-after, x-request-id')
        // Routes every signed-in user may use (own profile, password, sign-out…) stay the user's own.
        if (!options.permission) throw new AppError(403, 'E_FORBIDDEN', 'An app token cannot use this route')
      }

      const actor = { type: 'user' as const, id: user.id, email: user.email }
      const origin = originOf(ctx)
      // The operation log names the embedded app that acted for the user.
      if (user.app) origin.userAgent = `embedded app ${user.app.id} at ${user.app.origin}; ${origin.userAgent ?? ''}`
      ctx.user = user
      ctx.scope = { tenantId: token.tenantId, trx, actor, origin }
      ctx.bouncer = new Bouncer(user)

      await next()

      const status = ctx.response.getStatus()
      const mutating = MUTATING.has(ctx.request.method())
      const action = ctx.route?.name ?? `${ctx.request.method()} ${ctx.route?.pattern}`
      const details = ctx.audit ?? {}
      const targetId = details.targetId ?? ctx.params.id ?? null
      if (status < 400) {
        if (mutating || ctx.audit) {
          await writeAudit(trx, { tenantId: token.tenantId, actor, origin, action, result: 'success', status, ...details, targetId })
        }
        await trx.commit()
      } else {
        await trx.rollback()
        if (mutating) {
          await writeAuditAlone({ tenantId: token.tenantId, actor, origin, action, result: 'failure', status, targetType: details.targetType, targetId })
        }
      }
    } finally {
      if (!trx.isCompleted) await trx.rollback()
    }
  }
}
