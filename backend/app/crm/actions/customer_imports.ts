import fs from 'node:fs/promises'
import path from 'node:path'
import { newId } from '#shared/ids'
import { AppError, FieldError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'
import { recordEvent } from '#events/outbox'
import { enqueueJob } from '#jobs/jobs'
import { defaultCountryOf } from '#voice/phone_numbers'
import { removeTenantFile, tenantFilePath } from '#voice/voice_files'
import { listCustomerFields } from '#crm/actions/customer_fields'
import { ownerInScope, type CustomerViewer } from '#crm/queries/customer_query'
import { type FileLayout, isBlank, readRows, sniffLayout, summariseFile } from '#crm/imports/import_file'
import { type ColumnMapping, checkMapping, guessMapping, headerSignature } from '#crm/imports/mapping'
import { type DedupeKey, type DedupePolicy, type ImportSettings, planRows } from '#crm/imports/import_rows'
import { readRow } from '#crm/imports/read_row'

/** The largest file an import takes, in data rows. */
export const MAX_IMPORT_ROWS = 1_000_000
/** The largest upload, in bytes. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024
const PREVIEW_ROWS = 100

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed' | 'rolling_back' | 'rolled_back'

/** An import as the API answers it. */
export interface CustomerImport {
  id: string
  fileName: string
  format: 'csv' | 'xlsx'
  encoding: FileLayout['encoding']
  status: ImportStatus
  headers: string[]
  sampleRows: string[][]
  totalRows: number
  mapping: ColumnMapping[]
  dedupe: { keys: DedupeKey[]; policy: DedupePolicy }
  defaultOwnerId: string | null
  progress: { done: number; total: number; percent: number }
  counts: { created: number; updated: number; skipped: number; failed: number; kept: number }
  jobId: string | null
  error: string | null
  canResume: boolean
  canRollback: boolean
  reportAvailable: boolean
  createdAt: string
  finishedAt: string | null
  createdBy: string
  createdByName: string | null
}

function toImport(row: Record<string, any>): CustomerImport {
  const done = row.created_count + row.updated_count + row.skipped_count + row.failed_count
  const finished = ['succeeded', 'failed', 'rolled_back'].includes(row.status)
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    status: row.status,
    headers: row.headers,
    sampleRows: row.sample_rows,
    totalRows: row.total_rows,
    mapping: row.mapping,
    dedupe: { keys: row.dedupe_keys, policy: row.dedupe_policy },
    defaultOwnerId: row.default_owner_id,
    progress: { done, total: row.total_rows, percent: row.status === 'succeeded' || row.total_rows === 0 ? (row.status === 'succeeded' ? 100 : 0) : Math.min(99, Math.floor((done / row.total_rows) * 100)) },
    counts: { created: row.created_count, updated: row.updated_count, skipped: row.skipped_count, failed: row.failed_count, kept: row.kept_count },
    jobId: row.job_id,
    error: row.error,
    canResume: row.status === 'failed',
    canRollback: row.status === 'succeeded' || row.status === 'failed',
    reportAvailable: finished && row.failed_count + row.skipped_count > 0,
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    createdBy: row.created_by,
    createdByName: row.created_by_name ?? null,
  }
}

/** Imports the viewer may open: their own, or every import with customers.view_all. */
function visibleImports(scope: TenantScope, viewer: CustomerViewer) {
  const query = scope.trx
    .from('customer_imports as i')
    .leftJoin('users as u', (j) => j.on('u.tenant_id', 'i.tenant_id').andOn('u.id', 'i.created_by'))
    .where('i.tenant_id', scope.tenantId)
    .select('i.*', 'u.display_name as created_by_name')
  if (!viewer.seeAll) query.where('i.created_by', viewer.userId ?? '00000000-0000-0000-0000-000000000000')
  return query
}

/** The 50 newest imports the viewer may open. */
export async function listImports(scope: TenantScope, viewer: CustomerViewer) {
  return (await visibleImports(scope, viewer).orderBy('i.created_at', 'desc').limit(50)).map(toImport)
}

/** One import row the viewer may open (404 otherwise), locked for a change when `forUpdate`. */
export async function findImportRow(scope: TenantScope, viewer: CustomerViewer, id: string, options: { forUpdate?: boolean } = {}) {
  const query = visibleImports(scope, viewer).where('i.id', id)
  if (options.forUpdate) query.forUpdate('i')
  const row = await query.first()
  if (!row) throw notFound('Import')
  return row
}

export async function findImport(scope: TenantScope, viewer: CustomerViewer, id: string) {
  return toImport(await findImportRow(scope, viewer, id))
}

/** The file's layout as stored on its import. */
export function layoutOf(row: Record<string, any>): FileLayout {
  return { format: row.format, encoding: row.encoding, delimiter: row.delimiter }
}

/**
 * Takes an uploaded file: keeps it in the tenant's file area, reads its format and encoding, its
 * header, a few sample rows and its size in rows, and proposes a mapping: the one remembered for
 * files with the same columns, else a guess from the header names.
 */
export async function createImport(scope: TenantScope, upload: { tmpPath: string; fileName: string }) {
  const id = newId()
  const layout = await sniffLayout(upload.tmpPath)
  const summary = await summariseFile(upload.tmpPath, layout, MAX_IMPORT_ROWS)
  if (summary.totalRows === 0) throw new FieldError('file', 'empty', 'The file has a header but no data rows')
  const relative = `imports/${id}.${layout.format}`
  const absolute = tenantFilePath(scope.tenantId, relative)
  await fs.mkdir(path.dirname(absolute), { recursive: true })
  await fs.copyFile(upload.tmpPath, absolute)
  try {
    const fields = await listCustomerFields(scope)
    const remembered = await scope.trx.from('customer_import_mappings').where('tenant_id', scope.tenantId).where('signature', headerSignature(summary.headers)).first()
    const mapping = remembered ? rememberedMapping(remembered.mapping, summary.headers.length, fields) : guessMapping(summary.headers, fields)
    await scope.trx.table('customer_imports').insert({
      tenant_id: scope.tenantId,
      id,
      file_name: upload.fileName.slice(0, 200),
      file: relative,
      ...layout,
      headers: summary.headers,
      sample_rows: JSON.stringify(summary.sampleRows),
      total_rows: summary.totalRows,
      mapping: JSON.stringify(mapping),
      ...(remembered ? { dedupe_keys: remembered.dedupe_keys, dedupe_policy: remembered.dedupe_policy } : {}),
      created_by: scope.actor.id,
    })
    await recordEvent(scope, { type: 'customer_import.uploaded', entityType: 'customer_import', entityId: id, payload: { format: layout.format, rows: summary.totalRows } })
  } catch (error) {
    await removeTenantFile(scope.tenantId, relative)
    throw error
  }
  return id
}

/** A remembered mapping still valid for these columns and fields; otherwise nothing. */
function rememberedMapping(mapping: ColumnMapping[], columns: number, fields: Awaited<ReturnType<typeof listCustomerFields>>) {
  try {
    checkMapping(mapping, columns, fields)
    return mapping
  } catch {
    return []
  }
}

/** The wizard's choices before the import runs: mapping, dedupe keys and policy, default owner, encoding. */
export interface ImportChoices {
  mapping?: ColumnMapping[]
  dedupe?: { keys: DedupeKey[]; policy: DedupePolicy }
  defaultOwnerId?: string | null
  encoding?: NonNullable<FileLayout['encoding']>
}

/** Changes an uploaded import's choices and remembers the mapping for files with the same columns. */
export async function updateImport(scope: TenantScope, viewer: CustomerViewer, id: string, choices: ImportChoices) {
  const row = await findImportRow(scope, viewer, id, { forUpdate: true })
  if (row.status !== 'uploaded') throw new AppError(409, 'E_CONFLICT', 'This import has already started')
  const changes: Record<string, unknown> = {}
  let headers: string[] = row.headers
  if (choices.encoding && row.format === 'csv' && choices.encoding !== row.encoding) {
    const file = tenantFilePath(scope.tenantId, row.file)
    const layout = await sniffLayout(file, choices.encoding)
    const summary = await summariseFile(file, layout, MAX_IMPORT_ROWS)
    headers = summary.headers
    Object.assign(changes, { encoding: layout.encoding, delimiter: layout.delimiter, headers, sample_rows: JSON.stringify(summary.sampleRows), total_rows: summary.totalRows })
  }
  const fields = await listCustomerFields(scope)
  if (choices.mapping) {
    checkMapping(choices.mapping, headers.length, fields)
    changes.mapping = JSON.stringify(choices.mapping)
  }
  if (choices.dedupe) {
    if (choices.dedupe.policy !== 'create' && choices.dedupe.keys.length === 0) throw new FieldError('dedupe.keys', 'required', 'Choose at least one key to find duplicates by, or create duplicates')
    Object.assign(changes, { dedupe_keys: choices.dedupe.keys, dedupe_policy: choices.dedupe.policy })
  }
  if (choices.defaultOwnerId !== undefined) {
    if (choices.defaultOwnerId !== null) {
      const owner = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', choices.defaultOwnerId).where('status', 'active').first()
      if (!owner) throw new FieldError('defaultOwnerId', 'exists', 'The owner must be an active user of your organisation')
      if (!(await ownerInScope(scope, viewer, choices.defaultOwnerId))) throw new FieldError('defaultOwnerId', 'scope', 'You can give customers only to yourself or members of your teams')
    }
    changes.default_owner_id = choices.defaultOwnerId
  }
  if (Object.keys(changes).length) await scope.trx.from('customer_imports').where('tenant_id', scope.tenantId).where('id', id).update(changes)
  const updated = await findImportRow(scope, viewer, id)
  if (choices.mapping || choices.dedupe) {
    await scope.trx
      .table('customer_import_mappings')
      .insert({ tenant_id: scope.tenantId, signature: headerSignature(updated.headers), mapping: JSON.stringify(updated.mapping), dedupe_keys: updated.dedupe_keys, dedupe_policy: updated.dedupe_policy })
      .onConflict(['tenant_id', 'signature'])
      .merge(['mapping', 'dedupe_keys', 'dedupe_policy', 'updated_at'])
  }
  return toImport(updated)
}

/** What a job or the preview needs to read the import's rows. */
export async function importSettings(scope: TenantScope, viewer: CustomerViewer, row: Record<string, any>): Promise<ImportSettings> {
  const users = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('status', 'active').select('id', 'email')
  return {
    importId: row.id,
    mapping: row.mapping,
    dedupeKeys: row.dedupe_keys,
    dedupePolicy: row.dedupe_policy,
    defaultOwnerId: row.default_owner_id,
    viewer,
    fields: await listCustomerFields(scope),
    country: await defaultCountryOf(scope),
    usersByEmail: new Map(users.map((u) => [String(u.email).toLowerCase(), u.id])),
    ownerScope: new Map(),
  }
}

/** The first 100 data rows as the import would treat them now, without writing anything. */
export async function previewImport(scope: TenantScope, viewer: CustomerViewer, id: string) {
  const row = await findImportRow(scope, viewer, id)
  const fields = await listCustomerFields(scope)
  checkMapping(row.mapping, row.headers.length, fields)
  const settings = await importSettings(scope, viewer, row)
  const plans = []
  let header = true
  for await (const fileRow of readRows(tenantFilePath(scope.tenantId, row.file), layoutOf(row))) {
    if (header) {
      header = false
      continue
    }
    if (isBlank(fileRow.cells)) continue
    plans.push(readRow(settings, fileRow))
    if (plans.length >= PREVIEW_ROWS) break
  }
  await planRows(scope, settings, plans)
  const summary = { create: 0, update: 0, skip: 0, fail: 0 }
  for (const plan of plans) summary[plan.action]++
  return {
    rows: plans.map((p) => ({ row: p.row, action: p.action, values: p.values, errors: p.errors, matchedCustomerId: p.action === 'create' ? null : p.customerId })),
    summary,
  }
}

/** Queues the import's job once its mapping is complete. */
export async function startImport(scope: TenantScope, viewer: CustomerViewer, id: string) {
  const row = await findImportRow(scope, viewer, id, { forUpdate: true })
  if (row.status !== 'uploaded') throw new AppError(409, 'E_CONFLICT', 'This import has already started')
  checkMapping(row.mapping, row.headers.length, await listCustomerFields(scope))
  return queue(scope, viewer, row, 'customers.import', 'queued', 'customer_import.started')
}

/** Queues a failed import again; it continues after the last row it committed. */
export async function resumeImport(scope: TenantScope, viewer: CustomerViewer, id: string) {
  const row = await findImportRow(scope, viewer, id, { forUpdate: true })
  if (row.status !== 'failed') throw new AppError(409, 'E_CONFLICT', 'Only a failed import can be resumed')
  return queue(scope, viewer, row, 'customers.import', 'queued', 'customer_import.resumed')
}

/** Queues the undoing of an import: its customers are deleted, the ones it updated restored. */
export async function rollbackImport(scope: TenantScope, viewer: CustomerViewer, id: string) {
  const row = await findImportRow(scope, viewer, id, { forUpdate: true })
  if (row.status !== 'succeeded' && row.status !== 'failed') throw new AppError(409, 'E_CONFLICT', 'Only a finished import can be rolled back')
  return queue(scope, viewer, row, 'customers.import_rollback', 'rolling_back', 'customer_import.rollback_started')
}

async function queue(scope: TenantScope, viewer: CustomerViewer, row: Record<string, any>, kind: string, status: ImportStatus, event: string) {
  const job = await enqueueJob(scope, kind, { importId: row.id })
  await scope.trx.from('customer_imports').where('tenant_id', scope.tenantId).where('id', row.id).update({ status, job_id: job.id, error: null, finished_at: null })
  await recordEvent(scope, { type: event, entityType: 'customer_import', entityId: row.id, payload: { jobId: job.id } })
  return findImport(scope, viewer, row.id)
}

/** The report's lines, failed and skipped rows in file order, read in pages. */
export async function* reportLines(scope: TenantScope, viewer: CustomerViewer, id: string) {
  const row = await findImportRow(scope, viewer, id)
  if (!['succeeded', 'failed', 'rolled_back'].includes(row.status)) throw new AppError(409, 'E_CONFLICT', 'The report is ready when the import has finished')
  yield ['Row', 'Action', 'Errors', ...row.headers]
  let after = 0
  for (;;) {
    const rows = await scope.trx
      .from('customer_import_rows')
      .where('tenant_id', scope.tenantId)
      .where('import_id', id)
      .whereIn('action', ['failed', 'skipped'])
      .where('row', '>', after)
      .orderBy('row')
      .limit(1000)
    if (!rows.length) return
    for (const r of rows) {
      const errors = (r.errors ?? []) as Array<{ field: string; message: string }>
      const why = r.action === 'skipped' ? `Duplicate of customer ${r.customer_id}` : errors.map((e) => `${e.field}: ${e.message}`).join('; ')
      yield [String(r.row), r.action, why, ...(r.cells ?? [])]
    }
    after = rows[rows.length - 1].row
  }
}

/** The name the report downloads as. */
export function reportName(row: { file_name: string }) {
  return `${row.file_name.replace(/\.[^.]+$/, '')}-report.csv`
}
