import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { type Customer, type CustomerViewer, findCustomer } from '#crm/queries/customer_query'

/** The customer kept, its state before the merge, and the one that went into it. */
export interface MergeResult {
  before: Customer
  after: Customer
  merged: Customer
}

/** The kept notes followed by the duplicate's, each kept whole. */
function joinNotes(kept: string | null, merged: string | null) {
  if (!merged?.trim()) return kept
  if (!kept?.trim()) return merged
  return `${kept}\n\n${merged}`
}

/**
 * Merges the duplicate into the kept customer, both in the viewer's scope (404 otherwise): the kept
 * one gains the duplicate's phones and e-mails it lacks, its tags, the custom-field values, ID
 * number and source it has none of, its notes and its timeline; the duplicate is then deleted and
 * its full snapshot kept in `customer_merges`. Earlier merges into the duplicate move along.
 */
export async function mergeCustomers(scope: TenantScope, viewer: CustomerViewer, keptId: string, duplicateId: string): Promise<MergeResult> {
  const t = scope.tenantId
  // Lock both rows in a fixed order so two merges of the same pair cannot interleave.
  await scope.trx.from('customers').where('tenant_id', t).whereIn('id', [keptId, duplicateId]).orderBy('id').forUpdate().select('id')
  const kept = await findCustomer(scope, viewer, keptId, { revealIds: true })
  if (keptId === duplicateId) throw new FieldError('duplicateId', 'different', 'A customer cannot be merged into itself')
  const merged = await findCustomer(scope, viewer, duplicateId, { revealIds: true })

  const numbers = new Set(kept.phones.map((p) => p.number))
  const movedPhones = merged.phones.filter((p) => !numbers.has(p.number))
  for (const [i, phone] of movedPhones.entries()) {
    await scope.trx.from('customer_phones').where('tenant_id', t).where('id', phone.id).update({ customer_id: keptId, position: kept.phones.length + i })
  }
  const addresses = new Set(kept.emails.map((e) => e.address.toLowerCase()))
  const movedEmails = merged.emails.filter((e) => !addresses.has(e.address.toLowerCase()))
  for (const [i, email] of movedEmails.entries()) {
    await scope.trx.from('customer_emails').where('tenant_id', t).where('id', email.id).update({ customer_id: keptId, position: kept.emails.length + i })
  }

  const streets = new Set(kept.addresses.map((a) => a.street))
  const movedAddresses = merged.addresses.filter((a) => !streets.has(a.street))
  for (const [i, address] of movedAddresses.entries()) {
    await scope.trx.from('customer_addresses').where('tenant_id', t).where('id', address.id).update({ customer_id: keptId, position: kept.addresses.length + i })
  }

  const customFields = { ...kept.customFields }
  for (const [key, value] of Object.entries(merged.customFields)) {
    if (customFields[key] === undefined || customFields[key] === null) customFields[key] = value
  }
  const me = scope.actor.type === 'user' ? scope.actor.id : null
  await scope.trx
    .from('customers')
    .where('tenant_id', t)
    .where('id', keptId)
    .update({
      tags: [...new Set([...kept.tags, ...merged.tags])],
      custom_fields: JSON.stringify(customFields),
      notes: joinNotes(kept.notes, merged.notes),
      id_number: kept.idNumber ?? merged.idNumber,
      source: kept.source ?? merged.source,
      updated_at: new Date(),
      updated_by: me,
    })

  // Category values the kept customer lacks come over, except into an exclusive group it already has a value in.
  await scope.trx.rawQuery(
    `insert into customer_categories (tenant_id, customer_id, value_id, group_id, assigned_by, assigned_at)
     select d.tenant_id, ?, d.value_id, d.group_id, d.assigned_by, d.assigned_at from customer_categories d
     join customer_category_groups g on g.tenant_id = d.tenant_id and g.id = d.group_id
     where d.tenant_id = ? and d.customer_id = ?
       and not exists (select 1 from customer_categories k where k.tenant_id = d.tenant_id and k.customer_id = ? and (k.value_id = d.value_id or (g.exclusive and k.group_id = d.group_id)))`,
    [keptId, t, duplicateId, keptId]
  )
  // Care tasks come over too (their history stays); one the kept customer already has for the same rule and occurrence is dropped.
  await scope.trx.rawQuery(
    `update care_tasks d set customer_id = ? where d.tenant_id = ? and d.customer_id = ?
       and not exists (select 1 from care_tasks k where k.tenant_id = d.tenant_id and k.customer_id = ? and k.rule_id is not distinct from d.rule_id and k.occurrence = d.occurrence)`,
    [keptId, t, duplicateId, keptId]
  )
  const trackingRecords = await scope.trx.from('tracking_records').where('tenant_id', t).where('customer_id', duplicateId).update({ customer_id: keptId, updated_at: new Date() })
  await scope.trx.from('customer_merges').where('tenant_id', t).where('kept_customer_id', duplicateId).update({ kept_customer_id: keptId })
  await scope.trx.table('customer_merges').insert({
    tenant_id: t,
    id: newId(),
    kept_customer_id: keptId,
    merged_customer_id: duplicateId,
    merged_name: merged.name,
    snapshot: JSON.stringify(merged),
    merged_by: me,
  })
  await scope.trx.from('customers').where('tenant_id', t).where('id', duplicateId).delete()

  await recordEvent(scope, {
    type: 'customer.merged',
    entityType: 'customer',
    entityId: keptId,
    payload: { keptId, mergedId: duplicateId, phones: movedPhones.length, emails: movedEmails.length, trackingRecords: Number(trackingRecords) || 0 },
  })
  return { before: kept, after: await findCustomer(scope, viewer, keptId), merged }
}
