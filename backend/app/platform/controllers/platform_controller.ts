import type { HttpContext } from '@adonisjs/core/http'
import { operatorLogin } from '#platform/operators'
import { listTenants, setTenantStatus } from '#platform/actions/tenant_lifecycle'
import { operatorLoginValidator, tenantListValidator } from '#platform/validators/platform'
import { originOf } from '#shared/origin'

/** The platform operators' console: sign-in and the tenants they run. */
export default class PlatformController {
  async login(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(operatorLoginValidator)
    return { data: await operatorLogin(input, originOf(ctx)) }
  }

  async tenants(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(tenantListValidator, { data: ctx.request.qs() })
    return listTenants(input)
  }

  async suspend(ctx: HttpContext) {
    return { data: await setTenantStatus(ctx.operator, ctx.params.id, 'suspended', originOf(ctx)) }
  }

  async reactivate(ctx: HttpContext) {
    return { data: await setTenantStatus(ctx.operator, ctx.params.id, 'active', originOf(ctx)) }
  }
}
