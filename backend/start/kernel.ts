/**
 * HTTP kernel: the error handler and the middleware stacks.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/security_headers_middleware'),
  () => import('#middleware/cors_preflight_middleware'),
  () => import('#middleware/spa_middleware'),
])

router.use([() => import('@adonisjs/core/bodyparser_middleware')])

/** Named middleware for routes. */
export const middleware = router.named({
  auth: () => import('#identity/middleware/tenant_auth_middleware'),
  can: () => import('#identity/middleware/permission_middleware'),
  operator: () => import('#platform/middleware/operator_auth_middleware'),
})
