import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Answers the browser's CORS preflight for the REST API. Any origin may *send* a bearer-token
 * request (no cookies are ever accepted, so nothing ambient rides along); whether a page may *read*
 * the answer is decided per request by the auth middleware: only an embedded app's token, from the
 * app's own origin, gets `access-control-allow-origin`.
 */
export default class CorsPreflightMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const origin = ctx.request.header('origin')
    const preflight =
      ctx.request.method() === 'OPTIONS' && origin && ctx.request.header('access-control-request-method') && ctx.request.url().startsWith('/api/v1/')
    if (!preflight) return next()
    ctx.response.header('access-control-allow-origin', origin)
    ctx.response.header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
    ctx.response.header('access-control-allow-headers', 'authorization, content-type, x-request-id')
    ctx.response.header('access-control-max-age', '600')
    ctx.response.header('vary', 'Origin')
    ctx.response.status(204).send('')
  }
}
