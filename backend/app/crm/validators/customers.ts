import vine from '@vinejs/vine'
import { page, perPage } from '#shared/rules'

const PHONE_LABELS = ['mobile', 'work', 'home', 'other'] as const
const EMAIL_LABELS = ['work', 'home', 'other'] as const
const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'multi_choice'] as const

const name = () => vine.string().trim().minLength(1).maxLength(200)
const phones = () => vine.array(vine.object({ number: vine.string().trim().minLength(1).maxLength(40), label: vine.enum(PHONE_LABELS).optional() })).maxLength(20)
const emails = () => vine.array(vine.object({ address: vine.string().trim().email().maxLength(254), label: vine.enum(EMAIL_LABELS).optional() })).maxLength(20)
const ADDRESS_LABELS = ['home', 'work', 'billing', 'shipping', 'other'] as const
const addressPart = () => vine.string().trim().maxLength(80).nullable().optional()
const addresses = () =>
  vine
    .array(
      vine.object({
        label: vine.enum(ADDRESS_LABELS).optional(),
        country: vine.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).nullable().optional(),
        region: addressPart(),
        city: addressPart(),
        district: addressPart(),
        street: vine.string().trim().minLength(1).maxLength(300),
        postalCode: vine.string().trim().maxLength(20).nullable().optional(),
      })
    )
    .maxLength(10)
const tag = () => vine.string().trim().minLength(1).maxLength(40)

/** Every customer field but the name, all optional (the name is required on create). */
const customerFields = () => ({
  kind: vine.enum(['person', 'organisation'] as const).optional(),
  phones: phones().optional(),
  emails: emails().optional(),
  addresses: addresses().optional(),
  idNumber: vine.string().trim().maxLength(64).nullable().optional(),
  ownerId: vine.string().uuid().nullable().optional(),
  source: vine.string().trim().maxLength(64).nullable().optional(),
  status: vine.enum(['active', 'inactive'] as const).optional(),
  tags: vine.array(tag()).maxLength(50).distinct().optional(),
  notes: vine.string().trim().maxLength(10000).nullable().optional(),
  customFields: vine.record(vine.any().nullable()).optional(),
})

/** A new customer. */
export const createCustomerValidator = vine.create({ name: name(), ...customerFields() })

/** Changes to a customer; phones and e-mails replace the lists when given. */
export const updateCustomerValidator = vine.create({ name: name().optional(), ...customerFields() })

/** Filters, order and page of the customer list. */
export const customerListValidator = vine.create({
  search: vine.string().trim().maxLength(100).optional(),
  ownerId: vine.string().uuid().optional(),
  status: vine.enum(['active', 'inactive'] as const).optional(),
  tag: tag().optional(),
  segmentId: vine.string().uuid().optional(),
  categoryId: vine.string().uuid().optional(),
  sort: vine.enum(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const).optional(),
  page: page(),
  perPage: perPage(),
})

/** The caller number of the screen pop. */
export const customerMatchValidator = vine.create({ number: vine.string().trim().minLength(3).maxLength(40) })

const fieldLabel = () => vine.string().trim().minLength(1).maxLength(80)
const options = () => vine.array(vine.string().trim().minLength(1).maxLength(80)).maxLength(100).distinct()
const position = () => vine.number().withoutDecimals().min(0).max(1000)

/** A new custom field of customers. */
export const customerFieldValidator = vine.create({
  key: vine.string().trim().minLength(1).maxLength(40).regex(/^[a-z0-9_]+$/),
  label: fieldLabel(),
  type: vine.enum(FIELD_TYPES),
  options: options().optional(),
  required: vine.boolean().optional(),
  position: position().optional(),
})

/** Changes to a custom field; its key and type stay. */
export const updateCustomerFieldValidator = vine.create({
  label: fieldLabel().optional(),
  options: options().optional(),
  required: vine.boolean().optional(),
  position: position().optional(),
})
