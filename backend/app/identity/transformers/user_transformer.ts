import { iso } from '#shared/time'

/** The API shape of a user; never the row itself (no hashes, no secrets). */
export interface UserResource {
  id: string
  email: string
  displayName: string
  status: 'active' | 'invited' | 'deactivated'
  locale: string | null
  mfaEnabled: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  roles: Array<{ id: string; key: string; name: string }>
  teams: Array<{ id: string; name: string }>
  createdAt: string
}

/** Maps a users row plus its roles and teams to the API shape. */
export function toUserResource(
  row: Record<string, any>,
  roles: UserResource['roles'],
  teams: UserResource['teams']
): UserResource {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    locale: row.locale,
    mfaEnabled: row.mfa_enabled,
    lockedUntil: iso(row.locked_until),
    lastLoginAt: iso(row.last_login_at),
    roles,
    teams,
    createdAt: iso(row.created_at)!,
  }
}
