import { data, json, list, noContent, page, parameter, query, type OperationMap } from '#platform/openapi/spec'

const SCOPE_NOTE =
  'A user sees the customers they own and those owned by members of the teams they belong to or supervise; `customers.view_all` shows every customer. ' +
  'A customer outside that scope answers 404.'

const IMPORT_NOTE = 'You see the imports you started; with customers.view_all every import of the organisation. Others answer 404.'

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
      query('segmentId', { type: 'string', format: 'uuid' }, 'Only the members of this segment (its rules computed now; 404 for an unknown segment)'),
      query('categoryId', { type: 'string', format: 'uuid' }, 'Only customers with this category value'),
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

  'customer_imports.index': {
    tag: 'Customers',
    summary: 'Recent customer imports',
    description: `${IMPORT_NOTE} The 50 newest, newest first.`,
    success: json(200, list('CustomerImport'), 'Imports'),
  },
  'customer_imports.store': {
    tag: 'Customers',
    summary: 'Upload a file to import customers from (multipart/form-data: file)',
    description:
      'CSV (comma, semicolon or tab separated; UTF-8 with or without byte-order mark, or GBK/GB18030 as Chinese Excel saves it — detected from the bytes) or XLSX ' +
      '(first worksheet), at most 200 MB and 1,000,000 data rows; the first row names the columns. Answers the import with the header, five sample rows, ' +
      'the number of data rows and a proposed mapping: the one last saved for files with the same columns, else a guess from the header names ' +
      '(English and Chinese). 422 on `file` for a missing, empty, unreadable or too large file, an old .xls workbook or a file without a header row.',
    multipart: 'CustomerImportUpload',
    success: json(201, data('CustomerImport'), 'The uploaded import'),
    errors: [422],
  },
  'customer_imports.show': { tag: 'Customers', summary: 'One import, with its progress', description: `${IMPORT_NOTE} Poll this while it runs.`, success: json(200, data('CustomerImport'), 'The import') },
  'customer_imports.update': {
    tag: 'Customers',
    summary: 'Choose the mapping, dedupe policy, default owner or encoding of an uploaded import',
    description:
      'Only while `uploaded` (409 later). The mapping names, per file column, what it becomes: name (required, once), kind, phone, email and address (several columns allowed; an address column is the street line), ' +
      'idNumber, owner (the owner’s e-mail), source, status, tags (split on , ; ， ； 、), notes or `custom:<key>`. A saved mapping and dedupe choice is remembered ' +
      'for files with the same columns. Changing the encoding re-reads the header and samples.',
    body: 'UpdateCustomerImportRequest',
    success: json(200, data('CustomerImport'), 'The import'),
    errors: [409],
  },
  'customer_imports.preview': {
    tag: 'Customers',
    summary: 'What the import would do with its first 100 rows',
    description: 'Reads the rows with the current mapping and dedupe policy against the customers as they are now; writes nothing.',
    success: json(200, data('CustomerImportPreview'), 'The rows with their action and errors'),
  },
  'customer_imports.run': {
    tag: 'Customers',
    summary: 'Start the import',
    description:
      'Queues a background job that works through the file in batches of 500 rows, each batch committed with its journal rows and the checkpoint. ' +
      'Rows with errors are reported, not written; with the skip or update policy a row whose phone, e-mail or ID number (the chosen keys) matches a customer ' +
      'is skipped or updates it (new phones, e-mails and tags are added; given fields overwrite); a customer outside your data scope is never updated. ' +
      '409 unless `uploaded`.',
    success: json(202, data('CustomerImport'), 'The queued import'),
    errors: [409],
  },
  'customer_imports.resume': {
    tag: 'Customers',
    summary: 'Resume a failed import after its last committed row',
    success: json(202, data('CustomerImport'), 'The queued import'),
    errors: [409],
  },
  'customer_imports.rollback': {
    tag: 'Customers',
    summary: 'Undo a finished or failed import',
    description:
      'Queues a job that deletes the customers the import created and restores the ones it updated, newest row first; a customer changed by someone after the ' +
      'import is kept as it is and counted in `counts.kept`. 409 unless the import succeeded or failed.',
    success: json(202, data('CustomerImport'), 'The import, rolling back'),
    errors: [409],
  },
  'customer_imports.report': {
    tag: 'Customers',
    summary: 'The row-by-row report of a finished import (CSV)',
    description: 'UTF-8 with byte-order mark: Row (as a spreadsheet numbers it), Action (failed or skipped), Errors (field: reason), then the row’s original cells. 409 while the import runs.',
    success: { status: 200, media: 'text/csv', description: 'The report (attachment)' },
    errors: [409],
  },
}
