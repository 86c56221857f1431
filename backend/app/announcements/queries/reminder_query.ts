import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'

/** One of a user's own reminders. */
export interface Reminder {
  id: string
  title: string
  note: string | null
  dueAt: string
  customerId: string | null
  customerName: string | null
  done: boolean
  doneAt: string | null
  createdAt: string
  updatedAt: string
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** The user's reminders (`r`) with the name of the linked customer; nobody else's, whatever their permissions. */
function ownQuery(scope: TenantScope, userId: string) {
  return scope.trx
    .from('reminders as r')
    .leftJoin('customers as c', (join) => join.on('c.tenant_id', 'r.tenant_id').andOn('c.id', 'r.customer_id'))
    .where('r.tenant_id', scope.tenantId)
    .where('r.user_id', userId)
    .select('r.*', 'c.name as customer_name')
}

function toReminder(row: Record<string, any>): Reminder {
  return {
    id: row.id,
    title: row.title,
    note: row.note,
    dueAt: iso(row.due_at)!,
    customerId: row.customer_id,
    customerName: row.customer_name ?? null,
    done: row.done,
    doneAt: iso(row.done_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }
}

/** One of the user's reminders, or 404 (another user's and another tenant's alike). */
export async function findReminder(scope: TenantScope, userId: string, id: string): Promise<Reminder> {
  const row = await ownQuery(scope, userId).where('r.id', id).first()
  if (!row) throw notFound('Reminder')
  return toReminder(row)
}

/** The user's reminders due in [from, to), by due time; at most 500. */
export async function listReminders(scope: TenantScope, userId: string, range: { from?: Date; to?: Date }): Promise<Reminder[]> {
  const query = ownQuery(scope, userId)
  if (range.from) query.where('r.due_at', '>=', range.from)
  if (range.to) query.where('r.due_at', '<', range.to)
  const rows = await query.orderBy('r.due_at', 'asc').orderBy('r.id', 'asc').limit(500)
  return rows.map(toReminder)
}

/** The user's open reminders due by the end of today in the organisation's time zone, overdue ones included, oldest first. */
export async function listDueReminders(scope: TenantScope, userId: string): Promise<Reminder[]> {
  const rows = await ownQuery(scope, userId)
    .where('r.done', false)
    .whereRaw(
      `r.due_at < (select (date_trunc('day', now() at time zone tz.time_zone) + interval '1 day') at time zone tz.time_zone from tenants tz where tz.id = r.tenant_id)`
    )
    .orderBy('r.due_at', 'asc')
    .orderBy('r.id', 'asc')
    .limit(500)
  return rows.map(toReminder)
}
