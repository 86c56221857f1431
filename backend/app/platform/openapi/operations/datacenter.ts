import { data, json, page, parameter, query, ref, type OperationMap } from '#platform/openapi/spec'

const RANGE = [
  query('from', { type: 'string', format: 'date-time' }, 'Start of the range, an instant (inclusive; required)'),
  query('to', { type: 'string', format: 'date-time' }, 'End of the range (exclusive; required): after from, at most 400 days later (422 `to`)'),
]
const READ = 'Numbers come from the analytics store (facts and 15-minute rollups fed by the event bus), so a call shows up there a moment after it ends. Ids of another organisation match nothing.'

/** The data center over the analytics store (app/datacenter). */
export const datacenterOperations: OperationMap = {
  'datacenter.kpis': {
    tag: 'Data center',
    summary: 'KPIs for a range, grouped',
    description:
      `Offered, answered, abandoned (short ones apart), service level, ASA, AHT, average talk/hold/wrap, transfers, RONA, first-contact resolution, occupancy and utilization, computed with the organisation’s KPI settings in its time zone; \`meta\` carries the settings, the service-level label and every formula with its version. ${READ}`,
    query: [
      ...RANGE,
      query('by', { type: 'string', enum: ['total', 'queue', 'agent', 'channel', 'interval_15m', 'hour', 'day', 'weekday_hour'] }, 'Grouping (default total); weekday_hour is the heat map'),
      query('queueIds', { type: 'string' }, 'Only these queues: uuids separated by commas (or the key repeated)'),
      query('agentIds', { type: 'string' }, 'Only these agents: uuids separated by commas (or the key repeated)'),
    ],
    success: json(200, ref('KpiAnswer'), 'One row per group, ordered by key'),
  },
  'datacenter.contacts': {
    tag: 'Data center',
    summary: 'The calls behind a number',
    description: `The inbound call segments one count of the KPIs is made of (same range: the segment’s 15-minute interval), oldest first. ${READ}`,
    query: [
      ...RANGE,
      query('kpi', { type: 'string', enum: ['offered', 'answered', 'abandoned', 'short_abandoned', 'answered_in_sl', 'transfers', 'rona'] }, 'Which count (required)'),
      query('queueId', { type: 'string', format: 'uuid' }, 'Only this queue'),
      query('agentId', { type: 'string', format: 'uuid' }, 'Only this agent'),
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
}
