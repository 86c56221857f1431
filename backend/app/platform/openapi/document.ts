import router from '@adonisjs/core/services/router'
import { routeAccess } from '#shared/route_guard'

/** Builds the OpenAPI 3.1 document from the router and the declared schemas. */
export function buildOpenApiDocument() {
  const access = routeAccess()
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of router.toJSON().root ?? []) {
    for (const method of route.methods) {
      if (method === 'HEAD') continue
      const path = route.pattern.replace(/:(\w+)/g, '{$1}')
      paths[path] ??= {}
      paths[path][method.toLowerCase()] = { operationId: route.name, 'x-access': access.get(`${method} ${route.pattern}`) }
    }
  }
  return { openapi: '3.1.0', info: { title: 'Contact center platform API', version: '1.0.0' }, paths }
}
