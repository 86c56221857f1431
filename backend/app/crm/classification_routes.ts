import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const CategoriesController = () => import('#crm/controllers/customer_categories_controller')
const SegmentsController = () => import('#crm/controllers/customer_segments_controller')
const ReclassificationsController = () => import('#crm/controllers/customer_reclassifications_controller')

/** Customer classification: category groups and values, a customer's values, segments and bulk re-classification. */
export function classificationRoutes() {
  tenantRoute(router.get('customer-category-groups', [CategoriesController, 'index']).as('customer_category_groups.index'), 'customers.view')
  tenantRoute(router.post('customer-category-groups', [CategoriesController, 'storeGroup']).as('customer_category_groups.store'), 'customers.manage')
  tenantRoute(router.patch('customer-category-groups/:id', [CategoriesController, 'updateGroup']).as('customer_category_groups.update'), 'customers.manage')
  tenantRoute(router.delete('customer-category-groups/:id', [CategoriesController, 'destroyGroup']).as('customer_category_groups.destroy'), 'customers.manage')
  tenantRoute(router.post('customer-category-groups/:id/values', [CategoriesController, 'storeValue']).as('customer_category_values.store'), 'customers.manage')
  tenantRoute(router.patch('customer-category-values/:id', [CategoriesController, 'updateValue']).as('customer_category_values.update'), 'customers.manage')
  tenantRoute(router.delete('customer-category-values/:id', [CategoriesController, 'destroyValue']).as('customer_category_values.destroy'), 'customers.manage')
  tenantRoute(router.put('customers/:id/categories', [CategoriesController, 'assign']).as('customers.categories'), 'customers.manage')

  tenantRoute(router.get('customer-segments', [SegmentsController, 'index']).as('customer_segments.index'), 'customers.view')
  tenantRoute(router.post('customer-segments/preview', [SegmentsController, 'preview']).as('customer_segments.preview'), 'customers.view')
  tenantRoute(router.post('customer-segments', [SegmentsController, 'store']).as('customer_segments.store'), 'customers.manage')
  tenantRoute(router.get('customer-segments/:id', [SegmentsController, 'show']).as('customer_segments.show'), 'customers.view')
  tenantRoute(router.patch('customer-segments/:id', [SegmentsController, 'update']).as('customer_segments.update'), 'customers.manage')
  tenantRoute(router.delete('customer-segments/:id', [SegmentsController, 'destroy']).as('customer_segments.destroy'), 'customers.manage')

  tenantRoute(router.post('customers/reclassifications', [ReclassificationsController, 'store']).as('customers.reclassify'), 'customers.manage')
}
