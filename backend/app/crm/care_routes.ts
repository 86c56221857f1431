import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const CareRulesController = () => import('#crm/controllers/care_rules_controller')
const CareTasksController = () => import('#crm/controllers/care_tasks_controller')

/** Customer care: the organisation's care rules and the care tasks they generate. */
export function careRoutes() {
  tenantRoute(router.get('care-rules', [CareRulesController, 'index']).as('care_rules.index'), 'customers.manage')
  tenantRoute(router.post('care-rules', [CareRulesController, 'store']).as('care_rules.store'), 'customers.manage')
  tenantRoute(router.patch('care-rules/:id', [CareRulesController, 'update']).as('care_rules.update'), 'customers.manage')
  tenantRoute(router.delete('care-rules/:id', [CareRulesController, 'destroy']).as('care_rules.destroy'), 'customers.manage')

  tenantRoute(router.get('care-tasks', [CareTasksController, 'index']).as('care_tasks.index'), 'customers.view')
  tenantRoute(router.get('care-tasks/summary', [CareTasksController, 'summary']).as('care_tasks.summary'), 'customers.view')
  tenantRoute(router.post('care-tasks/:id/claim', [CareTasksController, 'claim']).as('care_tasks.claim'), 'customers.view')
  tenantRoute(router.post('care-tasks/:id/done', [CareTasksController, 'done']).as('care_tasks.done'), 'customers.view')
  tenantRoute(router.post('care-tasks/:id/skip', [CareTasksController, 'skip']).as('care_tasks.skip'), 'customers.view')
}
