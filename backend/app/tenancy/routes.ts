import router from '@adonisjs/core/services/router'
import { publicRoute, tenantRoute } from '#shared/route_guard'

const SignupController = () => import('#tenancy/controllers/signup_controller')
const TenantController = () => import('#tenancy/controllers/tenant_controller')

/** Signup, tenant settings and trusted certificate authorities. */
export function tenancyRoutes() {
  publicRoute(router.post('signup', [SignupController, 'store']).as('tenant.signup'))
  tenantRoute(router.get('tenant', [TenantController, 'show']).as('tenant.show'), null)
  tenantRoute(router.patch('tenant', [TenantController, 'update']).as('tenant.update'), 'tenant.settings.manage')
  tenantRoute(router.get('tenant/certificate-authorities', [TenantController, 'certificateAuthorities']).as('certificate_authorities.index'), 'certificates.manage')
  tenantRoute(router.post('tenant/certificate-authorities', [TenantController, 'addCertificateAuthority']).as('certificate_authorities.store'), 'certificates.manage')
  tenantRoute(router.delete('tenant/certificate-authorities/:id', [TenantController, 'removeCertificateAuthority']).as('certificate_authorities.destroy'), 'certificates.manage')
}
