import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'
import { classificationRoutes } from '#crm/classification_routes'
import { careRoutes } from '#crm/care_routes'

const CustomersController = () => import('#crm/controllers/customers_controller')
const CustomerFieldsController = () => import('#crm/controllers/customer_fields_controller')
const TrackingRecordsController = () => import('#crm/controllers/tracking_records_controller')
const CustomerExportsController = () => import('#crm/controllers/customer_exports_controller')
const CustomerMergesController = () => import('#crm/controllers/customer_merges_controller')
const CustomerImportsController = () => import('#crm/controllers/customer_imports_controller')

/** Customers, the caller match of the agent frame, the tenant's custom fields and customers' tracking records. */
export function crmRoutes() {
  tenantRoute(router.get('customers', [CustomersController, 'index']).as('customers.index'), 'customers.view')
  tenantRoute(router.get('customers/match', [CustomersController, 'match']).as('customers.match'), 'customers.view')
  tenantRoute(router.post('customers', [CustomersController, 'store']).as('customers.store'), 'customers.manage')

  tenantRoute(router.get('customers/imports', [CustomerImportsController, 'index']).as('customer_imports.index'), 'customers.import')
  tenantRoute(router.post('customers/imports', [CustomerImportsController, 'store']).as('customer_imports.store'), 'customers.import')
  tenantRoute(router.get('customers/imports/:id', [CustomerImportsController, 'show']).as('customer_imports.show'), 'customers.import')
  tenantRoute(router.patch('customers/imports/:id', [CustomerImportsController, 'update']).as('customer_imports.update'), 'customers.import')
  tenantRoute(router.post('customers/imports/:id/preview', [CustomerImportsController, 'preview']).as('customer_imports.preview'), 'customers.import')
  tenantRoute(router.post('customers/imports/:id/run', [CustomerImportsController, 'run']).as('customer_imports.run'), 'customers.import')
  tenantRoute(router.post('customers/imports/:id/resume', [CustomerImportsController, 'resume']).as('customer_imports.resume'), 'customers.import')
  tenantRoute(router.post('customers/imports/:id/rollback', [CustomerImportsController, 'rollback']).as('customer_imports.rollback'), 'customers.import')
  tenantRoute(router.get('customers/imports/:id/report', [CustomerImportsController, 'report']).as('customer_imports.report'), 'customers.import')

  tenantRoute(router.get('customers/:id', [CustomersController, 'show']).as('customers.show'), 'customers.view')
  tenantRoute(router.patch('customers/:id', [CustomersController, 'update']).as('customers.update'), 'customers.manage')
  tenantRoute(router.delete('customers/:id', [CustomersController, 'destroy']).as('customers.destroy'), 'customers.manage')

  tenantRoute(router.get('customer-fields', [CustomerFieldsController, 'index']).as('customer_fields.index'), 'customers.view')
  tenantRoute(router.post('customer-fields', [CustomerFieldsController, 'store']).as('customer_fields.store'), 'customers.manage')
  tenantRoute(router.patch('customer-fields/:id', [CustomerFieldsController, 'update']).as('customer_fields.update'), 'customers.manage')
  tenantRoute(router.delete('customer-fields/:id', [CustomerFieldsController, 'destroy']).as('customer_fields.destroy'), 'customers.manage')

  tenantRoute(router.get('customers/:id/tracking-records', [TrackingRecordsController, 'index']).as('tracking_records.index'), 'customers.view')
  tenantRoute(router.post('customers/:id/tracking-records', [TrackingRecordsController, 'store']).as('tracking_records.store'), 'customers.view')
  tenantRoute(router.get('tracking-records/due', [TrackingRecordsController, 'due']).as('tracking_records.due'), 'customers.view')
  tenantRoute(router.patch('tracking-records/:id', [TrackingRecordsController, 'update']).as('tracking_records.update'), 'customers.view')

  tenantRoute(router.get('customers/:id/duplicates', [CustomerMergesController, 'duplicates']).as('customers.duplicates'), 'customers.view')
  tenantRoute(router.post('customers/:id/merge', [CustomerMergesController, 'merge']).as('customers.merge'), 'customers.manage')
  tenantRoute(router.get('customers/:id/merges', [CustomerMergesController, 'merges']).as('customers.merges'), 'customers.view')

  tenantRoute(router.post('customers/exports', [CustomerExportsController, 'store']).as('customers.export'), 'customers.export')
  careRoutes()
  classificationRoutes()
}
