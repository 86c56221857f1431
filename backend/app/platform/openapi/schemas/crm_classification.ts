import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const groupName = { type: 'string', minLength: 1, maxLength: 80 }
const valueName = { type: 'string', minLength: 1, maxLength: 80 }
const colour = { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', description: 'A hex colour, e.g. #fa8c16 (stored lower-case; default #1677ff)' }
const position = { type: 'integer', minimum: 0, maximum: 1000 }
const valueIds = { type: 'array', maxItems: 50, uniqueItems: true, items: id }
const tags = { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 40 } }
const status = { type: 'string', enum: ['active', 'inactive'] }

const FIELDS = ['status', 'kind', 'owner', 'tags', 'category', 'source', 'createdAt', 'updatedAt', 'customField', 'hasPhone', 'hasEmail']
const OPERATORS = ['is', 'isNot', 'in', 'notIn', 'hasAny', 'hasAll', 'hasNone', 'equals', 'contains', 'greaterThan', 'lessThan', 'before', 'after', 'between', 'withinLastDays', 'empty', 'notEmpty']

const CONDITION_NOTE = [
  'Operators and values per field:',
  'status, kind: is / isNot with one value;',
  'owner: in / notIn with user ids, empty / notEmpty;',
  'tags: hasAny / hasAll / hasNone with tags, empty / notEmpty;',
  'category: hasAny / hasAll / hasNone with category value ids;',
  'source: equals / contains with text, in with a list, empty / notEmpty;',
  'createdAt, updatedAt: before / after a date (YYYY-MM-DD, in the organisation’s time zone), between `{ from, to }` (both days included), withinLastDays with 1–3650;',
  'hasPhone, hasEmail: is with true or false;',
  'customField (with `key`): text equals / contains; number equals / greaterThan / lessThan; date equals / before / after / between; ' +
    'choice equals / in (options); multi_choice contains (one option) / in (any of the options); every type empty / notEmpty.',
  'A wrong combination is a 422 naming the place, e.g. `rules.conditions.2.value` or `rules.conditions.0.value.1`.',
].join(' ')

const condition = {
  type: 'object',
  required: ['field', 'operator'],
  additionalProperties: false,
  description: CONDITION_NOTE,
  properties: {
    field: { type: 'string', enum: FIELDS },
    operator: { type: 'string', enum: OPERATORS },
    key: { type: 'string', minLength: 1, maxLength: 40, description: 'The custom field’s key (field customField only)' },
    value: { description: 'A string, number, boolean, list, or `{ from, to }`, by field and operator; absent for empty / notEmpty' },
  },
}

const rules = object({ match: { type: 'string', enum: ['all', 'any'], description: 'Every condition, or at least one; no conditions matches every customer' }, conditions: { type: 'array', maxItems: 30, items: ref('SegmentCondition') } })

const categoryValue = { id, groupId: id, name: { type: 'string' }, colour: { type: 'string' }, position: { type: 'integer' } }

/** Customer classification: category groups and values, segments and bulk re-classification (app/crm). */
export const crmClassificationSchemas: SchemaMap = {
  CustomerCategory: object({ id: { ...id, description: 'The category value' }, name: { type: 'string' }, colour: { type: 'string' }, groupId: id, groupName: { type: 'string' } }),
  CategoryValue: object(categoryValue),
  CategoryGroup: object({
    id,
    name: { type: 'string' },
    description: nullable({ type: 'string' }),
    exclusive: { type: 'boolean', description: 'A customer has at most one value of an exclusive group' },
    position: { type: 'integer' },
    values: { type: 'array', items: ref('CategoryValue') },
    createdAt: when,
    updatedAt: when,
  }),
  CategoryGroupRequest: input(
    {
      name: { ...groupName, description: 'Unique in the organisation, ignoring case (422 `name` unique)' },
      description: nullable({ type: 'string', maxLength: 500 }),
      exclusive: { type: 'boolean' },
      position,
      values: { type: 'array', maxItems: 100, description: 'The first values, in order', items: input({ name: valueName, colour }, ['name']) },
    },
    ['name']
  ),
  UpdateCategoryGroupRequest: input({ name: groupName, description: nullable({ type: 'string', maxLength: 500 }), exclusive: { type: 'boolean' }, position }),
  CategoryValueRequest: input({ name: { ...valueName, description: 'Unique in its group, ignoring case' }, colour, position }, ['name']),
  UpdateCategoryValueRequest: input({ name: valueName, colour, position }),
  CustomerCategoriesRequest: input({ valueIds: { ...valueIds, description: 'Every value the customer is to have; at most one per exclusive group' } }, ['valueIds']),
  SegmentCondition: condition,
  SegmentRules: rules,
  Segment: object({
    id,
    name: { type: 'string' },
    description: nullable({ type: 'string' }),
    rules: ref('SegmentRules'),
    memberCount: { type: 'integer', minimum: 0, description: 'Customers matching now, among those you see' },
    createdBy: nullable(id),
    createdByName: nullable({ type: 'string' }),
    createdAt: when,
    updatedAt: when,
  }),
  SegmentRequest: input({ name: { type: 'string', minLength: 1, maxLength: 120 }, description: nullable({ type: 'string', maxLength: 1000 }), rules: ref('SegmentRules') }, ['name', 'rules']),
  UpdateSegmentRequest: input({ name: { type: 'string', minLength: 1, maxLength: 120 }, description: nullable({ type: 'string', maxLength: 1000 }), rules: ref('SegmentRules') }),
  SegmentPreviewRequest: input({ rules: ref('SegmentRules') }, ['rules']),
  SegmentPreview: object({ memberCount: { type: 'integer', minimum: 0 }, rules: ref('SegmentRules') }),
  ReclassifyRequest: input(
    {
      segmentId: { ...id, description: 'Only this segment’s members' },
      filters: input({
        search: { type: 'string', maxLength: 100 },
        ownerId: id,
        status,
        tag: { type: 'string', minLength: 1, maxLength: 40 },
        categoryId: id,
      }),
      changes: input({
        addCategoryIds: { ...valueIds, description: 'A value of an exclusive group replaces the customer’s other value of that group' },
        removeCategoryIds: valueIds,
        addTags: tags,
        removeTags: tags,
        status,
      }),
    },
    ['changes']
  ),
}
