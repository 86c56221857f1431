import { data, json, list, noContent, page, parameter, query, ref, type OperationMap } from '#platform/openapi/spec'

const RANGE = [
  query('from', { type: 'string', format: 'date-time' }, 'Start of the range, an instant (inclusive; required)'),
  query('to', { type: 'string', format: 'date-time' }, 'End of the range (exclusive; required): after from, at most 400 days later (422 `to`)'),
]
const KPI_QUERY = [
  ...RANGE,
  query(
    'by',
    { type: 'string', enum: ['total', 'queue', 'team', 'agent', 'channel', 'number', 'interval_15m', 'hour', 'day', 'weekday_hour'] },
    'Grouping (default total); weekday_hour is the heat map. team: a call segment counts in every team of the agent who handled it (today’s memberships; segments no agent took are in no team); ' +
      'number: the number an inbound call dialled (DNIS; a web call: its entry point’s name), `""` for calls without one; agents’ time (occupancy, utilization) is null by number'
  ),
  query('queueIds', { type: 'string' }, 'Only these queues: uuids separated by commas (or the key repeated)'),
  query('agentIds', { type: 'string' }, 'Only these agents: uuids separated by commas (or the key repeated)'),
]
const REPORT_RULES =
  'You see your own reports and the ones shared with the organisation (another user’s unshared report is a 404, like a missing one). ' +
  'Only the owner changes or deletes a report, or, for a shared one, a holder of tenant.settings.manage (403 for other readers; `canEdit` says which). ' +
  'A name is unique per owner (422 `name`, rule `unique`); the definition is checked in full: a range preset or from before to at most 400 days later ' +
  '(422 `definition.range.to`), a grouping, queue and agent ids of the organisation (422 `definition.queueIds.N` / `definition.agentIds.N`) and at least one KPI column.'
const READ = 'Numbers come from the analytics store (facts and 15-minute rollups fed by the event bus), so a call shows up there a moment after it ends. Ids of another organisation match nothing.'

/** The data center over the analytics store (app/datacenter). */
export const datacenterOperations: OperationMap = {
  'datacenter.kpis': {
    tag: 'Data center',
    summary: 'KPIs for a range, grouped',
    description:
      `Offered, answered, abandoned (short ones apart), service level, ASA, AHT, average talk/hold/wrap, transfers, RONA, first-contact resolution, occupancy and utilization, computed with the organisation’s KPI settings in its time zone; \`meta\` carries the settings, the service-level label and every formula with its version. ${READ}`,
    query: KPI_QUERY,
    success: json(200, ref('KpiAnswer'), 'One row per group, ordered by key; `meta.labels` names the queues, teams or agents of the keys'),
  },
  'datacenter.kpis_stream': {
    tag: 'Data center',
    summary: 'KPIs for a range, a piece at a time (NDJSON)',
    description:
      'The same numbers as `GET /datacenter/kpis`, as `application/x-ndjson`: one JSON object per line, each sent as soon as it is read. ' +
      'First `{"type":"meta","meta":…,"chunks":N}` (meta as in /kpis), then N times `{"type":"rows","rows":[KpiRow…],"done":k,"total":N}` and finally `{"type":"end"}` ' +
      '(the lines follow the `KpiStreamLine` schema). Grouped by day, hour or 15-minute interval the range comes a calendar month (in the organisation’s time zone) at a time, ' +
      'in time order, and the pieces’ rows together are exactly the rows of /kpis; any other grouping comes as one piece. Bad input answers a normal 422 before the stream starts; ' +
      `a failure while streaming ends it with \`{"type":"error","error":{"code","message","field?"}}\`. ${READ}`,
    query: KPI_QUERY,
    success: { status: 200, media: 'application/x-ndjson', description: 'KpiStreamLine objects, one per line' },
  },
  'datacenter.contacts': {
    tag: 'Data center',
    summary: 'The calls behind a number',
    description:
      'The inbound call segments one count of the KPIs is made of (same range: the segment’s 15-minute interval), oldest first. ' +
      'With the same from, to, queueIds and agentIds as `GET /datacenter/kpis`, `meta.total` is that count (answered_in_sl: the answers within the service level). ' +
      '`queueId`/`agentId`/`teamId`/`number` narrow to one queue, agent, team or dialled number (a league-table row; a team: the segments one of its members handled); ' +
      'every filter combines with AND, so a single id outside its list matches nothing, nor does another organisation’s team. ' +
      READ,
    query: [
      ...RANGE,
      query('kpi', { type: 'string', enum: ['offered', 'answered', 'abandoned', 'short_abandoned', 'answered_in_sl', 'transfers', 'rona'] }, 'Which count (required)'),
      query('queueIds', { type: 'string' }, 'Only these queues, as on /kpis: at most 100 uuids separated by commas (or the key repeated)'),
      query('agentIds', { type: 'string' }, 'Only these agents, as on /kpis: at most 100 uuids separated by commas (or the key repeated)'),
      query('queueId', { type: 'string', format: 'uuid' }, 'Only this queue (ANDed with queueIds)'),
      query('agentId', { type: 'string', format: 'uuid' }, 'Only this agent (ANDed with agentIds)'),
      query('teamId', { type: 'string', format: 'uuid' }, 'Only segments handled by a member of this team (as by=team counts them)'),
      query('number', { type: 'string', maxLength: 120 }, 'Only inbound calls that dialled this number (a key of by=number); present but empty (`number=`): calls without a number'),
      query('channel', { type: 'string' }, 'Only this channel (voice, web, …)'),
      parameter('Page'),
      parameter('PerPage'),
    ],
    success: json(200, page('KpiContact'), 'One page of call segments'),
  },
  'datacenter.settings_show': {
    tag: 'Data center',
    summary: 'The organisation’s KPI settings',
    success: json(200, data('KpiSettings'), 'The settings (defaults until saved)'),
  },
  'datacenter.settings_update': {
    tag: 'Data center',
    summary: 'Change the KPI settings',
    description: 'Fields left out keep their value; the time zone is the organisation’s own (PATCH /tenant). Applies to past numbers too. Publishes `datacenter.settings_changed`.',
    body: 'KpiSettingsRequest',
    success: json(200, data('KpiSettings'), 'The settings'),
  },
  'datacenter.reports_index': {
    tag: 'Data center',
    summary: 'Saved reports',
    description: `Your own report definitions and the ones shared with the organisation, newest first (at most 500). ${REPORT_RULES}`,
    success: json(200, list('SavedReport'), 'Saved reports'),
  },
  'datacenter.reports_store': {
    tag: 'Data center',
    summary: 'Save a report definition',
    description: `Saves a named report (range, grouping, filters, KPI columns), private or shared. Publishes \`datacenter.report_created\`. ${REPORT_RULES}`,
    body: 'SavedReportRequest',
    success: json(201, data('SavedReport'), 'The saved report'),
  },
  'datacenter.reports_show': {
    tag: 'Data center',
    summary: 'One saved report',
    description: REPORT_RULES,
    success: json(200, data('SavedReport'), 'The report'),
  },
  'datacenter.reports_update': {
    tag: 'Data center',
    summary: 'Change a saved report',
    description: `Fields left out keep their value; a definition given replaces the whole definition. Publishes \`datacenter.report_updated\`. ${REPORT_RULES}`,
    body: 'SavedReportUpdate',
    success: json(200, data('SavedReport'), 'The changed report'),
    errors: [403],
  },
  'datacenter.reports_destroy': {
    tag: 'Data center',
    summary: 'Delete a saved report',
    description: `Publishes \`datacenter.report_deleted\`. ${REPORT_RULES}`,
    success: noContent('Deleted'),
    errors: [403],
  },
  'datacenter.export': {
    tag: 'Data center',
    summary: 'Start an export of KPIs or of the contacts behind a count (CSV or XLSX)',
    description:
      'Queues a background job. `kind: kpis` writes one row per key of the grouping (queue, team and agent groupings add the name; by number, calls without one are “(no number)”) with the chosen KPI columns (default: all), ' +
      'headers in English with units, ratios as percentages with one decimal, seconds as numbers; `kind: contacts` writes every call segment behind the count `kpi` (required: 422 `kpi`) ' +
      'with the same filters as `GET /datacenter/contacts` (queueIds, agentIds, queueId, agentId, teamId, number, channel) (numbers masked without customers.view_ids when the job runs). CSV is UTF-8 with a byte-order mark; text a spreadsheet would read as a formula gets a leading apostrophe. ' +
      'The range is checked now (422 `to`). Progress counts months read (kpis) or contacts written (contacts). Follow it with `GET /api/v1/jobs/{id}` and fetch the file from `GET /api/v1/jobs/{id}/download`.',
    body: 'DatacenterExportRequest',
    success: json(202, data('Job'), 'The queued job'),
  },
}
