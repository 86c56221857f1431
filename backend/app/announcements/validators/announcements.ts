import vine from '@vinejs/vine'
import { page, perPage } from '#shared/rules'

/** A new announcement; teamIds are needed (and only allowed) when the audience is teams (checked by the action). */
export const createAnnouncementValidator = vine.create({
  title: vine.string().trim().minLength(1).maxLength(200),
  body: vine.string().trim().minLength(1).maxLength(10000),
  priority: vine.enum(['normal', 'urgent'] as const).optional(),
  audience: vine.enum(['organisation', 'teams'] as const),
  teamIds: vine.array(vine.string().uuid()).maxLength(100).distinct().optional(),
  expiresAt: vine.date({ formats: ['iso8601'] }).nullable().optional(),
})

/** The page of the organisation's announcements. */
export const announcementListValidator = vine.create({ page: page(), perPage: perPage() })
