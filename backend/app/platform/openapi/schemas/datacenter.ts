import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const seconds = { type: 'integer', minimum: 5, maximum: 295, multipleOf: 5 }
const abandons = { type: 'string', enum: ['all', 'exclude_short', 'none'], description: 'Which abandoned calls count in the service level’s denominator: all, all but short ones, or none' }
const count = { type: 'integer', minimum: 0 }
const ratio = nullable({ type: 'number', minimum: 0, maximum: 1, description: 'A fraction (0.4 = 40 %); null when its denominator is 0' })
const DIMENSIONS = ['total', 'queue', 'team', 'agent', 'channel', 'number', 'interval_15m', 'hour', 'day', 'weekday_hour']
const KPI_KEYS = ['offered', 'answered', 'abandoned', 'short_abandoned', 'abandon_rate', 'service_level', 'asa', 'aht', 'avg_talk', 'avg_hold', 'avg_wrap', 'transfers', 'rona', 'fcr', 'occupancy', 'utilization']
const PRESETS = ['today', 'yesterday', 'last_7_days', 'last_30_days', 'this_month', 'last_month']
const ids = (what: string) => ({ type: 'array', items: id, maxItems: 100, uniqueItems: true, description: `Only these ${what} (none: all); ids of the organisation` })
const kpiColumns = { type: 'array', items: { type: 'string', enum: KPI_KEYS }, minItems: 1, maxItems: KPI_KEYS.length, uniqueItems: true, description: 'The KPI columns, in order' }
const reportName = { type: 'string', minLength: 1, maxLength: 120, description: 'Unique per owner (422 `name`, rule `unique`)' }
const reportDescription = nullable({ type: 'string', maxLength: 500 })
const average = nullable({ type: 'number', minimum: 0, description: 'Seconds; null when nothing was answered' })

/** The data center (app/datacenter). */
export const datacenterSchemas: SchemaMap = {
  KpiSettings: object({
    serviceLevelSeconds: { ...seconds, description: 'T of the service level: answered in less than T seconds' },
    shortAbandonSeconds: { ...seconds, description: 'Abandons after less than this many seconds are short' },
    serviceLevelAbandons: abandons,
    fcrDays: { type: 'integer', minimum: 1, maximum: 90, description: 'A call is resolved at first contact when its number does not call again within this many days' },
    timeZone: { type: 'string', description: 'The organisation’s IANA time zone: intervals, hours and days are read in it' },
  }),
  KpiSettingsRequest: input({
    serviceLevelSeconds: { type: 'integer', minimum: 5, maximum: 295, description: 'A multiple of 5 (422 `serviceLevelSeconds`)' },
    shortAbandonSeconds: { type: 'integer', minimum: 5, maximum: 295, description: 'A multiple of 5 (422 `shortAbandonSeconds`)' },
    serviceLevelAbandons: abandons,
    fcrDays: { type: 'integer', minimum: 1, maximum: 90 },
  }),
  KpiRow: object({
    key: { type: 'string', description: 'The group: `total`, a queue, team or agent id, a channel, a dialled number (`""`: none), `YYYY-MM-DD HH:mm` (15 min), `YYYY-MM-DD HH:00` (hour), `YYYY-MM-DD` (day) or `D-HH` (ISO weekday 1–7 and hour, the heat map)' },
    offered: count,
    answered: count,
    abandoned: count,
    short_abandoned: count,
    abandon_rate: ratio,
    service_level: ratio,
    asa: average,
    aht: average,
    avg_talk: average,
    avg_hold: average,
    avg_wrap: average,
    transfers: count,
    rona: count,
    fcr: ratio,
    occupancy: ratio,
    utilization: ratio,
  }),
  KpiDefinition: object({
    key: { type: 'string' },
    version: { type: 'integer', minimum: 1, description: 'Bumped whenever the formula changes' },
    unit: { type: 'string', enum: ['count', 'percent', 'seconds'] },
    formula: { type: 'string' },
  }),
  KpiMeta: object({
    settings: ref('KpiSettings'),
    serviceLevelLabel: { type: 'string', description: 'What every service-level tile says, e.g. “SL 20 s · short abandons (< 5 s) excluded”' },
    definitions: { type: 'array', items: ref('KpiDefinition') },
    labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Grouped by queue, team or agent: the name of each id among the keys; empty otherwise (by number the key `""` means calls without a number)' },
  }),
  KpiAnswer: object({
    data: { type: 'array', items: ref('KpiRow') },
    meta: ref('KpiMeta'),
  }),
  KpiStreamLine: {
    description: 'One line of `GET /datacenter/kpis/stream`',
    oneOf: [
      object({ type: { const: 'meta' }, meta: ref('KpiMeta'), chunks: { type: 'integer', minimum: 1, description: 'How many rows lines follow' } }),
      object({ type: { const: 'rows' }, rows: { type: 'array', items: ref('KpiRow') }, done: { type: 'integer', minimum: 1 }, total: { type: 'integer', minimum: 1 } }),
      object({ type: { const: 'end' } }),
      object({ type: { const: 'error' }, error: object({ code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }, ['field']) }),
    ],
  },
  ReportRange: {
    description: 'A preset (resolved in the organisation’s time zone when the report is run) or two instants',
    oneOf: [
      object({ preset: { type: 'string', enum: PRESETS } }),
      object({ from: when, to: { ...when, description: 'After from, at most 400 days later' } }),
    ],
  },
  ReportDefinition: object({
    range: ref('ReportRange'),
    by: { type: 'string', enum: DIMENSIONS },
    queueIds: ids('queues'),
    agentIds: ids('agents'),
    kpis: kpiColumns,
  }),
  ReportDefinitionInput: input({
    range: ref('ReportRange'),
    by: { type: 'string', enum: DIMENSIONS },
    queueIds: ids('queues'),
    agentIds: ids('agents'),
    kpis: kpiColumns,
  }, ['range', 'by', 'kpis']),
  SavedReport: object({
    id,
    name: { type: 'string' },
    description: nullable({ type: 'string' }),
    shared: { type: 'boolean', description: 'Shared reports are seen by every reader of the organisation' },
    definition: ref('ReportDefinition'),
    ownerId: id,
    ownerName: nullable({ type: 'string' }),
    createdAt: when,
    updatedAt: when,
    canEdit: { type: 'boolean', description: 'Whether you may change or delete it' },
  }),
  SavedReportRequest: input({ name: reportName, description: reportDescription, shared: { type: 'boolean' }, definition: ref('ReportDefinitionInput') }, ['name', 'shared', 'definition']),
  SavedReportUpdate: input({ name: reportName, description: reportDescription, shared: { type: 'boolean' }, definition: ref('ReportDefinitionInput') }),
  DatacenterExportRequest: input({
    format: { type: 'string', enum: ['csv', 'xlsx'] },
    kind: { type: 'string', enum: ['kpis', 'contacts'], description: 'The KPI table, or the contacts behind one count' },
    from: when,
    to: { ...when, description: 'After from, at most 400 days later (422 `to`)' },
    by: { type: 'string', enum: DIMENSIONS, description: 'kpis: the grouping (default total)' },
    queueIds: { type: 'array', items: id, maxItems: 100, description: 'Only these queues (the view’s filter; both kinds)' },
    agentIds: { type: 'array', items: id, maxItems: 100, description: 'Only these agents (the view’s filter; both kinds)' },
    kpis: { ...kpiColumns, description: 'kpis: the columns, in order (default all)' },
    kpi: { type: 'string', enum: ['offered', 'answered', 'abandoned', 'short_abandoned', 'answered_in_sl', 'transfers', 'rona'], description: 'contacts: which count (required for contacts)' },
    queueId: { ...id, description: 'contacts: only this queue, ANDed with queueIds (an id outside the list matches nothing)' },
    agentId: { ...id, description: 'contacts: only this agent, ANDed with agentIds (an id outside the list matches nothing)' },
    teamId: { ...id, description: 'contacts: only segments handled by a member of this team' },
    number: { type: 'string', maxLength: 120, description: 'contacts: only inbound calls that dialled this number; `""`: calls without a number' },
    channel: { type: 'string', minLength: 1, maxLength: 40, description: 'contacts: only this channel' },
  }, ['format', 'kind', 'from', 'to']),
  KpiContact: object({
    callId: id,
    segmentNo: { type: 'integer', minimum: 1, description: 'A transfer or overflow starts the call’s next segment' },
    channel: { type: 'string' },
    ani: nullable({ type: 'string', description: 'The caller’s number; masked (first 3 and last 4 characters) without customers.view_ids' }),
    queueId: nullable(id),
    queueName: nullable({ type: 'string' }),
    agentId: nullable({ ...id, description: 'The segment’s agent; behind the RONA count (a row per RONA), the agent who let the offer ring out' }),
    agentName: nullable({ type: 'string' }),
    startedAt: when,
    answeredAt: nullable(when),
    endedAt: when,
    waitSeconds: { type: 'number', minimum: 0 },
    talkSeconds: { type: 'number', minimum: 0 },
    holdSeconds: { type: 'number', minimum: 0 },
    wrapSeconds: { type: 'number', minimum: 0 },
    offers: count,
    rona: count,
    outcome: { type: 'string', description: 'answered, abandoned, transferred, overflowed, …' },
    endReason: { type: 'string' },
    transferredTo: nullable({ type: 'string' }),
  }),
}
