import type { Route } from '@adonisjs/core/http'
import { middleware } from '#start/kernel'
import type { Permission } from '#identity/permissions'

/** How a route is protected: its audience and, for tenant routes, the one permission it needs. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'tenant'; permission: Permission | null }
  | { kind: 'operator' }

const guarded: Array<{ route: Route; access: RouteAccess }> = []

/**
 * Every route's access rule keyed by `METHOD /pattern`, read by the OpenAPI document and the
 * tests. Built on demand: group prefixes are applied after the routes are declared.
 */
export function routeAccess(): Map<string, RouteAccess> {
  const map = new Map<string, RouteAccess>()
  for (const { route, access } of guarded) {
    const json = route.toJSON()
    for (const method of json.methods) if (method !== 'HEAD') map.set(`${method} ${json.pattern}`, access)
  }
  return map
}

/** Marks a route as open to anyone (sign-up, login, password reset). */
export function publicRoute(route: Route) {
  guarded.push({ route, access: { kind: 'public' } })
  return route
}

/** A tenant route: signed-in user, one transaction bound to their tenant, and the permission if given. */
export function tenantRoute(route: Route, permission: Permission | null) {
  route.use(middleware.auth({ permission }))
  if (permission) route.use(middleware.can(permission))
  guarded.push({ route, access: { kind: 'tenant', permission } })
  return route
}

/** A platform-operator route. */
export function operatorRoute(route: Route) {
  route.use(middleware.operator())
  guarded.push({ route, access: { kind: 'operator' } })
  return route
}
