import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { type CustomerViewer, applyDataScope } from '#crm/queries/customer_query'
import { type Reminder, findReminder } from '#announcements/queries/reminder_query'

/** Who owns the reminder and, when they may see customers at all, which customers they see. */
export interface ReminderOwner {
  userId: string
  customers: CustomerViewer | null
}

/** A new reminder. */
export interface CreateReminderInput {
  title: string
  note?: string | null
  dueAt: Date
  customerId?: string | null
}

/** Changes to a reminder. */
export interface UpdateReminderInput {
  title?: string
  note?: string | null
  dueAt?: Date
  customerId?: string | null
  done?: boolean
}

/** A linked customer must be one the owner sees (422 otherwise, so another's customer never shows). */
async function checkCustomer(scope: TenantScope, owner: ReminderOwner, customerId: string) {
  const refuse = new FieldError('customerId', 'exists', 'The customer must be one you can see')
  if (!owner.customers) throw refuse
  const query = scope.trx.from('customers as c').where('c.tenant_id', scope.tenantId).where('c.id', customerId).select('c.id')
  if (!(await applyDataScope(query, scope, owner.customers).first())) throw refuse
}

/** Adds a reminder to the owner's calendar. */
export async function createReminder(scope: TenantScope, owner: ReminderOwner, input: CreateReminderInput): Promise<Reminder> {
  if (input.customerId) await checkCustomer(scope, owner, input.customerId)
  const id = newId()
  await scope.trx.table('reminders').insert({
    tenant_id: scope.tenantId,
    id,
    user_id: owner.userId,
    title: input.title,
    note: input.note ?? null,
    due_at: input.dueAt,
    customer_id: input.customerId ?? null,
  })
  await recordEvent(scope, { type: 'reminder.created', entityType: 'reminder', entityId: id, payload: { userId: owner.userId, dueAt: input.dueAt.toISOString(), customerId: input.customerId ?? null } })
  return findReminder(scope, owner.userId, id)
}

/** Changes one of the owner's reminders (404 for anyone else's); marking it done stamps doneAt. */
export async function updateReminder(scope: TenantScope, owner: ReminderOwner, id: string, input: UpdateReminderInput): Promise<{ before: Reminder; after: Reminder }> {
  const before = await findReminder(scope, owner.userId, id)
  if (input.customerId && input.customerId !== before.customerId) await checkCustomer(scope, owner, input.customerId)
  const columns: Record<string, unknown> = {}
  if (input.title !== undefined) columns.title = input.title
  if (input.note !== undefined) columns.note = input.note
  if (input.dueAt !== undefined) columns.due_at = input.dueAt
  if (input.customerId !== undefined) columns.customer_id = input.customerId
  if (input.done !== undefined && input.done !== before.done) {
    columns.done = input.done
    columns.done_at = input.done ? new Date() : null
  }
  await scope.trx.from('reminders').where('tenant_id', scope.tenantId).where('id', id).update({ ...columns, updated_at: new Date() })
  const changed = Object.keys(input).filter((key) => input[key as keyof UpdateReminderInput] !== undefined)
  await recordEvent(scope, { type: 'reminder.updated', entityType: 'reminder', entityId: id, payload: { userId: owner.userId, changed, done: input.done ?? before.done } })
  return { before, after: await findReminder(scope, owner.userId, id) }
}

/** Deletes one of the owner's reminders (404 for anyone else's). */
export async function deleteReminder(scope: TenantScope, owner: ReminderOwner, id: string): Promise<Reminder> {
  const before = await findReminder(scope, owner.userId, id)
  await scope.trx.from('reminders').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'reminder.deleted', entityType: 'reminder', entityId: id, payload: { userId: owner.userId } })
  return before
}
