import vine from '@vinejs/vine'
import { DRILL_KPIS, KPI_DIMENSIONS, KPI_KEYS, MAX_NUMBER_LENGTH } from '#datacenter/validators/datacenter'

/**
 * An export of the data center as a job: the KPI table (one row per key, chosen columns) or the
 * contacts behind one count, over a range of instants [from, to). Both kinds take the view's
 * `queueIds`/`agentIds`; contacts may also narrow to one `queueId`/`agentId`/`teamId`/`number`
 * (ANDed with the lists, as in the drill-down).
 */
export const exportValidator = vine.create({
  format: vine.enum(['csv', 'xlsx'] as const),
  kind: vine.enum(['kpis', 'contacts'] as const),
  from: vine.date({ formats: ['iso8601'] }),
  to: vine.date({ formats: ['iso8601'] }),
  by: vine.enum(KPI_DIMENSIONS).optional(),
  queueIds: vine.array(vine.string().uuid()).maxLength(100).optional(),
  agentIds: vine.array(vine.string().uuid()).maxLength(100).optional(),
  kpis: vine.array(vine.enum(KPI_KEYS)).minLength(1).maxLength(KPI_KEYS.length).distinct().optional(),
  kpi: vine.enum(DRILL_KPIS).optional(),
  queueId: vine.string().uuid().optional(),
  agentId: vine.string().uuid().optional(),
  teamId: vine.string().uuid().optional(),
  number: vine.string().maxLength(MAX_NUMBER_LENGTH).optional(),
  channel: vine.string().trim().minLength(1).maxLength(40).optional(),
})
