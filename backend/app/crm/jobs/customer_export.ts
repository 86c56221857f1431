import { defineJobKind } from '#jobs/job_kinds'
import type { TenantScope } from '#shared/scope'
import { type ExportFormat, openRowSink } from '#shared/row_sink'
import { permissionsOf } from '#identity/queries/session_query'
import { listCustomerFields } from '#crm/actions/customer_fields'
import { type Customer, type CustomerListInput, customersByIds, matchingCustomerIds, viewerOf } from '#crm/queries/customer_query'

/** The file formats of a customer export. */
export type CustomerExportFormat = ExportFormat

const BATCH = 1000
const HEADERS = ['Name', 'Kind', 'Phones', 'E-mails', 'Addresses', 'ID number', 'Owner', 'Source', 'Status', 'Tags', 'Notes', 'Created', 'Updated']

/**
 * Exports the customers the job's owner sees (their data scope when the job runs) that match the
 * list's filters, in the list's order, to CSV (UTF-8 with BOM) or XLSX, in batches with progress.
 * ID numbers are masked unless the owner holds customers.view_ids; every text cell that a
 * spreadsheet would read as a formula gets a leading apostrophe.
 */
defineJobKind('customers.export', {
  permission: 'customers.export',
  async run(job) {
    const format = job.params.format as CustomerExportFormat
    const filters = (job.params.filters ?? {}) as CustomerListInput
    const viewer = await job.inScope(async (scope) => viewerOf({ id: scope.actor.id!, permissions: await permissionsOf(scope.trx, scope.tenantId, scope.actor.id!) }))
    const { ids, fields } = await job.inScope(async (scope) => ({ ids: await matchingCustomerIds(scope, viewer, filters), fields: await listCustomerFields(scope) }))
    await job.progress(0, ids.length)

    const file = job.resultPath(format)
    const sink = await openRowSink(format, file, 'Customers')
    await sink.row([...HEADERS, ...fields.map((f) => f.label)])
    let done = 0
    for (let start = 0; start < ids.length; start += BATCH) {
      const customers = await job.inScope((scope: TenantScope) => customersByIds(scope, viewer, ids.slice(start, start + BATCH), { revealIds: viewer.seeIds }))
      for (const customer of customers) await sink.row(cellsOf(customer, fields.map((f) => f.key)))
      done += customers.length
      await job.progress(Math.min(start + BATCH, ids.length))
    }
    await sink.close()
    return { file, fileName: `customers-${new Date().toISOString().slice(0, 10)}.${format}`, rows: done, format }
  },
})

/** One customer as the export's cells, custom fields last in the order of their keys. */
function cellsOf(customer: Customer, fieldKeys: string[]): Array<string | null> {
  return [
    customer.name,
    customer.kind,
    customer.phones.map((p) => p.number).join('; '),
    customer.emails.map((e) => e.address).join('; '),
    customer.addresses.map(addressText).join('; '),
    customer.idNumber,
    customer.ownerName,
    customer.source,
    customer.status,
    customer.tags.join('; '),
    customer.notes,
    customer.createdAt,
    customer.updatedAt,
    ...fieldKeys.map((key) => textOf(customer.customFields[key])),
  ]
}

/** An address on one line: Chinese order (region city district street) for CN, else street, city, region, postal code, country. */
function addressText(a: Customer['addresses'][number]) {
  if (a.country === 'CN' || (a.country === null && /[\u4e00-\u9fff]/.test(a.street))) return [a.region, a.city, a.district, a.street].filter(Boolean).join('') + (a.postalCode ? ` ${a.postalCode}` : '')
  return [a.street, a.district, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return Array.isArray(value) ? value.map(String).join('; ') : String(value)
}
