import app from '@adonisjs/core/services/app'
import { appUrl } from '#config/app'
import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { Mailer } from '#shared/mail/mailer'
import { recordEvent } from '#events/outbox'
import { findUser } from '#identity/queries/user_query'
import { assertAllExist, replacePivot, USER_ROLES, USER_TEAMS } from '#identity/actions/memberships'
import { createUserToken } from '#identity/actions/user_tokens'

/** Input of createUser. With a password hash the user is active at once (signup, seed); without, invited. */
export interface CreateUserInput {
  email: string
  displayName: string
  roleIds: string[]
  teamIds?: string[]
  passwordHash?: string
  locale?: string | null
}

/**
 * Creates a user of the scope's tenant. An invited user gets a mail with a one-time link to set
 * their password; the e-mail must be unique in the tenant (case-insensitive).
 */
export async function createUser(scope: TenantScope, input: CreateUserInput) {
  await assertAllExist(scope, 'roles', input.roleIds, 'roleIds')
  await assertAllExist(scope, 'teams', input.teamIds ?? [], 'teamIds')
  const taken = await scope.trx
    .from('users')
    .where('tenant_id', scope.tenantId)
    .whereRaw('lower(email) = lower(?)', [input.email])
    .first()
  if (taken) throw new FieldError('email', 'unique', 'A user with this e-mail already exists')

  const id = newId()
  await scope.trx.table('users').insert({
    tenant_id: scope.tenantId,
    id,
    email: input.email,
    display_name: input.displayName,
    password_hash: input.passwordHash ?? null,
    status: input.passwordHash ? 'active' : 'invited',
    locale: input.locale ?? null,
  })
  await replacePivot(scope, USER_ROLES, id, input.roleIds)
  await replacePivot(scope, USER_TEAMS, id, input.teamIds ?? [])

  if (!input.passwordHash) {
    const token = await createUserToken(scope, id, 'invitation')
    const mailer = await app.container.make(Mailer)
    await mailer.send(scope.trx, {
      to: input.email,
      subject: 'You are invited to the contact center',
      body: `Hello ${input.displayName},\n\nSet your password to start: ${appUrl}/reset-password?invite=1&token=${encodeURIComponent(token)}\n\nThe link works for 7 days.`,
    })
  }
  const user = await findUser(scope, id)
  await recordEvent(scope, {
    type: input.passwordHash ? 'user.created' : 'user.invited',
    entityType: 'user',
    entityId: id,
    payload: { email: user.email, roles: user.roles.map((r) => r.key), teams: user.teams.map((t) => t.id) },
  })
  return user
}
