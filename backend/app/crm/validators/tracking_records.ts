import vine from '@vinejs/vine'
import { page, perPage } from '#shared/rules'

const TRACKING_TYPES = ['call', 'follow_up', 'visit', 'email', 'note'] as const

const outcome = () => vine.string().trim().maxLength(64).nullable()
const content = () => vine.string().trim().minLength(1).maxLength(4000)
const nextFollowUpAt = () => vine.date({ formats: ['iso8601'] }).nullable()

/** A new tracking record of a customer. */
export const createTrackingRecordValidator = vine.create({
  type: vine.enum(TRACKING_TYPES),
  outcome: outcome().optional(),
  content: content(),
  callId: vine.string().uuid().nullable().optional(),
  nextFollowUpAt: nextFollowUpAt().optional(),
  ownerId: vine.string().uuid().optional(),
})

/** Changes to a tracking record. */
export const updateTrackingRecordValidator = vine.create({
  outcome: outcome().optional(),
  content: content().optional(),
  nextFollowUpAt: nextFollowUpAt().optional(),
  done: vine.boolean().optional(),
})

/** The page of a customer's timeline. */
export const trackingListValidator = vine.create({ page: page(), perPage: perPage() })

/** Whose due follow-ups to list (default: the caller's). */
export const dueFollowUpsValidator = vine.create({ ownerId: vine.string().uuid().optional() })
