import type { HttpContext } from '@adonisjs/core/http'
import { type ReminderOwner, createReminder, deleteReminder, updateReminder } from '#announcements/actions/reminders'
import { type Reminder, listDueReminders, listReminders } from '#announcements/queries/reminder_query'
import { createReminderValidator, reminderRangeValidator, updateReminderValidator } from '#announcements/validators/reminders'
import { viewerOf } from '#crm/queries/customer_query'

/** The operation-log summary of a reminder: its note is left out. */
function auditOf(reminder: Reminder) {
  return { title: reminder.title, dueAt: reminder.dueAt, customerId: reminder.customerId, done: reminder.done }
}

function ownerOf(ctx: HttpContext): ReminderOwner {
  return { userId: ctx.user.id, customers: ctx.user.permissions.has('customers.view') ? viewerOf(ctx.user) : null }
}

/** The signed-in user's own reminders: the calendar's entries and the ones due today. */
export default class RemindersController {
  async index(ctx: HttpContext) {
    const range = await ctx.request.validateUsing(reminderRangeValidator, { data: ctx.request.qs() })
    return { data: await listReminders(ctx.scope, ctx.user.id, range) }
  }

  async due(ctx: HttpContext) {
    return { data: await listDueReminders(ctx.scope, ctx.user.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createReminderValidator)
    const created = await createReminder(ctx.scope, ownerOf(ctx), input)
    ctx.audit = { targetType: 'reminder', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateReminderValidator)
    const { before, after } = await updateReminder(ctx.scope, ownerOf(ctx), ctx.params.id, input)
    ctx.audit = { targetType: 'reminder', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteReminder(ctx.scope, ownerOf(ctx), ctx.params.id)
    ctx.audit = { targetType: 'reminder', targetId: before.id, before: auditOf(before) }
    return ctx.response.noContent()
  }
}
