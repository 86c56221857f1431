import vine from '@vinejs/vine'
import { KPI_DIMENSIONS, KPI_KEYS } from '#datacenter/validators/datacenter'

/** Ranges a saved report can name instead of fixed instants; resolved in the organisation's time zone. */
export const RANGE_PRESETS = ['today', 'yesterday', 'last_7_days', 'last_30_days', 'this_month', 'last_month'] as const

const instant = () => vine.date({ formats: ['iso8601'] })
const ids = () => vine.array(vine.string().uuid()).maxLength(100).distinct().optional()

/** What a saved report shows: a range (a preset or two instants), a grouping, filters and the KPI columns. */
const definition = () =>
  vine.object({
    range: vine.union([
      vine.union.if((value) => vine.helpers.isObject(value) && 'preset' in value, vine.object({ preset: vine.enum(RANGE_PRESETS) })),
      vine.union.else(vine.object({ from: instant(), to: instant() })),
    ]),
    by: vine.enum(KPI_DIMENSIONS),
    queueIds: ids(),
    agentIds: ids(),
    kpis: vine.array(vine.enum(KPI_KEYS)).minLength(1).maxLength(KPI_KEYS.length).distinct(),
  })

/** A new saved report. */
export const createReportValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  description: vine.string().trim().maxLength(500).nullable().optional(),
  shared: vine.boolean(),
  definition: definition(),
})

/** Changes to a saved report; fields left out keep their value. */
export const updateReportValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120).optional(),
  description: vine.string().trim().maxLength(500).nullable().optional(),
  shared: vine.boolean().optional(),
  definition: definition().optional(),
})
