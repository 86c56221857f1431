import { AppError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { findUser, findUserRow } from '#identity/queries/user_query'
import { assertAllExist, replacePivot, USER_ROLES, USER_TEAMS } from '#identity/actions/memberships'
import type { UserResource } from '#identity/transformers/user_transformer'

/** What an administrator may change on a user. */
export interface UpdateUserInput {
  displayName?: string
  locale?: string
  roleIds?: string[]
  teamIds?: string[]
}

/** Summary of a user kept in the operation log. */
export function userSummary(user: UserResource) {
  return {
    displayName: user.displayName,
    status: user.status,
    locale: user.locale,
    mfaEnabled: user.mfaEnabled,
    roles: user.roles.map((r) => r.key),
    teams: user.teams.map((t) => t.name),
  }
}

/** Changes a user's profile, roles and teams; returns before and after for the log. */
export async function updateUser(scope: TenantScope, userId: string, input: UpdateUserInput) {
  const before = await findUser(scope, userId)
  if (input.roleIds) await assertAllExist(scope, 'roles', input.roleIds, 'roleIds')
  if (input.teamIds) await assertAllExist(scope, 'teams', input.teamIds, 'teamIds')
  const changes: Record<string, unknown> = {}
  if (input.displayName !== undefined) changes.display_name = input.displayName
  if (input.locale !== undefined) changes.locale = input.locale
  if (Object.keys(changes).length > 0) {
    await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', userId).update({ ...changes, updated_at: new Date() })
  }
  if (input.roleIds) await replacePivot(scope, USER_ROLES, userId, input.roleIds)
  if (input.teamIds) await replacePivot(scope, USER_TEAMS, userId, input.teamIds)
  const after = await findUser(scope, userId)
  await recordEvent(scope, { type: 'user.updated', entityType: 'user', entityId: userId, payload: userSummary(after) })
  return { before, after }
}

/** Administrative account changes that are one switch each. */
export type AccountCommand = 'deactivate' | 'reactivate' | 'reset_mfa' | 'unlock'

const EVENT_OF: Record<AccountCommand, string> = {
  deactivate: 'user.deactivated',
  reactivate: 'user.reactivated',
  reset_mfa: 'user.mfa_reset',
  unlock: 'user.unlocked',
}

/**
 * Applies one account command. Deactivation revokes every session at once; reactivation returns a
 * user to active only when they had set a password (an invited user stays invited).
 */
export async function applyAccountCommand(scope: TenantScope, userId: string, command: AccountCommand) {
  const row = await findUserRow(scope, userId)
  if (command === 'deactivate' && scope.actor.id === userId) {
    throw new AppError(409, 'E_CONFLICT', 'You cannot deactivate your own account')
  }
  const before = await findUser(scope, userId)
  const where = () => scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', userId)
  const now = new Date()
  switch (command) {
    case 'deactivate':
      await where().update({ status: 'deactivated', updated_at: now })
      await scope.trx.from('access_tokens').where('tenant_id', scope.tenantId).where('user_id', userId).whereNull('revoked_at').update({ revoked_at: now })
      break
    case 'reactivate':
      await where().update({ status: row.password_hash ? 'active' : 'invited', updated_at: now })
      break
    case 'reset_mfa':
      await where().update({ mfa_enabled: false, mfa_secret: null, updated_at: now })
      break
    case 'unlock':
      await where().update({ failed_login_count: 0, locked_until: null, updated_at: now })
      break
  }
  const after = await findUser(scope, userId)
  await recordEvent(scope, { type: EVENT_OF[command], entityType: 'user', entityId: userId })
  return { before, after }
}
