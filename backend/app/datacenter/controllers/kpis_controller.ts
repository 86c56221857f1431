import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import { readKpis } from '#datacenter/queries/kpi_query'
import { openKpiStream } from '#datacenter/queries/kpi_stream'
import { listContacts } from '#datacenter/queries/contacts_query'
import { contactsQueryValidator, kpiQueryValidator, listParams } from '#datacenter/validators/datacenter'

/** KPIs over the analytics store and the call segments behind each count. */
export default class KpisController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(kpiQueryValidator, { data: listParams(ctx.request.qs(), ['queueIds', 'agentIds']) })
    return readKpis(ctx.scope, input)
  }

  /** The same KPIs as NDJSON, a month of the range at a time for the time groupings; each line is sent as soon as it is read. */
  async stream(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(kpiQueryValidator, { data: listParams(ctx.request.qs(), ['queueIds', 'agentIds']) })
    const lines = await openKpiStream(ctx.scope, input)
    ctx.response.header('content-type', 'application/x-ndjson; charset=utf-8')
    ctx.response.header('cache-control', 'no-store')
    // Proxies (nginx) would otherwise hold the lines back until the answer ends.
    ctx.response.header('x-accel-buffering', 'no')
    ctx.response.stream(Readable.from((async function* () {
      for await (const line of lines) yield `${JSON.stringify(line)}\n`
    })()))
  }

  async contacts(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(contactsQueryValidator, { data: listParams(ctx.request.qs(), ['queueIds', 'agentIds']) })
    return listContacts(ctx.scope, input, ctx.user.permissions.has('customers.view_ids'))
  }
}
