import type { Bouncer } from '@adonisjs/bouncer'
import type { TenantScope } from '#shared/scope'
import type { SessionUser } from '#identity/queries/session_query'
import type { PermissionHolder } from '#identity/policies/abilities'

/** Extra detail a controller gives the operation log for the request it handled. */
export interface AuditDetails {
  targetType?: string | null
  targetId?: string | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** Set by the tenant auth middleware. */
    scope: TenantScope
    user: SessionUser
    bouncer: Bouncer<PermissionHolder, {}, {}>
    audit?: AuditDetails
  }
}
