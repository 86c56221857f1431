import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Conservative security headers on every answer; API answers are never cached. */
export default class SecurityHeadersMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.response.header('x-content-type-options', 'nosniff')
    ctx.response.header('referrer-policy', 'same-origin')
    ctx.response.header('x-frame-options', 'SAMEORIGIN')
    if (ctx.request.url().startsWith('/api/')) ctx.response.header('cache-control', 'no-store')
    return next()
  }
}
