import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const e164 = { type: 'string', pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164, e.g. +8613800138000' }
const phoneLabel = { type: 'string', enum: ['mobile', 'work', 'home', 'other'] }
const emailLabel = { type: 'string', enum: ['work', 'home', 'other'] }
const addressLabel = { type: 'string', enum: ['home', 'work', 'billing', 'shipping', 'other'] }
const addressPart = nullable({ type: 'string', maxLength: 80 })
const addressFields = {
  label: addressLabel,
  country: nullable({ type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166 alpha-2, e.g. CN' }),
  region: { ...addressPart, description: 'Province or state, e.g. 广东省' },
  city: addressPart,
  district: addressPart,
  street: { type: 'string', minLength: 1, maxLength: 300, description: 'The street line, e.g. 天河路 385 号' },
  postalCode: nullable({ type: 'string', maxLength: 20 }),
}
const kind = { type: 'string', enum: ['person', 'organisation'] }
const status = { type: 'string', enum: ['active', 'inactive'] }
const tags = { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 40 } }
const fieldType = { type: 'string', enum: ['text', 'number', 'date', 'choice', 'multi_choice'], description: 'date values are written YYYY-MM-DD; multi_choice values are arrays of options' }
const fieldKey = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9_]+$' }
const fieldLabel = { type: 'string', minLength: 1, maxLength: 80 }
const options = { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 80 } }
const position = { type: 'integer', minimum: 0, maximum: 1000 }
const customFields = { type: 'object', additionalProperties: true, description: 'Values keyed by custom-field key, checked against the definitions (422 on `customFields.<key>`)' }

const importStatus = { type: 'string', enum: ['uploaded', 'queued', 'running', 'succeeded', 'failed', 'rolling_back', 'rolled_back'] }
const columnMapping = object({
  column: { type: 'integer', minimum: 0, maximum: 1000, description: 'Index of the file column, from 0' },
  target: { type: 'string', pattern: '^(name|kind|phone|email|address|idNumber|owner|source|status|tags|notes|custom:[a-z0-9_]{1,40})$' },
})
const dedupe = object({
  keys: { type: 'array', maxItems: 3, uniqueItems: true, items: { type: 'string', enum: ['phone', 'email', 'idNumber'] } },
  policy: { type: 'string', enum: ['skip', 'update', 'create'], description: 'What a row matching a customer does: skip it, update that customer, or create a duplicate' },
})

const trackingType = { type: 'string', enum: ['call', 'follow_up', 'visit', 'email', 'note'] }
const outcome = nullable({ type: 'string', maxLength: 64 })
const trackingContent = { type: 'string', minLength: 1, maxLength: 4000 }
const followUpAt = nullable({ ...when, description: 'When to follow up; null for none' })

const trackingRecord = {
  id,
  customerId: id,
  type: trackingType,
  outcome,
  content: { type: 'string' },
  callId: nullable(id),
  ownerId: id,
  ownerName: nullable({ type: 'string' }),
  nextFollowUpAt: followUpAt,
  done: { type: 'boolean', description: 'The follow-up was done' },
  createdAt: when,
  createdBy: nullable(id),
  createdByName: nullable({ type: 'string' }),
}

const phone = object({ id, number: e164, raw: { type: 'string', description: 'As it was typed' }, label: phoneLabel })

const customerInput = {
  kind,
  name: { type: 'string', minLength: 1, maxLength: 200, description: 'Free text; Chinese names are kept whole' },
  phones: {
    type: 'array',
    maxItems: 20,
    description: 'Replaces the list when given. Any format; read with the organisation’s default country (422 on `phones.<i>.number`)',
    items: input({ number: { type: 'string', minLength: 1, maxLength: 40 }, label: phoneLabel }, ['number']),
  },
  emails: { type: 'array', maxItems: 20, description: 'Replaces the list when given', items: input({ address: ref('EmailInput'), label: emailLabel }, ['address']) },
  addresses: { type: 'array', maxItems: 10, description: 'Postal addresses; replaces the list when given', items: input(addressFields, ['street']) },
  idNumber: nullable({ type: 'string', maxLength: 64 }),
  ownerId: nullable({ ...id, description: 'Defaults to the acting user on create. Without customers.view_all: yourself or a member of your teams' }),
  source: nullable({ type: 'string', maxLength: 64 }),
  status,
  tags,
  notes: nullable({ type: 'string', maxLength: 10000 }),
  customFields: { ...customFields, description: 'Merged into the current values; null removes a value' },
}

/** Customers and their custom fields (app/crm). */
export const crmSchemas: SchemaMap = {
  Customer: object({
    id,
    kind,
    name: { type: 'string' },
    phones: { type: 'array', items: phone },
    emails: { type: 'array', items: object({ id, address: { type: 'string' }, label: emailLabel }) },
    addresses: { type: 'array', items: object({ id, ...addressFields, country: nullable({ type: 'string', pattern: '^[A-Z]{2}$' }) }) },
    idNumber: nullable({ type: 'string', description: 'Masked (first 3 and last 4 kept) in lists and for users without customers.view_ids' }),
    ownerId: nullable(id),
    ownerName: nullable({ type: 'string' }),
    source: nullable({ type: 'string' }),
    status,
    tags: { type: 'array', items: { type: 'string' } },
    categories: { type: 'array', items: ref('CustomerCategory'), description: 'The category values the customer has, in group order' },
    notes: nullable({ type: 'string' }),
    customFields,
    createdAt: when,
    updatedAt: when,
    createdBy: nullable(id),
    updatedBy: nullable(id),
  }),
  CustomerRequest: input(customerInput, ['name']),
  UpdateCustomerRequest: input(customerInput),
  CustomerMatch: object({
    id,
    name: { type: 'string' },
    phones: { type: 'array', items: phone },
    ownerName: nullable({ type: 'string' }),
    matchedNumber: { ...e164, description: 'The customer’s number that matched' },
  }),
  CustomerField: object({ id, key: fieldKey, label: { type: 'string' }, type: fieldType, options: { type: 'array', items: { type: 'string' } }, required: { type: 'boolean' }, position: { type: 'integer' } }),
  CustomerFieldRequest: input({ key: fieldKey, label: fieldLabel, type: fieldType, options, required: { type: 'boolean' }, position }, ['key', 'label', 'type']),
  UpdateCustomerFieldRequest: input({ label: fieldLabel, options, required: { type: 'boolean' }, position }),
  TrackingRecord: object(trackingRecord),
  DueTrackingRecord: object({ ...trackingRecord, customerName: { type: 'string' } }),
  TrackingRecordRequest: input(
    { type: trackingType, outcome, content: trackingContent, callId: nullable(id), nextFollowUpAt: followUpAt, ownerId: { ...id, description: 'Defaults to you' } },
    ['type', 'content']
  ),
  UpdateTrackingRecordRequest: input({ outcome, content: trackingContent, nextFollowUpAt: followUpAt, done: { type: 'boolean' } }),
  CustomerDuplicate: object({
    id,
    name: { type: 'string' },
    kind,
    status,
    ownerId: nullable(id),
    ownerName: nullable({ type: 'string' }),
    updatedAt: when,
    reasons: { type: 'array', minItems: 1, items: { type: 'string', enum: ['phone', 'email', 'idNumber'] }, description: 'What the two customers share' },
    matchedPhones: { type: 'array', items: e164, description: 'The shared numbers in E.164' },
    matchedEmails: { type: 'array', items: { type: 'string' }, description: 'The duplicate’s shared addresses as written' },
    matchedIdNumber: nullable({ type: 'string', description: 'The shared ID number, masked without customers.view_ids' }),
  }),
  MergeCustomerRequest: input({ duplicateId: { ...id, description: 'The customer that goes into this one and is then deleted' } }, ['duplicateId']),
  CustomerMerge: object({
    id,
    mergedCustomerId: { ...id, description: 'The id the merged customer had' },
    name: { type: 'string', description: 'Its name when it was merged' },
    mergedAt: when,
    mergedBy: nullable(id),
    mergedByName: nullable({ type: 'string' }),
  }),
  CustomerExportRequest: input(
    {
      format: { type: 'string', enum: ['csv', 'xlsx'] },
      search: { type: 'string', maxLength: 100, description: 'As the list’s search' },
      ownerId: id,
      status,
      tag: { type: 'string', minLength: 1, maxLength: 40 },
      segmentId: { ...id, description: 'Only the members of this segment (evaluated when the job runs)' },
      categoryId: { ...id, description: 'Only customers with this category value' },
      sort: { type: 'string', enum: ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'], description: 'As the list’s order (default name)' },
    },
    ['format']
  ),

  CustomerImport: object({
    id,
    fileName: { type: 'string' },
    format: { type: 'string', enum: ['csv', 'xlsx'] },
    encoding: { type: ['string', 'null'], enum: ['utf-8', 'utf-8-bom', 'gb18030', null], description: 'CSV only (null for XLSX); GBK files are read as GB18030' },
    status: importStatus,
    headers: { type: 'array', items: { type: 'string' } },
    sampleRows: { type: 'array', maxItems: 5, items: { type: 'array', items: { type: 'string' } } },
    totalRows: { type: 'integer', minimum: 0, description: 'Data rows (blank rows not counted)' },
    mapping: { type: 'array', items: columnMapping },
    dedupe: dedupe,
    defaultOwnerId: nullable(id),
    progress: object({ done: { type: 'integer', minimum: 0 }, total: { type: 'integer', minimum: 0 }, percent: { type: 'integer', minimum: 0, maximum: 100 } }),
    counts: object({
      created: { type: 'integer', minimum: 0 },
      updated: { type: 'integer', minimum: 0 },
      skipped: { type: 'integer', minimum: 0 },
      failed: { type: 'integer', minimum: 0 },
      kept: { type: 'integer', minimum: 0, description: 'Customers a rollback left as they were, because they changed after the import' },
    }),
    jobId: nullable(id),
    error: nullable({ type: 'string', description: 'Why a failed import stopped' }),
    canResume: { type: 'boolean' },
    canRollback: { type: 'boolean' },
    reportAvailable: { type: 'boolean' },
    createdAt: when,
    finishedAt: nullable(when),
    createdBy: id,
    createdByName: nullable({ type: 'string' }),
  }),
  CustomerImportUpload: {
    ...input({ file: { type: 'string', contentMediaType: 'text/csv', description: 'CSV, TXT or XLSX, at most 200 MB' } }, ['file']),
    description: 'multipart/form-data fields',
  },
  UpdateCustomerImportRequest: input({
    mapping: { type: 'array', maxItems: 1000, items: columnMapping },
    dedupe,
    defaultOwnerId: nullable(id),
    encoding: { type: 'string', enum: ['utf-8', 'utf-8-bom', 'gb18030'] },
  }),
  CustomerImportPreview: object({
    rows: {
      type: 'array',
      items: object({
        row: { type: 'integer', minimum: 2, description: 'As a spreadsheet numbers it (the header is row 1)' },
        action: { type: 'string', enum: ['create', 'update', 'skip', 'fail'] },
        values: { type: 'object', additionalProperties: { type: 'string' }, description: 'The row’s text per target' },
        errors: { type: 'array', items: object({ field: { type: 'string' }, message: { type: 'string' } }) },
        matchedCustomerId: nullable(id),
      }),
    },
    summary: object({ create: { type: 'integer' }, update: { type: 'integer' }, skip: { type: 'integer' }, fail: { type: 'integer' } }),
  }),
}
