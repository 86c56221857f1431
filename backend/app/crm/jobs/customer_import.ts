import { setImmediate as yieldToRequests } from 'node:timers/promises'
import { defineJobKind, type JobContext } from '#jobs/job_kinds'
import type { TenantScope } from '#shared/scope'
import { newId } from '#shared/ids'
import { recordEvent, recordEvents } from '#events/outbox'
import { permissionsOf } from '#identity/queries/session_query'
import { tenantFilePath } from '#voice/voice_files'
import { viewerOf } from '#crm/queries/customer_query'
import { type FileRow, isBlank, readRows } from '#crm/imports/import_file'
import { type BatchCounts, planRows, writeRows } from '#crm/imports/import_rows'
import { readRow } from '#crm/imports/read_row'
import { findImportRow, importSettings, layoutOf } from '#crm/actions/customer_imports'

const BATCH = 500

/** The job owner as a customer viewer (their data scope when the job runs). */
async function jobViewer(job: JobContext) {
  return job.inScope(async (scope) => viewerOf({ id: scope.actor.id!, permissions: await permissionsOf(scope.trx, scope.tenantId, scope.actor.id!) }))
}

async function setImport(scope: TenantScope, id: string, changes: Record<string, unknown>) {
  await scope.trx.from('customer_imports').where('tenant_id', scope.tenantId).where('id', id).update(changes)
}

/** Records that an import stopped, with the reason, and rethrows so the job fails too. */
async function stopped(job: JobContext, importId: string, error: unknown): Promise<never> {
  const message = error instanceof Error ? error.message : String(error)
  await job.inScope(async (scope) => {
    await setImport(scope, importId, { status: 'failed', error: message.slice(0, 1000), finished_at: new Date() })
    await recordEvent(scope, { type: 'customer_import.failed', entityType: 'customer_import', entityId: importId, payload: { error: message.slice(0, 200) } })
  })
  throw error
}

/**
 * Imports the file of a customer import in batches of 500 data rows. Each batch is one
 * transaction: its customers, its journal rows and the import's checkpoint (the last file row done)
 * commit together, so a job that stops (a crash, a broken file, a lost database) leaves whole
 * batches behind and resumes after its checkpoint. Between batches the event loop serves requests.
 */
defineJobKind('customers.import', {
  permission: 'customers.import',
  async run(job) {
    const importId = job.params.importId as string
    const viewer = await jobViewer(job)
    const { row, settings } = await job.inScope(async (scope) => {
      const found = await findImportRow(scope, { ...viewer, seeAll: true }, importId)
      await setImport(scope, importId, { status: 'running', started_at: found.started_at ?? new Date() })
      return { row: found, settings: await importSettings(scope, viewer, found) }
    })
    const counts: BatchCounts = { created: row.created_count, updated: row.updated_count, skipped: row.skipped_count, failed: row.failed_count }
    const done = () => counts.created + counts.updated + counts.skipped + counts.failed
    await job.progress(done(), row.total_rows)

    const flush = async (batch: FileRow[]) => {
      const added = await job.inScope(async (scope) => {
        const plans = await planRows(scope, settings, batch.map((fileRow) => readRow(settings, fileRow)))
        const result = await writeRows(scope, settings, plans)
        await scope.trx
          .from('customer_imports')
          .where('tenant_id', scope.tenantId)
          .where('id', importId)
          .update({
            checkpoint: batch[batch.length - 1].row,
            created_count: scope.trx.raw('created_count + ?', [result.created]),
            updated_count: scope.trx.raw('updated_count + ?', [result.updated]),
            skipped_count: scope.trx.raw('skipped_count + ?', [result.skipped]),
            failed_count: scope.trx.raw('failed_count + ?', [result.failed]),
          })
        return result
      })
      for (const key of Object.keys(counts) as Array<keyof BatchCounts>) counts[key] += added[key]
      await job.progress(done())
      await yieldToRequests()
    }

    try {
      let batch: FileRow[] = []
      let header = true
      for await (const fileRow of readRows(tenantFilePath(row.tenant_id, row.file), layoutOf(row))) {
        if (header) {
          header = false
          continue
        }
        if (fileRow.row <= row.checkpoint || isBlank(fileRow.cells)) continue
        batch.push(fileRow)
        if (batch.length >= BATCH) {
          await flush(batch)
          batch = []
        }
      }
      if (batch.length) await flush(batch)
    } catch (error) {
      return stopped(job, importId, error)
    }

    await job.inScope(async (scope) => {
      await setImport(scope, importId, { status: 'succeeded', finished_at: new Date(), error: null })
      await recordEvent(scope, { type: 'customer_import.succeeded', entityType: 'customer_import', entityId: importId, payload: { ...counts } })
    })
    return { importId, ...counts }
  },
})

/**
 * Undoes an import, newest row first, 500 journal rows per transaction: customers it created are
 * deleted and customers it updated get back the state kept in the journal — unless someone changed
 * them after the import, in which case they are kept as they are and counted.
 */
defineJobKind('customers.import_rollback', {
  permission: 'customers.import',
  async run(job) {
    const importId = job.params.importId as string
    const total = await job.inScope(async (scope) => {
      const result = await scope.trx.from('customer_import_rows').where('tenant_id', scope.tenantId).where('import_id', importId).whereIn('action', ['created', 'updated']).count('* as n').first()
      return Number(result?.n ?? 0)
    })
    await job.progress(0, total)
    let before = 2 ** 31 - 1
    let processed = 0
    let kept = 0
    try {
      for (;;) {
        const page = await job.inScope(async (scope) => {
          const rows = await scope.trx
            .from('customer_import_rows')
            .where('tenant_id', scope.tenantId)
            .where('import_id', importId)
            .whereIn('action', ['created', 'updated'])
            .where('row', '<', before)
            .orderBy('row', 'desc')
            .limit(BATCH)
          const keptHere = await undoRows(scope, importId, rows)
          await setImport(scope, importId, { kept_count: scope.trx.raw('kept_count + ?', [keptHere]) })
          return { rows, kept: keptHere }
        })
        if (!page.rows.length) break
        before = page.rows[page.rows.length - 1].row
        processed += page.rows.length
        kept += page.kept
        await job.progress(processed)
        await yieldToRequests()
      }
    } catch (error) {
      return stopped(job, importId, error)
    }
    await job.inScope(async (scope) => {
      await setImport(scope, importId, { status: 'rolled_back', finished_at: new Date() })
      await recordEvent(scope, { type: 'customer_import.rolled_back', entityType: 'customer_import', entityId: importId, payload: { undone: processed - kept, kept } })
    })
    return { importId, undone: processed - kept, kept }
  },
})

/** Undoes one page of journal rows; answers how many customers were kept because they changed since. */
async function undoRows(scope: TenantScope, importId: string, rows: Array<Record<string, any>>): Promise<number> {
  const t = scope.tenantId
  const ids = [...new Set(rows.map((r) => r.customer_id as string))]
  const current = new Map<string, Date>()
  for (const c of await scope.trx.from('customers').where('tenant_id', t).whereIn('id', ids).select('id', 'updated_at')) current.set(c.id, new Date(c.updated_at))
  let kept = 0
  const deleted: string[] = []
  const restored: string[] = []
  for (const r of rows) {
    const updatedAt = current.get(r.customer_id)
    if (!updatedAt) continue
    if (r.action === 'updated' && !r.before) continue
    if (updatedAt.getTime() > new Date(r.written_at).getTime()) {
      kept++
      continue
    }
    if (r.action === 'created') {
      deleted.push(r.customer_id)
      current.delete(r.customer_id)
    } else {
      const { phones, emails, addresses = [], ...columns } = r.before
      await scope.trx.from('customers').where('tenant_id', t).where('id', r.customer_id).update({ ...columns, tags: columns.tags, custom_fields: JSON.stringify(columns.custom_fields) })
      await scope.trx.from('customer_phones').where('tenant_id', t).where('customer_id', r.customer_id).delete()
      await scope.trx.from('customer_emails').where('tenant_id', t).where('customer_id', r.customer_id).delete()
      await scope.trx.from('customer_addresses').where('tenant_id', t).where('customer_id', r.customer_id).delete()
      if (phones.length) await scope.trx.table('customer_phones').multiInsert(phones.map((p: any) => ({ tenant_id: t, id: newId(), customer_id: r.customer_id, ...p })))
      if (emails.length) await scope.trx.table('customer_emails').multiInsert(emails.map((e: any) => ({ tenant_id: t, id: newId(), customer_id: r.customer_id, ...e })))
      if (addresses.length) await scope.trx.table('customer_addresses').multiInsert(addresses.map((a: any) => ({ tenant_id: t, id: newId(), customer_id: r.customer_id, ...a })))
      current.set(r.customer_id, new Date(columns.updated_at))
      restored.push(r.customer_id)
    }
  }
  if (deleted.length) await scope.trx.from('customers').where('tenant_id', t).whereIn('id', deleted).delete()
  await recordEvents(scope, [
    ...deleted.map((id) => ({ type: 'customer.deleted', entityType: 'customer', entityId: id, payload: { importId, rollback: true } })),
    ...restored.map((id) => ({ type: 'customer.updated', entityType: 'customer', entityId: id, payload: { importId, rollback: true } })),
  ])
  return kept
}
