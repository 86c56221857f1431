import { Bouncer } from '@adonisjs/bouncer'
import type { Permission } from '#identity/permissions'

/** Anyone the bouncer judges: they carry their effective permissions. */
export interface PermissionHolder {
  permissions: ReadonlySet<Permission>
}

/** The one ability every guarded route checks: the actor's roles grant this permission. */
export const hasPermission = Bouncer.ability((actor: PermissionHolder, permission: Permission) =>
  actor.permissions.has(permission)
)
