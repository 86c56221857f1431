import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const EmbeddedAppsController = () => import('#workspace/controllers/embedded_apps_controller')

/** The agent workspace's configuration: the third-party apps it frames. */
export function workspaceRoutes() {
  tenantRoute(router.get('embedded-apps', [EmbeddedAppsController, 'index']).as('embedded_apps.index'), 'tenant.settings.manage')
  tenantRoute(router.post('embedded-apps', [EmbeddedAppsController, 'store']).as('embedded_apps.store'), 'tenant.settings.manage')
  tenantRoute(router.patch('embedded-apps/:id', [EmbeddedAppsController, 'update']).as('embedded_apps.update'), 'tenant.settings.manage')
  tenantRoute(router.delete('embedded-apps/:id', [EmbeddedAppsController, 'destroy']).as('embedded_apps.destroy'), 'tenant.settings.manage')
  tenantRoute(router.get('agent/embedded-apps', [EmbeddedAppsController, 'forAgent']).as('agent.embedded_apps'), 'calls.handle')
  tenantRoute(router.post('agent/embedded-apps/:id/token', [EmbeddedAppsController, 'token']).as('agent.embedded_apps_token'), 'calls.handle')
}
