import type { KpiRow } from '@cc/analytics'
import { defineJobKind, type JobContext } from '#jobs/job_kinds'
import { type Cell, type ExportFormat, openRowSink } from '#shared/row_sink'
import { permissionsOf } from '#identity/queries/session_query'
import { kpiReader, type KpiQueryInput } from '#datacenter/queries/kpi_query'
import { chunksOf } from '#datacenter/queries/kpi_stream'
import { type ContactRow, type DrillKpi, listContacts } from '#datacenter/queries/contacts_query'
import { KPI_KEYS, type KpiKey } from '#datacenter/validators/datacenter'

/** The job kind of data-center exports. */
export const DATACENTER_EXPORT = 'datacenter.export'

/** What a data-center export writes, as the job keeps it (instants as ISO text). */
export interface DatacenterExportParams extends Record<string, unknown> {
  format: ExportFormat
  kind: 'kpis' | 'contacts'
  from: string
  to: string
  by: NonNullable<KpiQueryInput['by']>
  queueIds: string[]
  agentIds: string[]
  kpis: KpiKey[]
  kpi: DrillKpi | null
  queueId: string | null
  agentId: string | null
  teamId: string | null
  /** Contacts of one dialled number ('' for calls without one); null: any. */
  number: string | null
  channel: string | null
}

/** The job's parameters from a validated request: the grouping defaults to total, the columns to every KPI. */
export function exportParamsOf(input: {
  format: ExportFormat
  kind: 'kpis' | 'contacts'
  from: Date
  to: Date
  by?: KpiQueryInput['by']
  queueIds?: string[]
  agentIds?: string[]
  kpis?: KpiKey[]
  kpi?: DrillKpi
  queueId?: string
  agentId?: string
  teamId?: string
  number?: string
  channel?: string
}): DatacenterExportParams {
  return {
    format: input.format,
    kind: input.kind,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    by: input.by ?? 'total',
    queueIds: input.queueIds ?? [],
    agentIds: input.agentIds ?? [],
    kpis: input.kpis ?? [...KPI_KEYS],
    kpi: input.kpi ?? null,
    queueId: input.queueId ?? null,
    agentId: input.agentId ?? null,
    teamId: input.teamId ?? null,
    number: input.number ?? null,
    channel: input.channel ?? null,
  }
}

/** The name column after the key column of the groupings by id. */
const NAME_HEADERS: Partial<Record<DatacenterExportParams['by'], string>> = { queue: 'Queue', team: 'Team', agent: 'Agent' }

/** What the number column says for calls that dialled none (the file is in English, like its headers). */
export const NO_NUMBER = '(no number)'

/** KPI column headers in English, with the unit of each (percent and seconds; counts have none). */
const KPI_HEADERS: Record<KpiKey, string> = {
  offered: 'Offered',
  answered: 'Answered',
  abandoned: 'Abandoned',
  short_abandoned: 'Short abandoned',
  abandon_rate: 'Abandon rate (%)',
  service_level: 'Service level (%)',
  asa: 'ASA (s)',
  aht: 'AHT (s)',
  avg_talk: 'Average talk (s)',
  avg_hold: 'Average hold (s)',
  avg_wrap: 'Average wrap-up (s)',
  transfers: 'Transfers',
  rona: 'RONA',
  fcr: 'FCR (%)',
  occupancy: 'Occupancy (%)',
  utilization: 'Utilization (%)',
}

/** The header of the key column by grouping. */
const KEY_HEADERS: Record<DatacenterExportParams['by'], string> = {
  total: 'Total',
  queue: 'Queue ID',
  team: 'Team ID',
  agent: 'Agent ID',
  channel: 'Channel',
  number: 'Dialled number',
  interval_15m: 'Interval (15 min)',
  hour: 'Hour',
  day: 'Day',
  weekday_hour: 'Weekday-hour',
}

const PERCENT = new Set<KpiKey>(['abandon_rate', 'service_level', 'fcr', 'occupancy', 'utilization'])
const SECONDS = new Set<KpiKey>(['asa', 'aht', 'avg_talk', 'avg_hold', 'avg_wrap'])

/** A KPI as a cell: ratios as percentages with one decimal, seconds with two, counts as they are; empty when undefined. */
export function kpiCell(key: KpiKey, value: number | null): Cell {
  if (value === null) return null
  if (PERCENT.has(key)) return Math.round(value * 1000) / 10
  if (SECONDS.has(key)) return Math.round(value * 100) / 100
  return value
}

const CONTACT_HEADERS = [
  'Call ID', 'Segment', 'Channel', 'Caller number', 'Queue', 'Agent', 'Started', 'Answered', 'Ended',
  'Wait (s)', 'Talk (s)', 'Hold (s)', 'Wrap-up (s)', 'Offers', 'RONA', 'Outcome', 'End reason', 'Transferred to',
]

const CONTACTS_PAGE = 1000

/**
 * Exports the data center as CSV (UTF-8 with BOM) or XLSX: the KPI table (one row per key with the
 * chosen columns; read a month at a time for the time groupings, progress per piece) or every
 * contact behind one count with the drill-down's filters (the lists and the single ids; a page at
 * a time, progress per page; numbers masked unless the owner holds customers.view_ids when the job
 * runs).
 */
defineJobKind(DATACENTER_EXPORT, {
  permission: 'reports.export',
  async run(job) {
    const params = job.params as DatacenterExportParams
    const file = job.resultPath(params.format)
    const stamp = params.from.slice(0, 10)
    if (params.kind === 'contacts') {
      const rows = await exportContacts(job, params, file)
      return { file, fileName: `contacts-${params.kpi}-${stamp}.${params.format}`, rows, format: params.format, kind: params.kind }
    }
    const rows = await exportKpis(job, params, file)
    return { file, fileName: `kpis-by-${params.by}-${stamp}.${params.format}`, rows, format: params.format, kind: params.kind }
  },
})

async function exportKpis(job: JobContext, params: DatacenterExportParams, file: string): Promise<number> {
  const range = { from: new Date(params.from), to: new Date(params.to) }
  const reader = await job.inScope((scope) => kpiReader(scope, { by: params.by, queueIds: params.queueIds, agentIds: params.agentIds }))
  const chunks = chunksOf(range, params.by, reader.settings.timeZone)
  await job.progress(0, chunks.length)
  const rows: KpiRow[] = []
  for (const [index, chunk] of chunks.entries()) {
    rows.push(...(await reader.rows(chunk)))
    await job.progress(index + 1)
  }
  const { labels } = await job.inScope((scope) => reader.meta(scope, rows))
  const nameHeader = NAME_HEADERS[params.by]
  const sink = await openRowSink(params.format, file, 'KPIs')
  await sink.row([KEY_HEADERS[params.by], ...(nameHeader ? [nameHeader] : []), ...params.kpis.map((k) => KPI_HEADERS[k])])
  for (const row of rows) {
    const key = params.by === 'number' && row.key === '' ? NO_NUMBER : row.key
    await sink.row([key, ...(nameHeader ? [labels[row.key] ?? null] : []), ...params.kpis.map((k) => kpiCell(k, row[k]))])
  }
  await sink.close()
  return rows.length
}

async function exportContacts(job: JobContext, params: DatacenterExportParams, file: string): Promise<number> {
  const filters = {
    from: new Date(params.from),
    to: new Date(params.to),
    kpi: params.kpi!,
    queueIds: params.queueIds,
    agentIds: params.agentIds,
    queueId: params.queueId ?? undefined,
    agentId: params.agentId ?? undefined,
    teamId: params.teamId ?? undefined,
    number: params.number ?? undefined,
    channel: params.channel ?? undefined,
    perPage: CONTACTS_PAGE,
  }
  const reveal = await job.inScope(async (scope) => (await permissionsOf(scope.trx, scope.tenantId, scope.actor.id!)).has('customers.view_ids'))
  const sink = await openRowSink(params.format, file, 'Contacts')
  await sink.row(CONTACT_HEADERS)
  let done = 0
  for (let page = 1; ; page++) {
    const { data, meta } = await job.inScope((scope) => listContacts(scope, { ...filters, page }, reveal))
    if (page === 1) await job.progress(0, meta.total)
    for (const contact of data) await sink.row(contactCells(contact))
    done += data.length
    await job.progress(done)
    if (page >= meta.lastPage || data.length === 0) break
  }
  await sink.close()
  return done
}

function contactCells(c: ContactRow): Cell[] {
  return [
    c.callId, c.segmentNo, c.channel, c.ani, c.queueName ?? c.queueId, c.agentName ?? c.agentId, c.startedAt, c.answeredAt, c.endedAt,
    c.waitSeconds, c.talkSeconds, c.holdSeconds, c.wrapSeconds, c.offers, c.rona, c.outcome, c.endReason, c.transferredTo,
  ]
}
