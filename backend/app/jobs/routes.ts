import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const JobsController = () => import('#jobs/controllers/jobs_controller')

/** Background jobs of the signed-in user (each job kind checks its own permission). */
export function jobRoutes() {
  tenantRoute(router.get('jobs', [JobsController, 'index']).as('jobs.index'), null)
  tenantRoute(router.get('jobs/:id', [JobsController, 'show']).as('jobs.show'), null)
  tenantRoute(router.get('jobs/:id/download', [JobsController, 'download']).as('jobs.download'), null)
}
