import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max'
import { FieldError } from '#shared/errors'
import { checkCustomValue, type CustomerField } from '#crm/actions/customer_fields'
import { last8Of } from '#crm/actions/customers'
import type { FileRow } from '#crm/imports/import_file'
import type { ImportSettings, RowCustomer, RowPlan } from '#crm/imports/import_rows'

/**
 * Reading one row of an import file: its cells through the column mapping into a customer, with
 * every error of the row named by field. Writing and dedupe are in import_rows.ts.
 */

const LIST_SEPARATORS = /[;,，；、|\n]+/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const KINDS: Record<string, 'person' | 'organisation'> = {
  person: 'person', individual: 'person', 个人: 'person', 自然人: 'person',
  organisation: 'organisation', organization: 'organisation', org: 'organisation', company: 'organisation', business: 'organisation',
  机构: 'organisation', 组织: 'organisation', 企业: 'organisation', 公司: 'organisation', 单位: 'organisation',
}
const STATUSES: Record<string, 'active' | 'inactive'> = {
  active: 'active', 有效: 'active', 活跃: 'active', 正常: 'active',
  inactive: 'inactive', 无效: 'inactive', 停用: 'inactive', 失效: 'inactive',
}

/**
 * A cell as text to store. A leading apostrophe before = + - @ is the mark spreadsheet exports
 * (ours too) put on formula-like text, so it is dropped; such text is stored as plain text and every
 * export neutralises it again.
 */
function cellValue(text: string | undefined) {
  const value = (text ?? '').trim()
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value
}

/** The non-empty parts of a cell that lists several values (numbers, addresses, tags, options). */
function listOf(text: string) {
  return text
    .split(LIST_SEPARATORS)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** A date written the ways spreadsheets and people write it, as YYYY-MM-DD (unchanged when unreadable). */
function dateText(text: string) {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})T/.exec(text)
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text
}

/** A custom field's text as the value its type takes. */
function customValue(field: CustomerField, text: string): unknown {
  switch (field.type) {
    case 'number': {
      const number = Number(text.replace(/[,\s]/g, ''))
      return Number.isFinite(number) ? number : text
    }
    case 'date':
      return dateText(text)
    case 'choice':
      return field.options.find((o) => o.toLowerCase() === text.toLowerCase()) ?? text
    case 'multi_choice':
      return listOf(text).map((part) => field.options.find((o) => o.toLowerCase() === part.toLowerCase()) ?? part)
    default:
      return text
  }
}

/**
 * Reads one data row through the mapping into a customer, collecting every error of the row (not
 * only the first), each with the field it concerns.
 */
export function readRow(settings: ImportSettings, fileRow: FileRow): RowPlan {
  const errors: RowPlan['errors'] = []
  const fail = (field: string, message: string) => errors.push({ field, message })
  const values: Record<string, string> = {}
  const customer: RowCustomer = { phones: [], emails: [], addresses: [], tags: [], customFields: {} }
  const fieldsByKey = new Map(settings.fields.map((f) => [f.key, f]))

  for (const { column, target } of settings.mapping) {
    const text = cellValue(fileRow.cells[column])
    if (text === '') continue
    values[target] = values[target] ? `${values[target]}; ${text}` : text
    switch (target) {
      case 'name':
        if (text.length > 200) fail('name', 'At most 200 characters')
        else customer.name = text
        break
      case 'kind': {
        const kind = KINDS[text.toLowerCase()]
        if (kind) customer.kind = kind
        else fail('kind', `"${text}" is neither person nor organisation`)
        break
      }
      case 'phone':
        for (const raw of listOf(text)) {
          const e164 = phoneOf(raw, settings.country)
          if (!e164) fail('phone', `"${raw}" is not a valid phone number`)
          else if (!customer.phones.some((p) => p.e164 === e164)) customer.phones.push({ e164, raw, last8: last8Of(e164) })
        }
        break
      case 'email':
        for (const address of listOf(text)) {
          if (!EMAIL.test(address) || address.length > 254) fail('email', `"${address}" is not an e-mail address`)
          else if (!customer.emails.some((e) => e.toLowerCase() === address.toLowerCase())) customer.emails.push(address)
        }
        break
      case 'address':
        if (text.length > 300) fail('address', 'At most 300 characters')
        else if (!customer.addresses.includes(text)) customer.addresses.push(text)
        break
      case 'idNumber':
        if (text.length > 64) fail('idNumber', 'At most 64 characters')
        else customer.idNumber = text
        break
      case 'owner': {
        const ownerId = settings.usersByEmail.get(text.toLowerCase())
        if (ownerId) customer.ownerId = ownerId
        else fail('owner', `No active user has the e-mail ${text}`)
        break
      }
      case 'source':
        if (text.length > 64) fail('source', 'At most 64 characters')
        else customer.source = text
        break
      case 'status': {
        const status = STATUSES[text.toLowerCase()]
        if (status) customer.status = status
        else fail('status', `"${text}" is neither active nor inactive`)
        break
      }
      case 'tags':
        for (const tag of listOf(text)) {
          if (tag.length > 40) fail('tags', `The tag "${tag.slice(0, 20)}…" is longer than 40 characters`)
          else if (!customer.tags.includes(tag)) customer.tags.push(tag)
        }
        break
      case 'notes':
        if (text.length > 10000) fail('notes', 'At most 10000 characters')
        else customer.notes = text
        break
      default: {
        const field = fieldsByKey.get(target.slice('custom:'.length))!
        try {
          customer.customFields[field.key] = checkCustomValue(field, customValue(field, text))
        } catch (error) {
          if (!(error instanceof FieldError)) throw error
          fail(`customFields.${field.key}`, `"${text}": ${error.message}`)
        }
      }
    }
  }
  if (customer.phones.length > 20) fail('phone', 'At most 20 phone numbers')
  if (customer.emails.length > 20) fail('email', 'At most 20 e-mail addresses')
  if (customer.addresses.length > 10) fail('address', 'At most 10 addresses')
  if (customer.tags.length > 50) fail('tags', 'At most 50 tags')
  if (!customer.name) fail('name', 'The name is required')
  return { row: fileRow.row, cells: fileRow.cells, values, errors, customer: errors.length ? null : customer, action: errors.length ? 'fail' : 'create', customerId: null, sameAs: null }
}

/** The number in E.164 read with the tenant's default country, or null when it is not a valid number. */
function phoneOf(raw: string, country: string | null): string | null {
  try {
    const parsed = parsePhoneNumberWithError(raw, (country || undefined) as CountryCode | undefined)
    return parsed.isValid() ? parsed.number : null
  } catch {
    return null
  }
}
