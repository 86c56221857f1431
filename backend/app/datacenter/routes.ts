import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const KpisController = () => import('#datacenter/controllers/kpis_controller')
const KpiSettingsController = () => import('#datacenter/controllers/kpi_settings_controller')
const ReportsController = () => import('#datacenter/controllers/reports_controller')
const ExportsController = () => import('#datacenter/controllers/exports_controller')

/**
 * The data center over the analytics store. Reads need reports.view, which supervisors and
 * executives both hold; changing the KPI settings is an organisation setting. Saved reports are
 * each reader's own or shared; exports (background jobs) need reports.export.
 */
export function datacenterRoutes() {
  tenantRoute(router.get('datacenter/kpis', [KpisController, 'index']).as('datacenter.kpis'), 'reports.view')
  tenantRoute(router.get('datacenter/kpis/stream', [KpisController, 'stream']).as('datacenter.kpis_stream'), 'reports.view')
  tenantRoute(router.get('datacenter/contacts', [KpisController, 'contacts']).as('datacenter.contacts'), 'reports.view')
  tenantRoute(router.get('datacenter/settings', [KpiSettingsController, 'show']).as('datacenter.settings_show'), 'reports.view')
  tenantRoute(router.put('datacenter/settings', [KpiSettingsController, 'update']).as('datacenter.settings_update'), 'tenant.settings.manage')
  tenantRoute(router.get('datacenter/reports', [ReportsController, 'index']).as('datacenter.reports_index'), 'reports.view')
  tenantRoute(router.post('datacenter/reports', [ReportsController, 'store']).as('datacenter.reports_store'), 'reports.view')
  tenantRoute(router.get('datacenter/reports/:id', [ReportsController, 'show']).as('datacenter.reports_show'), 'reports.view')
  tenantRoute(router.put('datacenter/reports/:id', [ReportsController, 'update']).as('datacenter.reports_update'), 'reports.view')
  tenantRoute(router.delete('datacenter/reports/:id', [ReportsController, 'destroy']).as('datacenter.reports_destroy'), 'reports.view')
  tenantRoute(router.post('datacenter/exports', [ExportsController, 'store']).as('datacenter.export'), 'reports.export')
}
