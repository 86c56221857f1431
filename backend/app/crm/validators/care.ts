import vine from '@vinejs/vine'
import { page, perPage } from '#shared/rules'

const KINDS = ['anniversary', 'periodic', 'post_service'] as const
const TRACKING_TYPES = ['call', 'follow_up', 'visit', 'email', 'note'] as const

const name = () => vine.string().trim().minLength(1).maxLength(120)
const fieldKey = () => vine.string().trim().regex(/^[a-z0-9_]{1,40}$/).nullable().optional()
const days = (min: number, max: number) => vine.number().withoutDecimals().min(min).max(max).nullable().optional()
const titleTemplate = () => vine.string().trim().minLength(1).maxLength(200)
const assignee = () => vine.enum(['owner', 'team'] as const)
const tag = () => vine.string().trim().minLength(1).maxLength(40).nullable().optional()
const customerStatus = () => vine.enum(['active', 'inactive'] as const).nullable().optional()
const outcome = () => vine.string().trim().maxLength(64).nullable().optional()
const note = () => vine.string().trim().maxLength(4000).nullable().optional()

/** The settings of a care rule besides its kind; which are needed depends on the kind (checked by the action). */
const ruleSettings = {
  fieldKey: fieldKey(),
  daysBefore: days(0, 60),
  intervalDays: days(1, 3650),
  trackingType: vine.enum(TRACKING_TYPES).nullable().optional(),
  daysAfter: days(0, 365),
  teamId: vine.string().uuid().nullable().optional(),
  tag: tag(),
  customerStatus: customerStatus(),
  active: vine.boolean().optional(),
}

/** A new care rule. */
export const createCareRuleValidator = vine.create({
  name: name(),
  kind: vine.enum(KINDS),
  titleTemplate: titleTemplate(),
  assignee: assignee(),
  ...ruleSettings,
})

/** Changes to a care rule; its kind stays. */
export const updateCareRuleValidator = vine.create({
  name: name().optional(),
  titleTemplate: titleTemplate().optional(),
  assignee: assignee().optional(),
  ...ruleSettings,
})

/** Filters of the care-task list. */
export const careTaskListValidator = vine.create({
  when: vine.enum(['due', 'overdue', 'upcoming', 'all'] as const).optional(),
  status: vine.enum(['open', 'done', 'skipped'] as const).optional(),
  assigned: vine.enum(['any', 'mine', 'me', 'unclaimed'] as const).optional(),
  customerId: vine.string().uuid().optional(),
  page: page(),
  perPage: perPage(),
})

/** Closing a task as done, optionally logging what was done as a tracking record of the customer. */
export const completeCareTaskValidator = vine.create({
  outcome: outcome(),
  note: note(),
  trackingType: vine.enum(TRACKING_TYPES).nullable().optional(),
})

/** Skipping a task, with an optional reason. */
export const skipCareTaskValidator = vine.create({ note: note() })
