import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { likeEscape, paginate } from '#shared/pagination'
import type { Permission } from '#identity/permissions'
import { type CustomerCategory, categoriesOf } from '#crm/queries/category_query'
import { type SqlFragment, segmentFilterOf } from '#crm/queries/segment_rules'
import { inSequence } from '#shared/in_sequence'

/** Labels of a customer's phone numbers and e-mail addresses. */
export type PhoneLabel = 'mobile' | 'work' | 'home' | 'other'
export type EmailLabel = 'work' | 'home' | 'other'
export type AddressLabel = 'home' | 'work' | 'billing' | 'shipping' | 'other'

/** A postal address: Chinese ones keep their 省/市/区 parts (region, city, district). */
export interface CustomerAddress {
  id: string
  label: AddressLabel
  country: string | null
  region: string | null
  city: string | null
  district: string | null
  street: string
  postalCode: string | null
}

/** A customer as the API answers it. */
export interface Customer {
  id: string
  kind: 'person' | 'organisation'
  name: string
  phones: Array<{ id: string; number: string; raw: string; label: PhoneLabel }>
  emails: Array<{ id: string; address: string; label: EmailLabel }>
  addresses: CustomerAddress[]
  idNumber: string | null
  ownerId: string | null
  ownerName: string | null
  source: string | null
  status: 'active' | 'inactive'
  tags: string[]
  /** The category values the customer has, in group order. */
  categories: CustomerCategory[]
  notes: string | null
  customFields: Record<string, unknown>
  createdAt: string
  updatedAt: string
  createdBy: string | null
  updatedBy: string | null
}

/**
 * Who reads customers and how far they see: their own customers and their teams' (`userId`), every
 * customer (`seeAll`), ID numbers unmasked (`seeIds`). The system sees everything.
 */
export interface CustomerViewer {
  userId: string | null
  seeAll: boolean
  seeIds: boolean
}

/** The viewer a signed-in user is, from their permissions. */
export function viewerOf(user: { id: string; permissions: Set<Permission> }): CustomerViewer {
  return { userId: user.id, seeAll: user.permissions.has('customers.view_all'), seeIds: user.permissions.has('customers.view_ids') }
}

/** Keeps the first 3 and the last 4 characters of an ID number; shorter ones are hidden entirely. */
export function maskIdNumber(value: string | null): string | null {
  if (value === null) return null
  if (value.length <= 7) return '*'.repeat(value.length)
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`
}

/** The users whose customers a viewer sees besides their own: members of the teams they belong to or supervise. */
const TEAM_OWNERS_SQL = `
  select tm.user_id from team_members tm
  where tm.tenant_id = ? and tm.team_id in (
    select team_id from team_members where tenant_id = ? and user_id = ?
    union select team_id from team_supervisors where tenant_id = ? and user_id = ?
  )`

/** Limits a customer query (aliased `c`) to what the viewer may see. */
export function applyDataScope(query: DatabaseQueryBuilderContract<any>, scope: TenantScope, viewer: CustomerViewer) {
  if (viewer.seeAll) return query
  if (!viewer.userId) return query.whereRaw('false')
  const t = scope.tenantId
  const me = viewer.userId
  return query.where((q) => q.where('c.owner_id', me).orWhereRaw(`c.owner_id in (${TEAM_OWNERS_SQL})`, [t, t, me, t, me]))
}

/** True when the viewer may give a customer to this owner (themselves or a member of their teams). */
export async function ownerInScope(scope: TenantScope, viewer: CustomerViewer, ownerId: string): Promise<boolean> {
  if (viewer.seeAll || ownerId === viewer.userId) return true
  if (!viewer.userId) return false
  const t = scope.tenantId
  const row = await scope.trx.rawQuery(`select 1 from (${TEAM_OWNERS_SQL}) o where o.user_id = ? limit 1`, [t, t, viewer.userId, t, viewer.userId, ownerId])
  return row.rows.length > 0
}

function baseQuery(scope: TenantScope, viewer: CustomerViewer) {
  const query = scope.trx
    .from('customers as c')
    .leftJoin('users as u', (join) => join.on('u.tenant_id', 'c.tenant_id').andOn('u.id', 'c.owner_id'))
    .where('c.tenant_id', scope.tenantId)
    .select('c.*', 'u.display_name as owner_name')
  return applyDataScope(query, scope, viewer)
}

/** Loads the phones, e-mails, addresses and categories of the given customers and builds their API shape. */
async function hydrate(trx: TransactionClientContract, tenantId: string, rows: Record<string, any>[], revealIds: boolean): Promise<Customer[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [phones, emails, addresses, categories] = await inSequence([
    trx.from('customer_phones').where('tenant_id', tenantId).whereIn('customer_id', ids).orderBy(['position', 'id']),
    trx.from('customer_emails').where('tenant_id', tenantId).whereIn('customer_id', ids).orderBy(['position', 'id']),
    trx.from('customer_addresses').where('tenant_id', tenantId).whereIn('customer_id', ids).orderBy(['position', 'id']),
    categoriesOf(trx, tenantId, ids),
  ])
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    phones: phones.filter((p) => p.customer_id === row.id).map((p) => ({ id: p.id, number: p.e164, raw: p.raw, label: p.label })),
    emails: emails.filter((e) => e.customer_id === row.id).map((e) => ({ id: e.id, address: e.address, label: e.label })),
    addresses: addresses
      .filter((a) => a.customer_id === row.id)
      .map((a) => ({ id: a.id, label: a.label, country: a.country, region: a.region, city: a.city, district: a.district, street: a.street, postalCode: a.postal_code })),
    idNumber: revealIds ? row.id_number : maskIdNumber(row.id_number),
    ownerId: row.owner_id,
    ownerName: row.owner_name ?? null,
    source: row.source,
    status: row.status,
    tags: row.tags,
    categories: categories.get(row.id) ?? [],
    notes: row.notes,
    customFields: row.custom_fields ?? {},
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  }))
}

/** One customer the viewer may see, or 404 (also for one outside their data scope). */
export async function findCustomer(scope: TenantScope, viewer: CustomerViewer, id: string, options: { revealIds?: boolean } = {}): Promise<Customer> {
  const row = await baseQuery(scope, viewer).where('c.id', id).first()
  if (!row) throw notFound('Customer')
  const [customer] = await hydrate(scope.trx, scope.tenantId, [row], options.revealIds ?? viewer.seeIds)
  return customer
}

/** Filters and order of the customer list. */
export interface CustomerListInput {
  search?: string
  ownerId?: string
  status?: 'active' | 'inactive'
  tag?: string
  /** Only the members of this segment (404 when it is not the tenant's). */
  segmentId?: string
  /** Only customers with this category value. */
  categoryId?: string
  page?: number
  perPage?: number
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt'
}

const SORT_COLUMNS = { name: 'c.name', createdAt: 'c.created_at', updatedAt: 'c.updated_at' } as const

/**
 * A page of the customers the viewer sees. `search` matches a substring of the name (any script),
 * of an e-mail address, or, with 4 digits or more, of a phone number's digits. ID numbers are masked.
 */
export async function listCustomers(scope: TenantScope, viewer: CustomerViewer, input: CustomerListInput) {
  const query = applyCustomerFilters(baseQuery(scope, viewer), input, input.segmentId ? await segmentFilterOf(scope, input.segmentId) : undefined)
  return paginate(query, input, 25, (rows) => hydrate(scope.trx, scope.tenantId, rows, false))
}

/** A customer the caller number matched (the agent frame's screen pop). */
export interface CustomerMatch {
  id: string
  name: string
  phones: Customer['phones']
  ownerName: string | null
  matchedNumber: string
}

/**
 * Customers whose phone is the caller's number: exactly by E.164 when the input reads as a valid
 * number, otherwise (or when that finds nothing) by the last 8 digits, so local formats written
 * against another country still find their customer. Limited to the viewer's data scope.
 */
export async function matchCustomers(scope: TenantScope, viewer: CustomerViewer, number: { e164: string | null; digits: string }): Promise<CustomerMatch[]> {
  const lookup = async (column: 'e164' | 'last8', value: string) => {
    const query = baseQuery(scope, viewer)
      .join('customer_phones as p', (join) => join.on('p.tenant_id', 'c.tenant_id').andOn('p.customer_id', 'c.id'))
      .where(`p.${column}`, value)
      .select('p.e164 as matched_number')
      .orderBy('c.updated_at', 'desc')
      .limit(20)
    return query
  }
  let rows: Record<string, any>[] = number.e164 ? await lookup('e164', number.e164) : []
  if (!rows.length && number.digits.length >= 8) rows = await lookup('last8', number.digits.slice(-8))
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()]
  const customers = await hydrate(scope.trx, scope.tenantId, unique, false)
  return customers.map((c, i) => ({ id: c.id, name: c.name, phones: c.phones, ownerName: c.ownerName, matchedNumber: unique[i].matched_number }))
}

/**
 * Applies the list's filters (search, owner, status, tag, category value, and the segment's
 * compiled rules when `input.segmentId` is given) and order to a customer query (aliased `c`);
 * shared by the list, the export and the bulk re-classification.
 */
export function applyCustomerFilters(query: DatabaseQueryBuilderContract<any>, input: CustomerListInput, segment?: SqlFragment) {
  const search = input.search?.trim()
  if (search) {
    const pattern = `%${likeEscape(search)}%`
    const digits = search.replace(/\D/g, '')
    query.where((q) => {
      q.where('c.name', 'ilike', pattern)
      q.orWhereExists((e) => e.from('customer_emails as e').whereRaw('e.tenant_id = c.tenant_id and e.customer_id = c.id').whereRaw('lower(e.address) like lower(?)', [pattern]))
      q.orWhereExists((a) =>
        a
          .from('customer_addresses as a')
          .whereRaw('a.tenant_id = c.tenant_id and a.customer_id = c.id')
          .whereRaw(`(coalesce(a.region, '') || ' ' || coalesce(a.city, '') || ' ' || coalesce(a.district, '') || ' ' || a.street) ilike ?`, [pattern])
      )
      if (digits.length >= 4) {
        q.orWhereExists((p) => p.from('customer_phones as p').whereRaw('p.tenant_id = c.tenant_id and p.customer_id = c.id').where('p.e164', 'like', `%${digits}%`))
      }
    })
  }
  if (input.ownerId) query.where('c.owner_id', input.ownerId)
  if (input.status) query.where('c.status', input.status)
  if (input.tag) query.whereRaw('c.tags @> array[?]::text[]', [input.tag])
  if (input.categoryId) {
    query.whereExists((e) => e.from('customer_categories as cc').whereRaw('cc.tenant_id = c.tenant_id and cc.customer_id = c.id').where('cc.value_id', input.categoryId!))
  }
  if (segment) query.whereRaw(`(${segment.sql})`, segment.bindings as any[])
  const sort = input.sort ?? 'name'
  const direction = sort.startsWith('-') ? 'desc' : 'asc'
  return query.orderBy(SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS], direction).orderBy('c.id', direction)
}

/** The ids of every customer the viewer sees that matches the list's filters, in the list's order. */
export async function matchingCustomerIds(scope: TenantScope, viewer: CustomerViewer, input: CustomerListInput): Promise<string[]> {
  const segment = input.segmentId ? await segmentFilterOf(scope, input.segmentId) : undefined
  const rows = await applyCustomerFilters(baseQuery(scope, viewer).clearSelect().select('c.id'), input, segment)
  return rows.map((r: { id: string }) => r.id)
}

/** These customers in the given order, leaving out those gone or no longer in the viewer's scope. */
export async function customersByIds(scope: TenantScope, viewer: CustomerViewer, ids: string[], options: { revealIds: boolean }): Promise<Customer[]> {
  const rows = await baseQuery(scope, viewer).whereIn('c.id', ids)
  const byId = new Map((await hydrate(scope.trx, scope.tenantId, rows, options.revealIds)).map((c) => [c.id, c]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
