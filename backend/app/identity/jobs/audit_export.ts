import fs from 'node:fs'
import { once } from 'node:events'
import { csvLine } from '#shared/csv'
import { defineJobKind } from '#jobs/job_kinds'
import { auditPage, countAudit, type AuditFilters } from '#identity/queries/audit_query'

const COLUMNS = ['occurredAt', 'actorEmail', 'actorType', 'action', 'targetType', 'targetId', 'result', 'status', 'ip', 'userAgent', 'before', 'after'] as const
const BATCH = 2000

/**
 * Exports the operation log to CSV (UTF-8 with BOM, so spreadsheet apps read Chinese correctly)
 * in batches, reporting progress. Rows newer than the job are left out, so the file is one
 * consistent cut even while the log grows.
 */
defineJobKind('audit.export', {
  permission: 'audit.export',
  async run(job) {
    const filters: AuditFilters = { ...(job.params.filters as AuditFilters), to: minDate(job.params.filters, job.params.cutoff) }
    const total = await job.inScope((scope) => countAudit(scope, filters))
    await job.progress(0, total)
    const file = job.resultPath('csv')
    const out = fs.createWriteStream(file)
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain')
    }
    await write('\uFEFF' + csvLine([...COLUMNS]))
    let done = 0
    let cursor: string | null = null
    while (true) {
      const rows = await job.inScope((scope) => auditPage(scope, filters, cursor, BATCH))
      for (const row of rows) await write(csvLine(COLUMNS.map((c) => row[c])))
      done += rows.length
      await job.progress(done)
      if (rows.length < BATCH) break
      cursor = rows[rows.length - 1].id
    }
    out.end()
    await once(out, 'finish')
    return { file, fileName: `operation-log-${String(job.params.cutoff).slice(0, 10)}.csv`, rows: done }
  },
})

function minDate(filters: unknown, cutoff: unknown): Date {
  const to = (filters as AuditFilters | undefined)?.to
  const limit = new Date(String(cutoff))
  return to && new Date(to) < limit ? new Date(to) : limit
}
