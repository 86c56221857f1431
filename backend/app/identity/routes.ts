import router from '@adonisjs/core/services/router'
import { publicRoute, tenantRoute } from '#shared/route_guard'

const SessionController = () => import('#identity/controllers/session_controller')
const PasswordController = () => import('#identity/controllers/password_controller')
const MfaController = () => import('#identity/controllers/mfa_controller')
const UsersController = () => import('#identity/controllers/users_controller')
const RolesController = () => import('#identity/controllers/roles_controller')
const TeamsController = () => import('#identity/controllers/teams_controller')
const AuditController = () => import('#identity/controllers/audit_controller')

/** Unified authentication, users, roles, teams and the operation log. */
export function identityRoutes() {
  publicRoute(router.post('auth/login', [SessionController, 'login']).as('auth.login'))
  publicRoute(router.post('auth/certificate', [SessionController, 'certificate']).as('auth.certificate'))
  publicRoute(router.post('auth/password/forgot', [PasswordController, 'forgot']).as('auth.password_forgot'))
  publicRoute(router.post('auth/password/reset', [PasswordController, 'reset']).as('auth.password_reset'))

  tenantRoute(router.post('auth/logout', [SessionController, 'logout']).as('auth.logout'), null)
  tenantRoute(router.get('auth/me', [SessionController, 'me']).as('auth.me'), null)
  tenantRoute(router.patch('auth/me', [SessionController, 'updateMe']).as('auth.update_me'), null)
  tenantRoute(router.get('auth/me/teams', [SessionController, 'myTeams']).as('auth.my_teams'), null)
  tenantRoute(router.post('auth/mfa/setup', [MfaController, 'setup']).as('auth.mfa_setup'), null)
  tenantRoute(router.post('auth/mfa/enable', [MfaController, 'enable']).as('auth.mfa_enable'), null)
  tenantRoute(router.post('auth/mfa/disable', [MfaController, 'disable']).as('auth.mfa_disable'), null)

  tenantRoute(router.get('users', [UsersController, 'index']).as('users.index'), 'users.view')
  tenantRoute(router.post('users', [UsersController, 'store']).as('users.store'), 'users.manage')
  tenantRoute(router.get('users/:id', [UsersController, 'show']).as('users.show'), 'users.view')
  tenantRoute(router.patch('users/:id', [UsersController, 'update']).as('users.update'), 'users.manage')
  tenantRoute(router.post('users/:id/deactivate', [UsersController, 'deactivate']).as('users.deactivate'), 'users.manage')
  tenantRoute(router.post('users/:id/reactivate', [UsersController, 'reactivate']).as('users.reactivate'), 'users.manage')
  tenantRoute(router.post('users/:id/reset-mfa', [UsersController, 'resetMfa']).as('users.reset_mfa'), 'users.manage')
  tenantRoute(router.post('users/:id/unlock', [UsersController, 'unlock']).as('users.unlock'), 'users.manage')

  tenantRoute(router.get('permissions', [RolesController, 'permissions']).as('permissions.index'), 'users.view')
  tenantRoute(router.get('roles', [RolesController, 'index']).as('roles.index'), 'users.view')
  tenantRoute(router.post('roles', [RolesController, 'store']).as('roles.store'), 'roles.manage')
  tenantRoute(router.get('roles/:id', [RolesController, 'show']).as('roles.show'), 'users.view')
  tenantRoute(router.patch('roles/:id', [RolesController, 'update']).as('roles.update'), 'roles.manage')
  tenantRoute(router.delete('roles/:id', [RolesController, 'destroy']).as('roles.destroy'), 'roles.manage')

  tenantRoute(router.get('teams', [TeamsController, 'index']).as('teams.index'), 'teams.view')
  tenantRoute(router.post('teams', [TeamsController, 'store']).as('teams.store'), 'teams.manage')
  tenantRoute(router.get('teams/:id', [TeamsController, 'show']).as('teams.show'), 'teams.view')
  tenantRoute(router.patch('teams/:id', [TeamsController, 'update']).as('teams.update'), 'teams.manage')
  tenantRoute(router.put('teams/:id/members', [TeamsController, 'members']).as('teams.members'), 'teams.manage')
  tenantRoute(router.delete('teams/:id', [TeamsController, 'destroy']).as('teams.destroy'), 'teams.manage')

  tenantRoute(router.get('audit-logs', [AuditController, 'index']).as('audit.index'), 'audit.view')
  tenantRoute(router.post('audit-logs/exports', [AuditController, 'export']).as('audit.export'), 'audit.export')
}
