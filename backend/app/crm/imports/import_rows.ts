import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvents } from '#events/outbox'
import { isEmptyValue, type CustomerField } from '#crm/actions/customer_fields'
import { applyDataScope, ownerInScope, type CustomerViewer } from '#crm/queries/customer_query'
import type { ColumnMapping } from '#crm/imports/mapping'
import { inSequence } from '#shared/in_sequence'

/** How rows that match an existing customer are treated. */
export type DedupePolicy = 'skip' | 'update' | 'create'
export type DedupeKey = 'phone' | 'email' | 'idNumber'

/** What an import needs to read rows, loaded once per job or preview. */
export interface ImportSettings {
  importId: string
  mapping: ColumnMapping[]
  dedupeKeys: DedupeKey[]
  dedupePolicy: DedupePolicy
  /** Owner of rows without an owner column value: the chosen default owner, else the importer. */
  defaultOwnerId: string | null
  viewer: CustomerViewer
  fields: CustomerField[]
  country: string | null
  /** Active users by lower-case e-mail (the owner column names owners by e-mail). */
  usersByEmail: Map<string, string>
  /** Owners already checked against the importer's scope. */
  ownerScope: Map<string, boolean>
}

/** A customer as one row of the file describes it; absent fields were not given (empty cells). */
export interface RowCustomer {
  name?: string
  kind?: 'person' | 'organisation'
  phones: Array<{ e164: string; raw: string; last8: string }>
  emails: string[]
  addresses: string[]
  idNumber?: string
  ownerId?: string
  source?: string
  status?: 'active' | 'inactive'
  tags: string[]
  notes?: string
  customFields: Record<string, unknown>
}

/** What the import does with one row. */
export type RowAction = 'create' | 'update' | 'skip' | 'fail'

/** One data row worked out: its values, errors, the customer it describes and what happens to it. */
export interface RowPlan {
  row: number
  cells: string[]
  values: Record<string, string>
  errors: Array<{ field: string; message: string }>
  customer: RowCustomer | null
  action: RowAction
  /** The customer created or updated, or the one a skipped row duplicates. */
  customerId: string | null
  /** The row of this batch whose new customer this row repeats (in-file duplicate). */
  sameAs: RowPlan | null
}

/** The dedupe keys of a row's customer, as `phone:+86…`, `email:a@b`, `idNumber:…`. */
function keysOf(settings: ImportSettings, customer: RowCustomer): string[] {
  const keys: string[] = []
  if (settings.dedupeKeys.includes('phone')) keys.push(...customer.phones.map((p) => `phone:${p.e164}`))
  if (settings.dedupeKeys.includes('email')) keys.push(...customer.emails.map((e) => `email:${e.toLowerCase()}`))
  if (settings.dedupeKeys.includes('idNumber') && customer.idNumber) keys.push(`idNumber:${customer.idNumber}`)
  return keys
}

/**
 * Existing customers of the tenant by dedupe key; when several share a key, the oldest (ids are
 * time-ordered). Each lookup is one index scan of its own table, without a join, so the plan stays
 * the same whatever the table statistics say while an import grows the tables.
 */
async function existingByKey(scope: TenantScope, settings: ImportSettings, plans: RowPlan[]) {
  const found = new Map<string, string>()
  const valid = plans.filter((p) => p.customer)
  const phones = settings.dedupeKeys.includes('phone') ? valid.flatMap((p) => p.customer!.phones.map((x) => x.e164)) : []
  const emails = settings.dedupeKeys.includes('email') ? valid.flatMap((p) => p.customer!.emails.map((e) => e.toLowerCase())) : []
  const idNumbers = settings.dedupeKeys.includes('idNumber') ? valid.flatMap((p) => (p.customer!.idNumber ? [p.customer!.idNumber] : [])) : []
  const t = scope.tenantId
  const lookups: Array<Promise<Array<{ key: string; customer_id: string }>>> = []
  if (phones.length) {
    lookups.push(scope.trx.from('customer_phones').where('tenant_id', t).whereIn('e164', [...new Set(phones)]).select(scope.trx.raw(`'phone:' || e164 as key`), 'customer_id'))
  }
  if (emails.length) {
    lookups.push(scope.trx.from('customer_emails').where('tenant_id', t).whereIn(scope.trx.raw('lower(address)'), [...new Set(emails)]).select(scope.trx.raw(`'email:' || lower(address) as key`), 'customer_id'))
  }
  if (idNumbers.length) {
    lookups.push(scope.trx.from('customers').where('tenant_id', t).whereIn('id_number', [...new Set(idNumbers)]).select(scope.trx.raw(`'idNumber:' || id_number as key`), 'id as customer_id'))
  }
  for (const rows of await inSequence(lookups)) {
    for (const { key, customer_id: id } of rows) {
      const earlier = found.get(key)
      if (!earlier || id < earlier) found.set(key, id)
    }
  }
  return found
}

/** The owner of a row's customer, checked once per owner against the importer's scope. */
async function ownerAllowed(scope: TenantScope, settings: ImportSettings, ownerId: string) {
  let allowed = settings.ownerScope.get(ownerId)
  if (allowed === undefined) {
    allowed = await ownerInScope(scope, settings.viewer, ownerId)
    settings.ownerScope.set(ownerId, allowed)
  }
  return allowed
}

/**
 * Decides each row's action: rows with errors fail; with the `create` policy every valid row
 * makes a customer; otherwise a row whose phone, e-mail or ID number (the chosen keys) belongs to a
 * customer (or to a row earlier in this batch) is skipped or updates that customer. A customer
 * outside the importer's data scope is never updated: such a row fails.
 */
export async function planRows(scope: TenantScope, settings: ImportSettings, plans: RowPlan[]): Promise<RowPlan[]> {
  for (const plan of plans) {
    const ownerId = plan.customer?.ownerId
    if (ownerId && !(await ownerAllowed(scope, settings, ownerId))) markFailed(plan, 'owner', 'You can give customers only to yourself or members of your teams')
  }
  if (settings.dedupePolicy === 'create') {
    for (const plan of plans) if (plan.customer) planCreate(settings, plan)
    return plans
  }
  const existing = await existingByKey(scope, settings, plans)
  const matched = [...new Set(plans.flatMap((p) => (p.customer ? keysOf(settings, p.customer).map((k) => existing.get(k)).filter((id): id is string => !!id) : [])))]
  const visible = new Set<string>()
  if (settings.dedupePolicy === 'update' && matched.length) {
    const rows = await applyDataScope(scope.trx.from('customers as c').where('c.tenant_id', scope.tenantId).whereIn('c.id', matched), scope, settings.viewer).select('c.id')
    for (const row of rows) visible.add(row.id)
  }
  const inBatch = new Map<string, RowPlan>()
  for (const plan of plans) {
    if (!plan.customer) continue
    const keys = keysOf(settings, plan.customer)
    const earlier = keys.map((k) => inBatch.get(k)).find(Boolean)
    const match = keys.map((k) => existing.get(k)).find(Boolean)
    if (earlier) {
      Object.assign(plan, { action: settings.dedupePolicy === 'update' ? 'update' : 'skip', customerId: earlier.customerId, sameAs: earlier })
    } else if (match) {
      if (settings.dedupePolicy === 'skip') Object.assign(plan, { action: 'skip', customerId: match })
      else if (visible.has(match)) Object.assign(plan, { action: 'update', customerId: match })
      else markFailed(plan, 'dedupe', 'It matches a customer outside your data scope')
    } else {
      planCreate(settings, plan)
    }
    if (plan.action !== 'fail') for (const key of keys) if (!inBatch.has(key)) inBatch.set(key, plan)
  }
  return plans
}

/** A row that makes a new customer, unless a required custom field has no value. */
function planCreate(settings: ImportSettings, plan: RowPlan) {
  for (const field of settings.fields) {
    if (field.required && isEmptyValue(plan.customer!.customFields[field.key])) markFailed(plan, `customFields.${field.key}`, `${field.label} is required`)
  }
  if (plan.customer) Object.assign(plan, { action: 'create', customerId: newId() })
}

function markFailed(plan: RowPlan, field: string, message: string) {
  plan.errors.push({ field, message })
  Object.assign(plan, { action: 'fail', customer: null, customerId: null })
}

/** Adds a later row's values to an earlier row's customer (in-file duplicates with the update policy). */
function mergeInto(target: RowCustomer, source: RowCustomer) {
  for (const key of ['name', 'kind', 'idNumber', 'ownerId', 'source', 'status', 'notes'] as const) {
    if (source[key] !== undefined) (target as any)[key] = source[key]
  }
  for (const phone of source.phones) if (!target.phones.some((p) => p.e164 === phone.e164)) target.phones.push(phone)
  for (const email of source.emails) if (!target.emails.some((e) => e.toLowerCase() === email.toLowerCase())) target.emails.push(email)
  for (const street of source.addresses) if (!target.addresses.includes(street)) target.addresses.push(street)
  for (const tag of source.tags) if (!target.tags.includes(tag)) target.tags.push(tag)
  Object.assign(target.customFields, source.customFields)
}

/** The counts a batch adds to its import. */
export interface BatchCounts {
  created: number
  updated: number
  skipped: number
  failed: number
}

/**
 * Writes one planned batch in the caller's transaction: new customers with their phones and
 * e-mails, changes to matched customers (their prior state kept in the journal), the journal row of
 * every data row, and one outbox event per customer created or changed.
 */
export async function writeRows(scope: TenantScope, settings: ImportSettings, plans: RowPlan[]): Promise<BatchCounts> {
  const t = scope.tenantId
  const actor = scope.actor.type === 'user' ? scope.actor.id : null
  const writtenAt = new Date()
  for (const plan of plans) if (plan.action === 'update' && plan.sameAs && plan.sameAs.action !== 'fail') mergeInto(plan.sameAs.customer!, plan.customer!)

  const created = plans.filter((p) => p.action === 'create')
  if (created.length) {
    await scope.trx.table('customers').multiInsert(
      created.map((p) => {
        const c = p.customer!
        return {
          tenant_id: t, id: p.customerId, kind: c.kind ?? 'person', name: c.name, id_number: c.idNumber ?? null,
          owner_id: c.ownerId ?? settings.defaultOwnerId ?? settings.viewer.userId, source: c.source ?? null, status: c.status ?? 'active',
          tags: c.tags, notes: c.notes ?? null, custom_fields: JSON.stringify(c.customFields), created_by: actor, updated_by: actor,
          created_at: writtenAt, updated_at: writtenAt,
        }
      })
    )
  }
  const updates = plans.filter((p) => p.action === 'update' && !p.sameAs)
  const before = await snapshots(scope, updates.map((p) => p.customerId!))
  const newPhones: Array<Record<string, unknown>> = []
  const newEmails: Array<Record<string, unknown>> = []
  const newAddresses: Array<Record<string, unknown>> = []
  for (const plan of created) {
    plan.customer!.phones.forEach((p, position) => newPhones.push({ tenant_id: t, id: newId(), customer_id: plan.customerId, position, label: 'mobile', ...p }))
    plan.customer!.emails.forEach((address, position) => newEmails.push({ tenant_id: t, id: newId(), customer_id: plan.customerId, position, label: 'work', address }))
    plan.customer!.addresses.forEach((street, position) => newAddresses.push({ tenant_id: t, id: newId(), customer_id: plan.customerId, position, label: 'home', street }))
  }
  for (const plan of updates) {
    const current = before.get(plan.customerId!)!
    const c = plan.customer!
    const columns: Record<string, unknown> = { updated_at: writtenAt, updated_by: actor }
    for (const [key, column] of [['name', 'name'], ['kind', 'kind'], ['idNumber', 'id_number'], ['ownerId', 'owner_id'], ['source', 'source'], ['status', 'status'], ['notes', 'notes']] as const) {
      if (c[key] !== undefined) columns[column] = c[key]
    }
    columns.tags = [...new Set([...current.tags, ...c.tags])]
    columns.custom_fields = JSON.stringify({ ...current.custom_fields, ...c.customFields })
    await scope.trx.from('customers').where('tenant_id', t).where('id', plan.customerId!).update(columns)
    let position = current.phones.length
    for (const phone of c.phones) if (!current.phones.some((p: any) => p.e164 === phone.e164)) newPhones.push({ tenant_id: t, id: newId(), customer_id: plan.customerId, position: position++, label: 'mobile', ...phone })
    position = current.emails.length
    for (const address of c.emails) if (!current.emails.some((e: any) => e.address.toLowerCase() === address.toLowerCase())) newEmails.push({ tenant_id: t, id: newId(), customer_id: plan.customerId, position: position++, label: 'work', address })
    position = current.addresses.length
    for (const street of c.addresses) if (!current.addresses.some((a: any) => a.street === street)) newAddresses.push({ tenant_id: t, id: newId(), customer_id: plan.customerId, position: position++, label: 'home', street })
  }
  if (newPhones.length) await scope.trx.table('customer_phones').multiInsert(newPhones)
  if (newEmails.length) await scope.trx.table('customer_emails').multiInsert(newEmails)
  if (newAddresses.length) await scope.trx.table('customer_addresses').multiInsert(newAddresses)

  await scope.trx.table('customer_import_rows').multiInsert(
    plans.map((p) => ({
      tenant_id: t,
      import_id: settings.importId,
      row: p.row,
      action: ({ create: 'created', update: 'updated', skip: 'skipped', fail: 'failed' } as const)[p.action],
      customer_id: p.customerId,
      written_at: p.action === 'create' || p.action === 'update' ? writtenAt : null,
      before: p.action === 'update' && !p.sameAs ? JSON.stringify(before.get(p.customerId!)) : null,
      errors: p.errors.length ? JSON.stringify(p.errors) : null,
      cells: p.action === 'fail' || p.action === 'skip' ? p.cells : null,
    }))
  )
  await recordEvents(scope, [
    ...created.map((p) => ({ type: 'customer.created', entityType: 'customer', entityId: p.customerId!, payload: { kind: p.customer!.kind ?? 'person', status: p.customer!.status ?? 'active', importId: settings.importId } })),
    ...updates.map((p) => ({ type: 'customer.updated', entityType: 'customer', entityId: p.customerId!, payload: { changed: Object.keys(p.values), importId: settings.importId } })),
  ])
  const count = (action: RowAction) => plans.filter((p) => p.action === action).length
  return { created: count('create'), updated: count('update'), skipped: count('skip'), failed: count('fail') }
}

/** Customers as they are now: columns, phones and e-mails (what a rollback restores). */
export async function snapshots(scope: TenantScope, ids: string[]) {
  const result = new Map<string, Record<string, any>>()
  if (!ids.length) return result
  const t = scope.tenantId
  const [customers, phones, emails, addresses] = await inSequence([
    scope.trx.from('customers').where('tenant_id', t).whereIn('id', ids),
    scope.trx.from('customer_phones').where('tenant_id', t).whereIn('customer_id', ids).orderBy('position').select('customer_id', 'e164', 'raw', 'last8', 'label', 'position'),
    scope.trx.from('customer_emails').where('tenant_id', t).whereIn('customer_id', ids).orderBy('position').select('customer_id', 'address', 'label', 'position'),
    scope.trx.from('customer_addresses').where('tenant_id', t).whereIn('customer_id', ids).orderBy('position').select('customer_id', 'label', 'country', 'region', 'city', 'district', 'street', 'postal_code', 'position'),
  ])
  for (const c of customers) {
    result.set(c.id, {
      name: c.name, kind: c.kind, id_number: c.id_number, owner_id: c.owner_id, source: c.source, status: c.status, tags: c.tags, notes: c.notes,
      custom_fields: c.custom_fields, updated_at: c.updated_at, updated_by: c.updated_by,
      phones: phones.filter((p) => p.customer_id === c.id).map(({ customer_id: _, ...p }) => p),
      emails: emails.filter((e) => e.customer_id === c.id).map(({ customer_id: _, ...e }) => e),
      addresses: addresses.filter((a) => a.customer_id === c.id).map(({ customer_id: _, ...a }) => a),
    })
  }
  return result
}
