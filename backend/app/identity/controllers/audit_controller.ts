import type { HttpContext } from '@adonisjs/core/http'
import { csvLine } from '#shared/csv'
import { auditBatches, listAudit } from '#identity/queries/audit_query'
import { auditQueryValidator } from '#identity/validators/directory'

const CSV_COLUMNS = ['occurredAt', 'actorEmail', 'actorType', 'action', 'targetType', 'targetId', 'result', 'status', 'ip', 'userAgent', 'before', 'after'] as const

/** The operation log: filtered pages and the CSV export. */
export default class AuditController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(auditQueryValidator, { data: ctx.request.qs() })
    return listAudit(ctx.scope, filters)
  }

  async export(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(auditQueryValidator, { data: ctx.request.qs() })
    let body = '\uFEFF' + csvLine([...CSV_COLUMNS])
    for await (const batch of auditBatches(ctx.scope, filters)) {
      for (const row of batch) body += csvLine(CSV_COLUMNS.map((c) => row[c]))
    }
    ctx.audit = { targetType: 'audit_log', after: { filters } }
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header('content-disposition', `attachment; filename="operation-log-${new Date().toISOString().slice(0, 10)}.csv"`)
    return body
  }
}
