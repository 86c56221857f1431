import { data, json, list, noContent, page, parameter, query, type OperationMap } from '#platform/openapi/spec'

const SCOPE_NOTE =
  'A user sees the customers they own and those owned by members of the teams they belong to or supervise; `customers.view_all` shows every customer. ' +
  'A customer outside that scope answers 404.'

/** Customers, the caller match and custom fields (app/crm). */
export const crmOperations: OperationMap = {
  'customers.index': {
    tag: 'Customers',
    summary: 'Customers you may see, paged',
    description: `${SCOPE_NOTE} ID numbers are always masked here.`,
    query: [
      query('search', { type: 'string', maxLength: 100 }, 'A substring of the name (works for Chinese), of an e-mail address, or 4+ digits of a phone number'),
      query('ownerId', { type: 'string', format: 'uuid' }, 'Only this owner’s customers'),
      query('status', { type: 'string', enum: ['active', 'inactive'] }, 'Only this status'),
      query('tag', { type: 'string', maxLength: 40 }, 'Only customers with this tag'),
      query('sort', { type: 'string', enum: ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] }, 'Order; a leading - sorts descending (default name)'),
      parameter('Page'),
      parameter('PerPage'),
    ],
    success: json(200, page('Customer'), 'One page of customers'),
  },
  'customers.match': {
    tag: 'Customers',
    summary: 'Find customers by a caller’s number (screen pop)',
    description:
      'The number may be written in any format. It is read with the organisation’s default country and matched exactly in E.164; ' +
      `when that finds nobody, its last 8 digits are matched, so local formats of another country still match. At most 20. ${SCOPE_NOTE}`,
    query: [query('number', { type: 'string', minLength: 3, maxLength: 40 }, 'The caller’s number as received, e.g. 0086-138 0013 8000')],
    success: json(200, list('CustomerMatch'), 'Matching customers, most recently changed first'),
  },
  'customers.store': {
    tag: 'Customers',
    summary: 'Create a customer',
    description: 'Phones are stored in E.164 beside the raw input. Custom fields are checked against the definitions; required ones must be given.',
    body: 'CustomerRequest',
    success: json(201, data('Customer'), 'The new customer'),
  },
  'customers.show': {
    tag: 'Customers',
    summary: 'One customer',
    description: `${SCOPE_NOTE} The ID number is unmasked for holders of customers.view_ids.`,
    success: json(200, data('Customer'), 'The customer'),
  },
  'customers.update': {
    tag: 'Customers',
    summary: 'Change a customer',
    description: `Every field is optional; phones and e-mails replace the lists when given, custom fields merge. ${SCOPE_NOTE}`,
    body: 'UpdateCustomerRequest',
    success: json(200, data('Customer'), 'The customer'),
  },
  'customers.destroy': { tag: 'Customers', summary: 'Delete a customer', description: SCOPE_NOTE, success: noContent('Deleted') },

  'customer_fields.index': { tag: 'Customers', summary: 'The organisation’s custom fields of customers', success: json(200, list('CustomerField'), 'Fields by position') },
  'customer_fields.store': {
    tag: 'Customers',
    summary: 'Define a custom field',
    description: 'The key is unique (422 `key` unique). Choice fields need options; other types take none.',
    body: 'CustomerFieldRequest',
    success: json(201, data('CustomerField'), 'The new field'),
  },
  'customer_fields.update': {
    tag: 'Customers',
    summary: 'Change a custom field',
    description: 'Key and type stay. Existing values are not re-checked until a customer’s custom fields are next changed.',
    body: 'UpdateCustomerFieldRequest',
    success: json(200, data('CustomerField'), 'The field'),
  },
  'customer_fields.destroy': { tag: 'Customers', summary: 'Delete a custom field', description: 'Its values are removed from every customer.', success: noContent('Deleted') },

  'tracking_records.index': {
    tag: 'Customers',
    summary: 'A customer’s tracking records, newest first',
    description: SCOPE_NOTE,
    query: [parameter('Page'), parameter('PerPage')],
    success: json(200, page('TrackingRecord'), 'One page of the timeline'),
  },
  'tracking_records.store': {
    tag: 'Customers',
    summary: 'Log what was done with a customer',
    description:
      `customers.view is enough for a customer you see. The owner defaults to you; another owner must be an active user you may give customers to (422 \`ownerId\`). ` +
      `callId must be a call of your organisation (422 \`callId\`). ${SCOPE_NOTE}`,
    body: 'TrackingRecordRequest',
    success: json(201, data('TrackingRecord'), 'The new record'),
  },
  'tracking_records.update': {
    tag: 'Customers',
    summary: 'Change a tracking record or mark its follow-up done',
    description: `Its author, its owner or a holder of customers.manage may (403 otherwise). ${SCOPE_NOTE}`,
    body: 'UpdateTrackingRecordRequest',
    success: json(200, data('TrackingRecord'), 'The record'),
  },
  'tracking_records.due': {
    tag: 'Customers',
    summary: 'Follow-ups due by the end of today',
    description:
      'Open follow-ups whose time is before the end of today in the organisation’s time zone, overdue ones included, oldest first (at most 500). ' +
      'Yours, or with customers.view_all anyone’s (403 otherwise). Only customers you see count.',
    query: [query('ownerId', { type: 'string', format: 'uuid' }, 'Whose follow-ups (default: yours)')],
    success: json(200, list('DueTrackingRecord'), 'Due follow-ups'),
  },

  'customers.duplicates': {
    tag: 'Customers',
    summary: 'Possible duplicates of a customer',
    description:
      'Customers you see sharing a phone number (compared in E.164, so any way of writing it counts), an e-mail address (case-insensitive) ' +
      `or an ID number with this one, most recently changed first (at most 50). ID numbers are masked without customers.view_ids. ${SCOPE_NOTE}`,
    success: json(200, list('CustomerDuplicate'), 'The possible duplicates and why'),
  },
  'customers.merge': {
    tag: 'Customers',
    summary: 'Merge a duplicate into this customer',
    description:
      'This customer keeps its fields and gains the duplicate’s phones and e-mails it lacks, the union of the tags, the custom-field values, ID number ' +
      'and source it has none of, the duplicate’s notes (appended) and its tracking records. The duplicate is then deleted; its full snapshot is kept ' +
      `(see the merges list). Both customers must be ones you see (404 otherwise); the same id twice is a 422 on \`duplicateId\`. ${SCOPE_NOTE}`,
    body: 'MergeCustomerRequest',
    success: json(200, data('Customer'), 'The kept customer after the merge'),
  },
  'customers.merges': {
    tag: 'Customers',
    summary: 'Customers merged into this one',
    description: `Newest first (at most 200), with who merged them and when. ${SCOPE_NOTE}`,
    success: json(200, list('CustomerMerge'), 'The merges into this customer'),
  },
  'customers.export': {
    tag: 'Customers',
    summary: 'Start an export of the customer list (CSV or XLSX)',
    description:
      'Queues a background job that writes every customer you see matching the filters, in the list’s order: CSV as UTF-8 with a byte-order mark, or XLSX. ' +
      'Columns: name, kind, phones, e-mails, ID number, owner, source, status, tags, notes, created, updated, then one per custom field (its label as header). ' +
      'ID numbers are masked without customers.view_ids; text starting with = + - @, a tab or a carriage return gets a leading apostrophe. ' +
      'The data scope is the one you have when the job runs. Follow it with `GET /api/v1/jobs/{id}` and fetch the file from `GET /api/v1/jobs/{id}/download`.',
    body: 'CustomerExportRequest',
    success: json(202, data('Job'), 'The queued job'),
  },
}
