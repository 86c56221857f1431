import type { TenantScope } from '#shared/scope'
import { newId } from '#shared/ids'
import { recordEvent } from '#events/outbox'

/** At most this many customers get a call logged when several share the number. */
const MAX_CUSTOMERS = 5

/**
 * Logs a call in the timeline of the customers it was with: the customers whose phone (in
 * E.164) is the caller's number of an inbound call or the dialled number of an outbound one. Done
 * when the agent gives the call its disposition; giving it again updates the same records (one per
 * call and customer), so the timeline never shows a call twice. The agent owns the records.
 */
export async function logCallOnCustomers(scope: TenantScope, call: { id: string; direction: string; ani: string | null; dnis: string | null }, agentId: string, disposition: string, notes: string | null) {
  const number = call.direction === 'outbound' ? call.dnis : call.ani
  if (!number || !/^\+[0-9]{7,15}$/.test(number)) return []
  const t = scope.tenantId
  const customers = await scope.trx
    .from('customer_phones')
    .where('tenant_id', t)
    .where('e164', number)
    .distinct('customer_id')
    .limit(MAX_CUSTOMERS)
  const content = notes?.trim() || disposition
  const logged: string[] = []
  for (const { customer_id: customerId } of customers) {
    const existing = await scope.trx.from('tracking_records').where('tenant_id', t).where('call_id', call.id).where('customer_id', customerId).first()
    const id = existing?.id ?? newId()
    if (existing) {
      await scope.trx.from('tracking_records').where('tenant_id', t).where('id', id).update({ outcome: disposition.slice(0, 64), content, updated_at: new Date() })
    } else {
      await scope.trx.table('tracking_records').insert({ tenant_id: t, id, customer_id: customerId, type: 'call', outcome: disposition.slice(0, 64), content, call_id: call.id, owner_id: agentId, created_by: agentId })
    }
    await recordEvent(scope, {
      type: existing ? 'tracking_record.updated' : 'customer.tracked',
      entityType: existing ? 'tracking_record' : 'customer',
      entityId: existing ? id : customerId,
      payload: { trackingRecordId: id, customerId, type: 'call', ownerId: agentId, callId: call.id, direction: call.direction },
    })
    logged.push(id)
  }
  return logged
}
