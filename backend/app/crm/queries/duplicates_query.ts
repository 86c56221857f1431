import type { TenantScope } from '#shared/scope'
import { type CustomerViewer, applyDataScope, findCustomer, maskIdNumber } from '#crm/queries/customer_query'
import { inSequence } from '#shared/in_sequence'

/** Why two customers look like the same person or organisation. */
export type DuplicateReason = 'phone' | 'email' | 'idNumber'

/** A customer that shares a phone, an e-mail or an ID number with another one. */
export interface CustomerDuplicate {
  id: string
  name: string
  kind: 'person' | 'organisation'
  status: 'active' | 'inactive'
  ownerId: string | null
  ownerName: string | null
  updatedAt: string
  reasons: DuplicateReason[]
  matchedPhones: string[]
  matchedEmails: string[]
  matchedIdNumber: string | null
}

/** One customer merged into another: who it was, when, by whom. */
export interface CustomerMerge {
  id: string
  mergedCustomerId: string
  name: string
  mergedAt: string
  mergedBy: string | null
  mergedByName: string | null
}

/** At most this many duplicates are answered per reason. */
const LIMIT = 50

/** Customers (`c`) of the tenant other than `id` that the viewer sees. */
function others(scope: TenantScope, viewer: CustomerViewer, id: string) {
  return applyDataScope(scope.trx.from('customers as c').where('c.tenant_id', scope.tenantId).whereNot('c.id', id), scope, viewer)
}

/**
 * Customers in the viewer's scope sharing a phone (E.164, so every way of writing it counts), an
 * e-mail address (case-insensitive) or an ID number (case-insensitive) with the given customer,
 * which must be in scope too (404). ID numbers are masked unless the viewer may see them.
 */
export async function findDuplicates(scope: TenantScope, viewer: CustomerViewer, id: string): Promise<CustomerDuplicate[]> {
  const customer = await findCustomer(scope, viewer, id, { revealIds: true })
  const numbers = customer.phones.map((p) => p.number)
  const addresses = customer.emails.map((e) => e.address.toLowerCase())
  const idNumber = customer.idNumber?.trim() || null

  const [byPhone, byEmail, byId] = await inSequence([
    numbers.length
      ? others(scope, viewer, id)
          .join('customer_phones as p', (join) => join.on('p.tenant_id', 'c.tenant_id').andOn('p.customer_id', 'c.id'))
          .whereIn('p.e164', numbers)
          .select('c.id', 'p.e164 as value')
          .limit(LIMIT * 4)
      : [],
    addresses.length
      ? others(scope, viewer, id)
          .join('customer_emails as e', (join) => join.on('e.tenant_id', 'c.tenant_id').andOn('e.customer_id', 'c.id'))
          .whereRaw(`lower(e.address) in (${addresses.map(() => '?').join(', ')})`, addresses)
          .select('c.id', 'e.address as value')
          .limit(LIMIT * 4)
      : [],
    idNumber
      ? others(scope, viewer, id).whereNotNull('c.id_number').whereRaw('upper(c.id_number) = upper(?)', [idNumber]).select('c.id', 'c.id_number as value').limit(LIMIT)
      : [],
  ])

  const found = new Map<string, { reasons: Set<DuplicateReason>; phones: Set<string>; emails: Set<string>; idNumber: string | null }>()
  const entry = (customerId: string) => {
    if (!found.has(customerId)) found.set(customerId, { reasons: new Set(), phones: new Set(), emails: new Set(), idNumber: null })
    return found.get(customerId)!
  }
  for (const row of byPhone) {
    entry(row.id).reasons.add('phone')
    entry(row.id).phones.add(row.value)
  }
  for (const row of byEmail) {
    entry(row.id).reasons.add('email')
    entry(row.id).emails.add(row.value)
  }
  for (const row of byId) {
    const match = entry(row.id)
    match.reasons.add('idNumber')
    match.idNumber = viewer.seeIds ? row.value : maskIdNumber(row.value)
  }
  if (!found.size) return []

  const rows = await scope.trx
    .from('customers as c')
    .leftJoin('users as u', (join) => join.on('u.tenant_id', 'c.tenant_id').andOn('u.id', 'c.owner_id'))
    .where('c.tenant_id', scope.tenantId)
    .whereIn('c.id', [...found.keys()])
    .select('c.id', 'c.name', 'c.kind', 'c.status', 'c.owner_id', 'c.updated_at', 'u.display_name as owner_name')
    .orderBy('c.updated_at', 'desc')
    .limit(LIMIT)
  const order: DuplicateReason[] = ['phone', 'email', 'idNumber']
  return rows.map((row) => {
    const match = found.get(row.id)!
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      status: row.status,
      ownerId: row.owner_id,
      ownerName: row.owner_name ?? null,
      updatedAt: new Date(row.updated_at).toISOString(),
      reasons: order.filter((reason) => match.reasons.has(reason)),
      matchedPhones: [...match.phones],
      matchedEmails: [...match.emails],
      matchedIdNumber: match.idNumber,
    }
  })
}

/** What was merged into a customer the viewer sees (404 otherwise), newest first. */
export async function listMerges(scope: TenantScope, viewer: CustomerViewer, id: string): Promise<CustomerMerge[]> {
  await findCustomer(scope, viewer, id)
  const rows = await scope.trx
    .from('customer_merges as m')
    .leftJoin('users as u', (join) => join.on('u.tenant_id', 'm.tenant_id').andOn('u.id', 'm.merged_by'))
    .where('m.tenant_id', scope.tenantId)
    .where('m.kept_customer_id', id)
    .select('m.id', 'm.merged_customer_id', 'm.merged_name', 'm.merged_at', 'm.merged_by', 'u.display_name as merged_by_name')
    .orderBy('m.merged_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(200)
  return rows.map((row) => ({
    id: row.id,
    mergedCustomerId: row.merged_customer_id,
    name: row.merged_name,
    mergedAt: new Date(row.merged_at).toISOString(),
    mergedBy: row.merged_by,
    mergedByName: row.merged_by_name ?? null,
  }))
}
