import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const CallbacksController = () => import('#callbacks/controllers/callbacks_controller')

/**
 * Scheduled callbacks: every agent books and manages their own (calls.handle); who sees their
 * teams' or everyone's and who changes everyone's is decided per request (agents.view / agents.manage).
 */
export function callbackRoutes() {
  tenantRoute(router.get('callbacks', [CallbacksController, 'index']).as('callbacks.index'), 'calls.handle')
  tenantRoute(router.post('callbacks', [CallbacksController, 'store']).as('callbacks.store'), 'calls.handle')
  tenantRoute(router.get('callbacks/:id', [CallbacksController, 'show']).as('callbacks.show'), 'calls.handle')
  tenantRoute(router.patch('callbacks/:id', [CallbacksController, 'update']).as('callbacks.update'), 'calls.handle')
  tenantRoute(router.post('callbacks/:id/cancel', [CallbacksController, 'cancel']).as('callbacks.cancel'), 'calls.handle')
}
