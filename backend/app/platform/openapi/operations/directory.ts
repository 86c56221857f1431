import { data, json, list, noContent, page, parameter, query, type OperationMap } from '#platform/openapi/spec'

const userCommand = (summary: string, description: string) => ({
  tag: 'Users' as const,
  summary,
  description,
  success: json(200, data('User'), 'The changed user'),
})

const auditFilters = [
  query('actor', { type: 'string', maxLength: 254 }, 'Part of the actor’s e-mail'),
  query('action', { type: 'string', maxLength: 120 }, 'Action prefix, e.g. `auth.` or `users.update`'),
  query('result', { type: 'string', enum: ['success', 'failure'] }, 'Only successes or only failures'),
  query('from', { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] }, 'From this time (ISO-8601 or YYYY-MM-DD)'),
  query('to', { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] }, 'Up to this time (ISO-8601 or YYYY-MM-DD)'),
]

/** Users, roles, teams and the operation log (app/identity/controllers/users, roles, teams, audit). */
export const directoryOperations: OperationMap = {
  'users.index': {
    tag: 'Users',
    summary: 'List users, newest first',
    query: [
      query('search', { type: 'string', maxLength: 120 }, 'Part of the e-mail or display name'),
      query('status', { type: 'string', enum: ['active', 'invited', 'deactivated'] }, 'Only users in this status'),
      parameter('Page'),
      parameter('PerPage'),
    ],
    success: json(200, page('User'), 'A page of users (25 per page unless perPage says otherwise)'),
  },
  'users.store': {
    tag: 'Users',
    summary: 'Invite a user',
    description: 'The user is `invited` and receives a mail with a 7-day link to set their password. The e-mail must be unique in the organisation.',
    body: 'InviteUserRequest',
    success: json(201, data('User'), 'The invited user'),
  },
  'users.show': { tag: 'Users', summary: 'One user', success: json(200, data('User'), 'The user') },
  'users.update': {
    tag: 'Users',
    summary: 'Change a user’s name, language, roles or teams',
    body: 'UpdateUserRequest',
    success: json(200, data('User'), 'The changed user'),
  },
  'users.deactivate': {
    ...userCommand('Deactivate a user', 'Signs the user out everywhere at once; you cannot deactivate yourself (409).'),
    errors: [409],
  },
  'users.reactivate': userCommand('Reactivate a user', 'Active again, or still invited when they never set a password.'),
  'users.reset_mfa': userCommand('Reset a user’s two-factor sign-in', 'For a lost phone: turns two-factor off so they can set it up again.'),
  'users.unlock': userCommand('Unlock a locked account', 'Clears the failure count and the lock.'),

  'permissions.index': {
    tag: 'Roles',
    summary: 'The permission catalog',
    success: json(200, list('Permission'), 'Every permission a role can grant'),
  },
  'roles.index': { tag: 'Roles', summary: 'List roles (built-in first)', success: json(200, list('Role'), 'Every role') },
  'roles.store': {
    tag: 'Roles',
    summary: 'Create a custom role',
    body: 'CreateRoleRequest',
    success: json(201, data('Role'), 'The new role'),
  },
  'roles.show': { tag: 'Roles', summary: 'One role', success: json(200, data('Role'), 'The role') },
  'roles.update': {
    tag: 'Roles',
    summary: 'Change a custom role',
    description: 'Built-in roles are read-only (409).',
    body: 'UpdateRoleRequest',
    success: json(200, data('Role'), 'The changed role'),
    errors: [409],
  },
  'roles.destroy': {
    tag: 'Roles',
    summary: 'Delete a custom role',
    description: 'Only a custom role that no user holds (409 otherwise).',
    success: noContent('Deleted'),
    errors: [409],
  },

  'teams.index': { tag: 'Teams', summary: 'List teams', success: json(200, list('Team'), 'Every team, without members') },
  'teams.store': { tag: 'Teams', summary: 'Create a team', body: 'CreateTeamRequest', success: json(201, data('Team'), 'The new team') },
  'teams.show': { tag: 'Teams', summary: 'One team with its members', success: json(200, data('Team'), 'The team') },
  'teams.update': {
    tag: 'Teams',
    summary: 'Change a team’s name, description or supervisors',
    body: 'UpdateTeamRequest',
    success: json(200, data('Team'), 'The changed team'),
  },
  'teams.members': {
    tag: 'Teams',
    summary: 'Replace a team’s members',
    body: 'TeamMembersRequest',
    success: json(200, data('Team'), 'The team with its new members'),
  },
  'teams.destroy': { tag: 'Teams', summary: 'Delete a team', success: noContent('Deleted') },

  'audit.index': {
    tag: 'Operation log',
    summary: 'Search the operation log, newest first',
    query: [...auditFilters, parameter('Page'), parameter('PerPage')],
    success: json(200, page('AuditEntry'), 'A page of log rows (50 per page unless perPage says otherwise)'),
  },
  'audit.export': {
    tag: 'Operation log',
    summary: 'Start a CSV export of the operation log',
    description:
      'Queues a background job that writes every matching row (up to now) as UTF-8 CSV with a byte-order mark. ' +
      'Follow its progress with `GET /api/v1/jobs/{id}` and fetch the file from `GET /api/v1/jobs/{id}/download`.',
    body: 'AuditExportRequest',
    success: json(202, data('Job'), 'The queued job'),
  },
}
