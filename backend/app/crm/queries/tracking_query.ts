import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { paginate } from '#shared/pagination'
import { type CustomerViewer, applyDataScope, findCustomer } from '#crm/queries/customer_query'

/** What a tracking record records. */
export type TrackingType = 'call' | 'follow_up' | 'visit' | 'email' | 'note'

/** One entry of a customer's timeline, as the API answers it. */
export interface TrackingRecord {
  id: string
  customerId: string
  type: TrackingType
  outcome: string | null
  content: string
  callId: string | null
  ownerId: string
  ownerName: string | null
  nextFollowUpAt: string | null
  done: boolean
  createdAt: string
  createdBy: string | null
  createdByName: string | null
}

/** A due follow-up: the record and the name of its customer. */
export type DueTrackingRecord = TrackingRecord & { customerName: string }

/** Tracking records (`t`) joined to their customer (`c`) limited to the viewer's data scope, with owner and creator names. */
function baseQuery(scope: TenantScope, viewer: CustomerViewer) {
  const query = scope.trx
    .from('tracking_records as t')
    .join('customers as c', (join) => join.on('c.tenant_id', 't.tenant_id').andOn('c.id', 't.customer_id'))
    .leftJoin('users as o', (join) => join.on('o.tenant_id', 't.tenant_id').andOn('o.id', 't.owner_id'))
    .leftJoin('users as cb', (join) => join.on('cb.tenant_id', 't.tenant_id').andOn('cb.id', 't.created_by'))
    .where('t.tenant_id', scope.tenantId)
    .select('t.*', 'o.display_name as owner_name', 'cb.display_name as created_by_name', 'c.name as customer_name')
  return applyDataScope(query, scope, viewer)
}

function toRecord(row: Record<string, any>): TrackingRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    type: row.type,
    outcome: row.outcome,
    content: row.content,
    callId: row.call_id,
    ownerId: row.owner_id,
    ownerName: row.owner_name ?? null,
    nextFollowUpAt: row.next_follow_up_at ? new Date(row.next_follow_up_at).toISOString() : null,
    done: row.done,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    createdByName: row.created_by_name ?? null,
  }
}

/** One tracking record of a customer the viewer sees, or 404. */
export async function findTrackingRecord(scope: TenantScope, viewer: CustomerViewer, id: string): Promise<TrackingRecord> {
  const row = await baseQuery(scope, viewer).where('t.id', id).first()
  if (!row) throw notFound('Tracking record')
  return toRecord(row)
}

/** A page of a customer's timeline, newest first; 404 when the customer is outside the viewer's scope. */
export async function listTrackingRecords(scope: TenantScope, viewer: CustomerViewer, customerId: string, input: { page?: number; perPage?: number }) {
  await findCustomer(scope, viewer, customerId)
  const query = baseQuery(scope, viewer).where('t.customer_id', customerId).orderBy('t.created_at', 'desc').orderBy('t.id', 'desc')
  return paginate(query, input, 25, (rows) => rows.map(toRecord))
}

/**
 * An owner's open follow-ups due by the end of today in the organisation's time zone, overdue ones
 * included, oldest first. Only customers the viewer sees count.
 */
export async function listDueFollowUps(scope: TenantScope, viewer: CustomerViewer, ownerId: string): Promise<DueTrackingRecord[]> {
  const rows = await baseQuery(scope, viewer)
    .where('t.owner_id', ownerId)
    .where('t.done', false)
    .whereNotNull('t.next_follow_up_at')
    .whereRaw(
      `t.next_follow_up_at < (select (date_trunc('day', now() at time zone tz.time_zone) + interval '1 day') at time zone tz.time_zone from tenants tz where tz.id = t.tenant_id)`
    )
    .orderBy('t.next_follow_up_at', 'asc')
    .orderBy('t.id', 'asc')
    .limit(500)
  return rows.map((row) => ({ ...toRecord(row), customerName: row.customer_name }))
}
