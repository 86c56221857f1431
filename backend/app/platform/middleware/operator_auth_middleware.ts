import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AppError } from '#shared/errors'
import { bearerFrom } from '#identity/tokens'
import { findOperator, type Operator } from '#platform/operators'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    operator: Operator
  }
}

/** Admits platform operators only; tenant users' tokens are not accepted here. */
export default class OperatorAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const operator = await findOperator(bearerFrom(ctx.request.header('authorization')))
    if (!operator) throw new AppError(401, 'E_UNAUTHORIZED', 'Sign in as a platform operator')
    ctx.operator = operator
    return next()
  }
}
