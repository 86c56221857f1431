import vine from '@vinejs/vine'
import { displayName, email, ids, locale, page, perPage } from '#shared/rules'
import { ALL_PERMISSIONS } from '#identity/permissions'

/** Invite a user: they receive a mail with a link to set their password. */
export const inviteUserValidator = vine.create({
  email: email(),
  displayName: displayName(),
  roleIds: ids(),
  teamIds: ids().optional(),
})

export const updateUserValidator = vine.create({
  displayName: displayName().optional(),
  locale: locale().optional(),
  roleIds: ids().optional(),
  teamIds: ids().optional(),
})

export const listUsersValidator = vine.create({
  search: vine.string().trim().maxLength(120).optional(),
  status: vine.enum(['active', 'invited', 'deactivated'] as const).optional(),
  page: page(),
  perPage: perPage(),
})

const permissions = () => vine.array(vine.string().in(ALL_PERMISSIONS)).distinct().maxLength(ALL_PERMISSIONS.length)

export const createRoleValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  description: vine.string().trim().maxLength(400).optional(),
  permissions: permissions(),
})

export const updateRoleValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80).optional(),
  description: vine.string().trim().maxLength(400).optional(),
  permissions: permissions().optional(),
})

export const teamValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
  description: vine.string().trim().maxLength(400).optional(),
  supervisorIds: ids().optional(),
})

export const updateTeamValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80).optional(),
  description: vine.string().trim().maxLength(400).optional(),
  supervisorIds: ids().optional(),
})

export const teamMembersValidator = vine.create({
  userIds: ids(),
})

export const auditQueryValidator = vine.create({
  actor: vine.string().trim().maxLength(254).optional(),
  action: vine.string().trim().maxLength(120).optional(),
  result: vine.enum(['success', 'failure'] as const).optional(),
  from: vine.date({ formats: ['iso8601', 'YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['iso8601', 'YYYY-MM-DD'] }).optional(),
  page: page(),
  perPage: perPage(),
})
