import type { HttpContext } from '@adonisjs/core/http'
import { FieldError } from '#shared/errors'
import { csvLine } from '#shared/csv'
import { viewerOf } from '#crm/queries/customer_query'
import {
  type ImportChoices,
  MAX_IMPORT_BYTES,
  createImport,
  findImport,
  findImportRow,
  listImports,
  previewImport,
  reportLines,
  reportName,
  resumeImport,
  rollbackImport,
  startImport,
  updateImport,
} from '#crm/actions/customer_imports'
import { updateImportValidator } from '#crm/validators/customer_imports'

/** Bulk import of customers from CSV and XLSX files: upload, mapping, preview, run, report, resume, rollback. */
export default class CustomerImportsController {
  async index(ctx: HttpContext) {
    return { data: await listImports(ctx.scope, viewerOf(ctx.user)) }
  }

  async store(ctx: HttpContext) {
    const file = ctx.request.file('file', { size: MAX_IMPORT_BYTES })
    if (!file) throw new FieldError('file', 'required', 'Attach a CSV or XLSX file')
    if (!file.isValid || !file.tmpPath) throw new FieldError('file', 'file', file.errors[0]?.message ?? 'The file could not be read')
    if (!/\.(csv|txt|xlsx)$/i.test(file.clientName)) throw new FieldError('file', 'extname', 'Choose a .csv, .txt or .xlsx file')
    const id = await createImport(ctx.scope, { tmpPath: file.tmpPath, fileName: file.clientName })
    const created = await findImport(ctx.scope, viewerOf(ctx.user), id)
    ctx.audit = { targetType: 'customer_import', targetId: id, after: { fileName: created.fileName, format: created.format, encoding: created.encoding, rows: created.totalRows } }
    return ctx.response.created({ data: created })
  }

  async show(ctx: HttpContext) {
    return { data: await findImport(ctx.scope, viewerOf(ctx.user), ctx.params.id) }
  }

  async update(ctx: HttpContext) {
    const choices = (await ctx.request.validateUsing(updateImportValidator)) as ImportChoices
    const updated = await updateImport(ctx.scope, viewerOf(ctx.user), ctx.params.id, choices)
    ctx.audit = { targetType: 'customer_import', targetId: updated.id, after: { mapping: updated.mapping, dedupe: updated.dedupe, defaultOwnerId: updated.defaultOwnerId, encoding: updated.encoding } }
    return { data: updated }
  }

  async preview(ctx: HttpContext) {
    return { data: await previewImport(ctx.scope, viewerOf(ctx.user), ctx.params.id) }
  }

  async run(ctx: HttpContext) {
    const started = await startImport(ctx.scope, viewerOf(ctx.user), ctx.params.id)
    ctx.audit = { targetType: 'customer_import', targetId: started.id, after: { status: started.status, jobId: started.jobId } }
    return ctx.response.accepted({ data: started })
  }

  async resume(ctx: HttpContext) {
    const resumed = await resumeImport(ctx.scope, viewerOf(ctx.user), ctx.params.id)
    ctx.audit = { targetType: 'customer_import', targetId: resumed.id, after: { status: resumed.status, jobId: resumed.jobId } }
    return ctx.response.accepted({ data: resumed })
  }

  async rollback(ctx: HttpContext) {
    const rolling = await rollbackImport(ctx.scope, viewerOf(ctx.user), ctx.params.id)
    ctx.audit = { targetType: 'customer_import', targetId: rolling.id, after: { status: rolling.status, jobId: rolling.jobId } }
    return ctx.response.accepted({ data: rolling })
  }

  /** The row-by-row report (failed and skipped rows with their original cells) as CSV with BOM. */
  async report(ctx: HttpContext) {
    const viewer = viewerOf(ctx.user)
    const row = await findImportRow(ctx.scope, viewer, ctx.params.id)
    let body = '\uFEFF'
    for await (const line of reportLines(ctx.scope, viewer, row.id)) body += csvLine(line)
    ctx.audit = { targetType: 'customer_import', targetId: row.id, after: { report: true } }
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header('content-disposition', `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent(reportName(row))}`)
    return body
  }
}
