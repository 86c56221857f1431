import { data, json, list, noContent, type OperationMap } from '#platform/openapi/spec'

const SCOPE_NOTE = 'Counts and members are limited to the customers you see (own and your teams’, or all with customers.view_all).'

/** Customer classification: category groups and values, a customer's values, segments and bulk re-classification (app/crm). */
export const crmClassificationOperations: OperationMap = {
  'customer_category_groups.index': {
    tag: 'Customers',
    summary: 'Category groups with their values',
    description: 'Groups and values in display order (position, then name).',
    success: json(200, list('CategoryGroup'), 'The organisation’s category groups'),
  },
  'customer_category_groups.store': {
    tag: 'Customers',
    summary: 'Define a category group',
    description: 'E.g. “Grade” (exclusive: A / B / C), “Industry”, “VIP”. Names are unique ignoring case (422 `name`; a value listed twice is 422 `values.<i>.name`).',
    body: 'CategoryGroupRequest',
    success: json(201, data('CategoryGroup'), 'The new group with its values'),
  },
  'customer_category_groups.update': {
    tag: 'Customers',
    summary: 'Change a category group',
    description: 'Making a group exclusive is refused (422 `exclusive`) while a customer still has more than one of its values.',
    body: 'UpdateCategoryGroupRequest',
    success: json(200, data('CategoryGroup'), 'The group'),
  },
  'customer_category_groups.destroy': { tag: 'Customers', summary: 'Delete a category group', description: 'Its values go too, and customers lose them.', success: noContent('Deleted') },
  'customer_category_values.store': {
    tag: 'Customers',
    summary: 'Add a value to a category group',
    description: 'Names are unique in the group ignoring case (422 `name`). Without a position the value goes last.',
    body: 'CategoryValueRequest',
    success: json(201, data('CategoryValue'), 'The new value'),
  },
  'customer_category_values.update': {
    tag: 'Customers',
    summary: 'Rename, recolour or move a category value',
    description: 'A value stays in its group.',
    body: 'UpdateCategoryValueRequest',
    success: json(200, data('CategoryValue'), 'The value'),
  },
  'customer_category_values.destroy': {
    tag: 'Customers',
    summary: 'Delete a category value',
    description: 'Customers lose it; segment conditions naming it then match nobody on that value.',
    success: noContent('Deleted'),
  },
  'customers.categories': {
    tag: 'Customers',
    summary: 'Set the category values of a customer',
    description:
      'Replaces the customer’s values with exactly these (an empty list removes all). An id that is not one of your organisation’s values is a 422 on `valueIds.<i>`; ' +
      'two values of one exclusive group are a 422 on the second. Emits `customer.classified` when something changed. The customer must be one you see (404 otherwise).',
    body: 'CustomerCategoriesRequest',
    success: json(200, data('Customer'), 'The customer with its categories'),
  },
  'customer_segments.index': {
    tag: 'Customers',
    summary: 'Segments with their live member counts',
    description: `Segments are shared in the organisation. Members are computed from the rules at each request. ${SCOPE_NOTE} List the members with \`GET /api/v1/customers?segmentId=…\`.`,
    success: json(200, list('Segment'), 'Segments by name'),
  },
  'customer_segments.show': { tag: 'Customers', summary: 'One segment with its live member count', description: SCOPE_NOTE, success: json(200, data('Segment'), 'The segment') },
  'customer_segments.preview': {
    tag: 'Customers',
    summary: 'Count the customers some rules would match',
    description: `Checks the rules exactly like saving a segment does (same 422s) without saving anything. ${SCOPE_NOTE}`,
    body: 'SegmentPreviewRequest',
    success: json(200, data('SegmentPreview'), 'The count and the rules as they would be stored'),
  },
  'customer_segments.store': {
    tag: 'Customers',
    summary: 'Save a segment',
    description: 'A named set of rules over status, kind, owner, tags, category values, source, dates, custom fields and contact details. Names are unique ignoring case (422 `name`). Rules are stored normalised.',
    body: 'SegmentRequest',
    success: json(201, data('Segment'), 'The new segment'),
  },
  'customer_segments.update': {
    tag: 'Customers',
    summary: 'Change a segment',
    description: 'Given rules replace the old ones.',
    body: 'UpdateSegmentRequest',
    success: json(200, data('Segment'), 'The segment'),
  },
  'customer_segments.destroy': { tag: 'Customers', summary: 'Delete a segment', description: 'Customers are not touched.', success: noContent('Deleted') },
  'customers.reclassify': {
    tag: 'Customers',
    summary: 'Re-classify many customers at once (background job)',
    description:
      'Applies the changes (add or remove category values and tags, set the status) to every customer matching the segment and/or the list’s filters among those you see when the job starts, ' +
      'in batches of 500, each re-checking your data scope. Only real changes count: each changed customer gets one `customer.classified` event (values) and/or one `customer.updated` event (tags, status), ' +
      'and each batch one operation-log row listing the customers. A segment of another organisation answers 404; an unknown value, an exclusive clash or something both added and removed is a 422 on its field; ' +
      'no change at all is a 422 on `changes`. Follow it with `GET /api/v1/jobs/{id}`; its result holds `matched`, `reached` and `changed`.',
    body: 'ReclassifyRequest',
    success: json(202, data('Job'), 'The queued job'),
    errors: [404],
  },
}
