import { newId } from '#shared/ids'
import { AppError, FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { checkRange } from '#datacenter/queries/kpi_query'
import { type ReportDefinition, type ReportReader, type ReportRange, type SavedReport, findReport, mayEdit } from '#datacenter/queries/report_query'
import type { KpiKey, KPI_DIMENSIONS } from '#datacenter/validators/datacenter'
import type { RANGE_PRESETS } from '#datacenter/validators/reports'

/** A report definition as the validator hands it over (instants as dates, filters optional). */
export interface ReportDefinitionInput {
  range: { preset: (typeof RANGE_PRESETS)[number] } | { from: Date; to: Date }
  by: (typeof KPI_DIMENSIONS)[number]
  queueIds?: string[]
  agentIds?: string[]
  kpis: KpiKey[]
}

/** A new saved report. */
export interface CreateReportInput {
  name: string
  description?: string | null
  shared: boolean
  definition: ReportDefinitionInput
}

/** Changes to a saved report; fields left out keep their value. */
export type UpdateReportInput = Partial<CreateReportInput>

/**
 * The stored definition: instants as ISO text after the range check (from before to, at most
 * MAX_RANGE_DAYS), and filters naming only the organisation's own queues and users (422 on the
 * first unknown one, so another organisation's ids are never kept).
 */
async function definitionOf(scope: TenantScope, input: ReportDefinitionInput): Promise<ReportDefinition> {
  let range: ReportRange
  if ('preset' in input.range) range = { preset: input.range.preset }
  else {
    try {
      checkRange(input.range)
    } catch (error) {
      if (error instanceof FieldError) throw new FieldError(`definition.range.${error.field}`, error.rule, error.message)
      throw error
    }
    range = { from: input.range.from.toISOString(), to: input.range.to.toISOString() }
  }
  const queueIds = input.queueIds ?? []
  const agentIds = input.agentIds ?? []
  await checkKnown(scope, 'queues', 'definition.queueIds', queueIds)
  await checkKnown(scope, 'users', 'definition.agentIds', agentIds)
  return { range, by: input.by, queueIds, agentIds, kpis: input.kpis }
}

async function checkKnown(scope: TenantScope, table: 'queues' | 'users', field: string, ids: string[]) {
  if (!ids.length) return
  const found = new Set((await scope.trx.from(table).where('tenant_id', scope.tenantId).whereIn('id', ids).select('id')).map((r) => r.id as string))
  const index = ids.findIndex((id) => !found.has(id))
  if (index >= 0) throw new FieldError(`${field}.${index}`, 'exists', `No ${table === 'queues' ? 'queue' : 'user'} with this id`)
}

async function checkName(scope: TenantScope, ownerId: string, name: string, exceptId?: string) {
  const query = scope.trx.from('saved_reports').where('tenant_id', scope.tenantId).where('owner_id', ownerId).whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw new FieldError('name', 'unique', 'You already have a report with this name')
}

/** Saves a report definition owned by the reader; publishes `datacenter.report_created`. */
export async function createReport(scope: TenantScope, reader: ReportReader, input: CreateReportInput): Promise<SavedReport> {
  const definition = await definitionOf(scope, input.definition)
  await checkName(scope, reader.userId, input.name)
  const id = newId()
  await scope.trx.table('saved_reports').insert({
    tenant_id: scope.tenantId,
    id,
    owner_id: reader.userId,
    name: input.name,
    description: input.description || null,
    shared: input.shared,
    definition: JSON.stringify(definition),
  })
  await recordEvent(scope, { type: 'datacenter.report_created', entityType: 'saved_report', entityId: id, payload: { ownerId: reader.userId, name: input.name, shared: input.shared, by: definition.by } })
  return findReport(scope, reader, id)
}

/** The report, locked, when the reader may change it: 404 when they do not see it, 403 when they see but may not change it. */
async function editable(scope: TenantScope, reader: ReportReader, id: string) {
  const before = await findReport(scope, reader, id)
  const row = await scope.trx.from('saved_reports').where('tenant_id', scope.tenantId).where('id', id).forUpdate().firstOrFail()
  if (!mayEdit(reader, row)) throw new AppError(403, 'E_FORBIDDEN', 'Only its owner, or someone who manages the organisation’s settings, may change a shared report')
  return { before, ownerId: row.owner_id as string }
}

/** Changes a report (its owner's, or a shared one by a holder of tenant.settings.manage); publishes `datacenter.report_updated`. */
export async function updateReport(scope: TenantScope, reader: ReportReader, id: string, input: UpdateReportInput): Promise<{ before: SavedReport; after: SavedReport }> {
  const { before, ownerId } = await editable(scope, reader, id)
  const columns: Record<string, unknown> = {}
  if (input.definition !== undefined) columns.definition = JSON.stringify(await definitionOf(scope, input.definition))
  if (input.name !== undefined) {
    await checkName(scope, ownerId, input.name, id)
    columns.name = input.name
  }
  if (input.description !== undefined) columns.description = input.description || null
  if (input.shared !== undefined) columns.shared = input.shared
  await scope.trx.from('saved_reports').where('tenant_id', scope.tenantId).where('id', id).update({ ...columns, updated_at: new Date() })
  const changed = Object.keys(columns)
  await recordEvent(scope, { type: 'datacenter.report_updated', entityType: 'saved_report', entityId: id, payload: { ownerId, changed, shared: input.shared ?? before.shared } })
  return { before, after: await findReport(scope, reader, id) }
}

/** Deletes a report under the same rule as changing it; publishes `datacenter.report_deleted`. */
export async function deleteReport(scope: TenantScope, reader: ReportReader, id: string): Promise<SavedReport> {
  const { before, ownerId } = await editable(scope, reader, id)
  await scope.trx.from('saved_reports').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'datacenter.report_deleted', entityType: 'saved_report', entityId: id, payload: { ownerId, name: before.name } })
  return before
}
