import vine from '@vinejs/vine'

const title = () => vine.string().trim().minLength(1).maxLength(200)
const note = () => vine.string().trim().maxLength(2000).nullable().optional()
const dueAt = () => vine.date({ formats: ['iso8601'] })
const customerId = () => vine.string().uuid().nullable().optional()

/** A new reminder of the signed-in user. */
export const createReminderValidator = vine.create({ title: title(), note: note(), dueAt: dueAt(), customerId: customerId() })

/** Changes to one of the user's reminders. */
export const updateReminderValidator = vine.create({ title: title().optional(), note: note(), dueAt: dueAt().optional(), customerId: customerId(), done: vine.boolean().optional() })

/** The time range of the reminder list: due at or after `from`, before `to`. */
export const reminderRangeValidator = vine.create({
  from: vine.date({ formats: ['iso8601', 'YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['iso8601', 'YYYY-MM-DD'] }).optional(),
})
