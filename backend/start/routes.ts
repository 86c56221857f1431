/**
 * Routes: each domain declares its own in `app/<domain>/routes.ts`; this file mounts them.
 */
import router from '@adonisjs/core/services/router'
import { identityRoutes } from '#identity/routes'
import { tenancyRoutes } from '#tenancy/routes'
import { platformRoutes } from '#platform/routes'
import { jobRoutes } from '#jobs/routes'
import { contactCenterRoutes } from '#contact_center/routes'
import { voiceRoutes } from '#voice/routes'
import { crmRoutes } from '#crm/routes'
import { announcementRoutes } from '#announcements/routes'
import { workspaceRoutes } from '#workspace/routes'
import { callbackRoutes } from '#callbacks/routes'
import { datacenterRoutes } from '#datacenter/routes'
import { publicRoute } from '#shared/route_guard'

const ApiDocsController = () => import('#platform/controllers/api_docs_controller')

router.where('id', router.matchers.uuid())

router
  .group(() => {
    tenancyRoutes()
    identityRoutes()
    platformRoutes()
    jobRoutes()
    contactCenterRoutes()
    voiceRoutes()
    crmRoutes()
    announcementRoutes()
    workspaceRoutes()
    callbackRoutes()
    datacenterRoutes()
  })
  .prefix('/api/v1')

publicRoute(router.get('/api/health', () => ({ data: { status: 'ok' } })).as('health'))
publicRoute(router.get('/api/openapi.json', [ApiDocsController, 'document']).as('openapi.document'))
publicRoute(router.get('/api/docs', [ApiDocsController, 'page']).as('openapi.page'))
