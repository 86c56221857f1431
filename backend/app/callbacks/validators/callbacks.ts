import vine from '@vinejs/vine'

const dueAt = () => vine.date({ formats: ['iso8601'] })
const mode = () => vine.enum(['personal', 'queue'] as const)
const note = () => vine.string().trim().maxLength(2000).nullable().optional()

/** A new callback: the number and time are checked further by the action (E.164, future, ≤ 90 days). */
export const scheduleCallbackValidator = vine.create({
  number: vine.string().trim().minLength(1).maxLength(40),
  customerId: vine.string().uuid().nullable().optional(),
  dueAt: dueAt(),
  queueId: vine.string().uuid(),
  mode: mode().optional(),
  note: note(),
  agentId: vine.string().uuid().optional(),
  simulated: vine.boolean().optional(),
})

/** A new time (and optionally mode, queue or note) for a callback that is still scheduled. */
export const rescheduleCallbackValidator = vine.create({
  dueAt: dueAt().optional(),
  mode: mode().optional(),
  queueId: vine.string().uuid().optional(),
  note: note(),
})

/** The callback list: whose, which status (`open` = scheduled or queued), due in [from, to). */
export const callbackListValidator = vine.create({
  scope: vine.enum(['mine', 'team', 'all'] as const).optional(),
  status: vine.enum(['open', 'scheduled', 'queued', 'completed', 'cancelled', 'failed'] as const).optional(),
  agentId: vine.string().uuid().optional(),
  from: vine.date({ formats: ['iso8601', 'YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['iso8601', 'YYYY-MM-DD'] }).optional(),
})
