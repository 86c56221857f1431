import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const seconds = { type: 'integer', minimum: 5, maximum: 295, multipleOf: 5 }
const abandons = { type: 'string', enum: ['all', 'exclude_short', 'none'], description: 'Which abandoned calls count in the service level’s denominator: all, all but short ones, or none' }
const count = { type: 'integer', minimum: 0 }
const ratio = nullable({ type: 'number', minimum: 0, maximum: 1, description: 'A fraction (0.4 = 40 %); null when its denominator is 0' })
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
    key: { type: 'string', description: 'The group: `total`, a queue or agent id, a channel, `YYYY-MM-DD HH:mm` (15 min), `YYYY-MM-DD HH:00` (hour), `YYYY-MM-DD` (day) or `D-HH` (ISO weekday 1–7 and hour, the heat map)' },
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
  KpiAnswer: object({
    data: { type: 'array', items: ref('KpiRow') },
    meta: object({
      settings: ref('KpiSettings'),
      serviceLevelLabel: { type: 'string', description: 'What every service-level tile says, e.g. “SL 20 s · short abandons (< 5 s) excluded”' },
      definitions: { type: 'array', items: ref('KpiDefinition') },
    }),
  }),
  KpiContact: object({
    callId: id,
    segmentNo: { type: 'integer', minimum: 1, description: 'A transfer or overflow starts the call’s next segment' },
    channel: { type: 'string' },
    ani: nullable({ type: 'string', description: 'The caller’s number; masked (first 3 and last 4 characters) without customers.view_ids' }),
    queueId: nullable(id),
    queueName: nullable({ type: 'string' }),
    agentId: nullable(id),
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
