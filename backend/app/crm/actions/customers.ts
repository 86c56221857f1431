import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max'
import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { defaultCountryOf, toE164 } from '#voice/phone_numbers'
import { resolveCustomFields } from '#crm/actions/customer_fields'
import {
  type Customer,
  type CustomerViewer,
  type EmailLabel,
  type AddressLabel,
  type PhoneLabel,
  findCustomer,
  matchCustomers,
  ownerInScope,
} from '#crm/queries/customer_query'

/** The fields of a customer a request may set; on update every one is optional. */
export interface CustomerInput {
  kind?: 'person' | 'organisation'
  name?: string
  phones?: Array<{ number: string; label?: PhoneLabel }>
  emails?: Array<{ address: string; label?: EmailLabel }>
  addresses?: AddressInput[]
  idNumber?: string | null
  ownerId?: string | null
  source?: string | null
  status?: 'active' | 'inactive'
  tags?: string[]
  notes?: string | null
  customFields?: Record<string, unknown>
}

/** A postal address as a request gives it; only the street line is required. */
export interface AddressInput {
  label?: AddressLabel
  country?: string | null
  region?: string | null
  city?: string | null
  district?: string | null
  street: string
  postalCode?: string | null
}

/** The customer's columns a change touches (phones, e-mails and custom fields are handled apart). */
const COLUMNS = { kind: 'kind', name: 'name', idNumber: 'id_number', ownerId: 'owner_id', source: 'source', status: 'status', tags: 'tags', notes: 'notes' } as const

/** The last 8 digits of a number: the key of the caller match for local formats. */
export function last8Of(e164: string) {
  return e164.replace(/\D/g, '').slice(-8)
}

/** Reads each phone in E.164 with the tenant's default country; invalid or repeated numbers are 422s. */
async function normalisePhones(scope: TenantScope, phones: NonNullable<CustomerInput['phones']>) {
  const country = await defaultCountryOf(scope)
  const seen = new Set<string>()
  return phones.map((phone, i) => {
    const e164 = toE164(phone.number, country, `phones.${i}.number`)
    if (seen.has(e164)) throw new FieldError(`phones.${i}.number`, 'distinct', 'This number is already listed')
    seen.add(e164)
    return { e164, raw: phone.number, last8: last8Of(e164), label: phone.label ?? 'mobile' }
  })
}

/** The owner must be an active user of the tenant whom the viewer may give customers to. */
async function checkOwner(scope: TenantScope, viewer: CustomerViewer, ownerId: string | null) {
  if (ownerId === null) {
    if (!viewer.seeAll) throw new FieldError('ownerId', 'scope', 'Only people who see every customer may leave one without an owner')
    return
  }
  const owner = await scope.trx.from('users').where('tenant_id', scope.tenantId).where('id', ownerId).where('status', 'active').first()
  if (!owner) throw new FieldError('ownerId', 'exists', 'The owner must be an active user of your organisation')
  if (!(await ownerInScope(scope, viewer, ownerId))) throw new FieldError('ownerId', 'scope', 'You can give customers only to yourself or members of your teams')
}

async function replacePhones(scope: TenantScope, customerId: string, phones: Awaited<ReturnType<typeof normalisePhones>>) {
  await scope.trx.from('customer_phones').where('tenant_id', scope.tenantId).where('customer_id', customerId).delete()
  if (phones.length) {
    await scope.trx.table('customer_phones').multiInsert(phones.map((p, position) => ({ tenant_id: scope.tenantId, id: newId(), customer_id: customerId, position, ...p })))
  }
}

async function replaceEmails(scope: TenantScope, customerId: string, emails: NonNullable<CustomerInput['emails']>) {
  await scope.trx.from('customer_emails').where('tenant_id', scope.tenantId).where('customer_id', customerId).delete()
  const seen = new Set<string>()
  const rows = emails.map((email, position) => {
    const key = email.address.toLowerCase()
    if (seen.has(key)) throw new FieldError(`emails.${position}.address`, 'distinct', 'This address is already listed')
    seen.add(key)
    return { tenant_id: scope.tenantId, id: newId(), customer_id: customerId, position, address: email.address, label: email.label ?? 'work' }
  })
  if (rows.length) await scope.trx.table('customer_emails').multiInsert(rows)
}

/** Replaces a customer's addresses with the given list, in order. */
export async function replaceAddresses(scope: TenantScope, customerId: string, addresses: AddressInput[]) {
  await scope.trx.from('customer_addresses').where('tenant_id', scope.tenantId).where('customer_id', customerId).delete()
  if (!addresses.length) return
  await scope.trx.table('customer_addresses').multiInsert(
    addresses.map((a, position) => ({
      tenant_id: scope.tenantId,
      id: newId(),
      customer_id: customerId,
      position,
      label: a.label ?? 'home',
      country: a.country ? a.country.toUpperCase() : null,
      region: a.region ?? null,
      city: a.city ?? null,
      district: a.district ?? null,
      street: a.street,
      postal_code: a.postalCode ?? null,
    }))
  )
}

/** The customer's columns from the given input, for insert or update. */
function columnsOf(input: CustomerInput) {
  const columns: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = input[field as keyof typeof COLUMNS]
    if (value !== undefined) columns[column] = value
  }
  return columns
}

/** Creates a customer owned by the acting user unless another owner is given. */
export async function createCustomer(scope: TenantScope, viewer: CustomerViewer, input: CustomerInput & { name: string }): Promise<Customer> {
  const ownerId = input.ownerId === undefined ? viewer.userId : input.ownerId
  await checkOwner(scope, viewer, ownerId)
  const phones = await normalisePhones(scope, input.phones ?? [])
  const customFields = await resolveCustomFields(scope, {}, input.customFields ?? {})
  const id = newId()
  await scope.trx.table('customers').insert({
    ...columnsOf({ ...input, ownerId }),
    tenant_id: scope.tenantId,
    id,
    custom_fields: JSON.stringify(customFields),
    created_by: scope.actor.type === 'user' ? scope.actor.id : null,
    updated_by: scope.actor.type === 'user' ? scope.actor.id : null,
  })
  await replacePhones(scope, id, phones)
  await replaceEmails(scope, id, input.emails ?? [])
  await replaceAddresses(scope, id, input.addresses ?? [])
  await recordEvent(scope, { type: 'customer.created', entityType: 'customer', entityId: id, payload: { kind: input.kind ?? 'person', ownerId, status: input.status ?? 'active' } })
  return findCustomer(scope, viewer, id)
}

/** Changes a customer the viewer sees; given phone and e-mail lists replace the old ones, custom fields merge. */
export async function updateCustomer(scope: TenantScope, viewer: CustomerViewer, id: string, input: CustomerInput): Promise<Customer> {
  const current = await findCustomer(scope, viewer, id, { revealIds: true })
  if (input.ownerId !== undefined && input.ownerId !== current.ownerId) await checkOwner(scope, viewer, input.ownerId)
  const columns = columnsOf(input)
  if (input.customFields !== undefined) columns.custom_fields = JSON.stringify(await resolveCustomFields(scope, current.customFields, input.customFields))
  if (input.phones !== undefined) await replacePhones(scope, id, await normalisePhones(scope, input.phones))
  if (input.emails !== undefined) await replaceEmails(scope, id, input.emails)
  if (input.addresses !== undefined) await replaceAddresses(scope, id, input.addresses)
  await scope.trx
    .from('customers')
    .where('tenant_id', scope.tenantId)
    .where('id', id)
    .update({ ...columns, updated_at: new Date(), updated_by: scope.actor.type === 'user' ? scope.actor.id : null })
  const changed = Object.keys(input).filter((key) => input[key as keyof CustomerInput] !== undefined)
  await recordEvent(scope, { type: 'customer.updated', entityType: 'customer', entityId: id, payload: { changed } })
  return findCustomer(scope, viewer, id)
}

/** Deletes a customer the viewer sees, with its phones and e-mails. */
export async function deleteCustomer(scope: TenantScope, viewer: CustomerViewer, id: string): Promise<Customer> {
  const current = await findCustomer(scope, viewer, id)
  await scope.trx.from('customers').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'customer.deleted', entityType: 'customer', entityId: id, payload: { ownerId: current.ownerId } })
  return current
}

/**
 * The screen pop: customers whose phone is the number a caller dialled from, written in any
 * format. The input is read with the tenant's default country; unreadable input still matches by
 * its last 8 digits.
 */
export async function matchCallerNumber(scope: TenantScope, viewer: CustomerViewer, input: string) {
  const country = await defaultCountryOf(scope)
  let e164: string | null = null
  try {
    const parsed = parsePhoneNumberWithError(input, (country || undefined) as CountryCode | undefined)
    if (parsed.isValid()) e164 = parsed.number
  } catch {
    e164 = null
  }
  return matchCustomers(scope, viewer, { e164, digits: input.replace(/\D/g, '') })
}
