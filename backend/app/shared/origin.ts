import type { HttpContext } from '@adonisjs/core/http'
import type { Origin } from '#shared/scope'

/** Where the request came from, for the operation log. */
export function originOf(ctx: HttpContext): Origin {
  return {
    ip: ctx.request.ip() ?? null,
    userAgent: ctx.request.header('user-agent') ?? null,
    requestId: ctx.request.id() ?? null,
  }
}
