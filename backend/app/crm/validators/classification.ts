import vine from '@vinejs/vine'
import { SEGMENT_FIELDS, SEGMENT_OPERATORS } from '#crm/queries/segment_rules'

const groupName = () => vine.string().trim().minLength(1).maxLength(80)
const valueName = () => vine.string().trim().minLength(1).maxLength(80)
const description = (max: number) => vine.string().trim().maxLength(max).nullable()
const position = () => vine.number().withoutDecimals().min(0).max(1000)
const colour = () => vine.string().trim().toLowerCase().regex(/^#[0-9a-f]{6}$/)
const valueIds = () => vine.array(vine.string().uuid()).maxLength(50).distinct()
const tags = () => vine.array(vine.string().trim().minLength(1).maxLength(40)).maxLength(50).distinct()

/** A new category group, optionally with its first values. */
export const categoryGroupValidator = vine.create({
  name: groupName(),
  description: description(500).optional(),
  exclusive: vine.boolean().optional(),
  position: position().optional(),
  values: vine.array(vine.object({ name: valueName(), colour: colour().optional() })).maxLength(100).optional(),
})

/** Changes to a category group. */
export const updateCategoryGroupValidator = vine.create({
  name: groupName().optional(),
  description: description(500).optional(),
  exclusive: vine.boolean().optional(),
  position: position().optional(),
})

/** A new value of a category group. */
export const categoryValueValidator = vine.create({ name: valueName(), colour: colour().optional(), position: position().optional() })

/** Changes to a category value; it stays in its group. */
export const updateCategoryValueValidator = vine.create({ name: valueName().optional(), colour: colour().optional(), position: position().optional() })

/** The complete set of category values a customer has. */
export const customerCategoriesValidator = vine.create({ valueIds: valueIds() })

/** The shape of segment rules; what each field and operator accepts is checked by the segment actions. */
const rules = () =>
  vine.object({
    match: vine.enum(['all', 'any'] as const),
    conditions: vine
      .array(
        vine.object({
          field: vine.enum(SEGMENT_FIELDS),
          operator: vine.enum(SEGMENT_OPERATORS),
          key: vine.string().trim().minLength(1).maxLength(40).optional(),
          value: vine.any().nullable().optional(),
        })
      )
      .maxLength(30),
  })

/** A new segment. */
export const segmentValidator = vine.create({ name: vine.string().trim().minLength(1).maxLength(120), description: description(1000).optional(), rules: rules() })

/** Changes to a segment; given rules replace the old ones. */
export const updateSegmentValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120).optional(),
  description: description(1000).optional(),
  rules: rules().optional(),
})

/** Rules to count before saving them (the rule builder's live count). */
export const segmentPreviewValidator = vine.create({ rules: rules() })

const LIST_FILTERS = {
  search: vine.string().trim().maxLength(100).optional(),
  ownerId: vine.string().uuid().optional(),
  status: vine.enum(['active', 'inactive'] as const).optional(),
  tag: vine.string().trim().minLength(1).maxLength(40).optional(),
  categoryId: vine.string().uuid().optional(),
}

/**
 * A bulk re-classification: which customers (a segment's members, or the list's filters; the
 * starter's scope always applies) and what to change on each of them.
 */
export const reclassifyValidator = vine.create({
  segmentId: vine.string().uuid().optional(),
  filters: vine.object(LIST_FILTERS).optional(),
  changes: vine.object({
    addCategoryIds: valueIds().optional(),
    removeCategoryIds: valueIds().optional(),
    addTags: tags().optional(),
    removeTags: tags().optional(),
    status: vine.enum(['active', 'inactive'] as const).optional(),
  }),
})
