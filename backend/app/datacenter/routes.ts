import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const KpisController = () => import('#datacenter/controllers/kpis_controller')
const KpiSettingsController = () => import('#datacenter/controllers/kpi_settings_controller')

/**
 * The data center over the analytics store. Reads need reports.view, which supervisors and
 * executives both hold; changing the KPI settings is an organisation setting.
 */
export function datacenterRoutes() {
  tenantRoute(router.get('datacenter/kpis', [KpisController, 'index']).as('datacenter.kpis'), 'reports.view')
  tenantRoute(router.get('datacenter/contacts', [KpisController, 'contacts']).as('datacenter.contacts'), 'reports.view')
  tenantRoute(router.get('datacenter/settings', [KpiSettingsController, 'show']).as('datacenter.settings_show'), 'reports.view')
  tenantRoute(router.put('datacenter/settings', [KpiSettingsController, 'update']).as('datacenter.settings_update'), 'tenant.settings.manage')
}
