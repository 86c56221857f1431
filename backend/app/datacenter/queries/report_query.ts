import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { iso } from '#shared/time'
import type { KpiKey, KPI_DIMENSIONS } from '#datacenter/validators/datacenter'
import type { RANGE_PRESETS } from '#datacenter/validators/reports'

/** A saved report's range: a preset resolved in the organisation's time zone, or two instants. */
export type ReportRange = { preset: (typeof RANGE_PRESETS)[number] } | { from: string; to: string }

/** What a saved report shows. */
export interface ReportDefinition {
  range: ReportRange
  by: (typeof KPI_DIMENSIONS)[number]
  queueIds: string[]
  agentIds: string[]
  kpis: KpiKey[]
}

/** A saved report as the API shows it; `canEdit` says whether the reader may change or delete it. */
export interface SavedReport {
  id: string
  name: string
  description: string | null
  shared: boolean
  definition: ReportDefinition
  ownerId: string
  ownerName: string | null
  createdAt: string
  updatedAt: string
  canEdit: boolean
}

/** Who reads: their id, and whether they may change the organisation's shared reports (tenant.settings.manage). */
export interface ReportReader {
  userId: string
  manageShared: boolean
}

/** Whether the reader may change or delete a report: their own, or a shared one with tenant.settings.manage. */
export function mayEdit(reader: ReportReader, report: { owner_id: string; shared: boolean }) {
  return report.owner_id === reader.userId || (report.shared && reader.manageShared)
}

function visibleTo(scope: TenantScope, reader: ReportReader) {
  return scope.trx
    .from('saved_reports as r')
    .leftJoin('users as u', (join) => join.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.owner_id'))
    .where('r.tenant_id', scope.tenantId)
    .where((q) => q.where('r.owner_id', reader.userId).orWhere('r.shared', true))
    .select('r.*', 'u.display_name as owner_name')
}

function toSavedReport(row: Record<string, any>, reader: ReportReader): SavedReport {
  const definition = row.definition as ReportDefinition
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? null,
    shared: row.shared,
    definition: { range: definition.range, by: definition.by, queueIds: definition.queueIds ?? [], agentIds: definition.agentIds ?? [], kpis: definition.kpis },
    ownerId: row.owner_id,
    ownerName: row.owner_name ?? null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    canEdit: mayEdit(reader, row as { owner_id: string; shared: boolean }),
  }
}

/** The reader's own reports and the organisation's shared ones, newest first. */
export async function listReports(scope: TenantScope, reader: ReportReader): Promise<SavedReport[]> {
  const rows = await visibleTo(scope, reader).orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc').limit(500)
  return rows.map((row) => toSavedReport(row, reader))
}

/** One report the reader sees; another organisation's, another user's unshared one and a missing one are all 404. */
export async function findReport(scope: TenantScope, reader: ReportReader, id: string): Promise<SavedReport> {
  const row = await visibleTo(scope, reader).where('r.id', id).first()
  if (!row) throw notFound('Report')
  return toSavedReport(row, reader)
}
