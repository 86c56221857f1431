import type { HttpContext } from '@adonisjs/core/http'
import { readKpis } from '#datacenter/queries/kpi_query'
import { listContacts } from '#datacenter/queries/contacts_query'
import { contactsQueryValidator, kpiQueryValidator, listParams } from '#datacenter/validators/datacenter'

/** KPIs over the analytics store and the call segments behind each count. */
export default class KpisController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(kpiQueryValidator, { data: listParams(ctx.request.qs(), ['queueIds', 'agentIds']) })
    return readKpis(ctx.scope, input)
  }

  async contacts(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(contactsQueryValidator, { data: ctx.request.qs() })
    return listContacts(ctx.scope, input, ctx.user.permissions.has('customers.view_ids'))
  }
}
