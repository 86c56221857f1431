import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import { operatorRoute, publicRoute } from '#shared/route_guard'

const PlatformController = () => import('#platform/controllers/platform_controller')
const DevMailboxController = () => import('#platform/controllers/dev_mailbox_controller')

/** The platform operators' console, and the development mailbox outside production. */
export function platformRoutes() {
  publicRoute(router.post('platform/auth/login', [PlatformController, 'login']).as('platform.login'))
  operatorRoute(router.get('platform/tenants', [PlatformController, 'tenants']).as('platform.tenants'))
  operatorRoute(router.post('platform/tenants/:id/suspend', [PlatformController, 'suspend']).as('platform.tenants_suspend'))
  operatorRoute(router.post('platform/tenants/:id/reactivate', [PlatformController, 'reactivate']).as('platform.tenants_reactivate'))
  if (!app.inProduction) {
    publicRoute(router.get('dev/mailbox', [DevMailboxController, 'index']).as('dev.mailbox'))
  }
}
