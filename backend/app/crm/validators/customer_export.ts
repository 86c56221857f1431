import vine from '@vinejs/vine'

/** A customer export: its file format and the list's filters and order. */
export const customerExportValidator = vine.create({
  format: vine.enum(['csv', 'xlsx'] as const),
  search: vine.string().trim().maxLength(100).optional(),
  ownerId: vine.string().uuid().optional(),
  status: vine.enum(['active', 'inactive'] as const).optional(),
  tag: vine.string().trim().minLength(1).maxLength(40).optional(),
  segmentId: vine.string().uuid().optional(),
  categoryId: vine.string().uuid().optional(),
  sort: vine.enum(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const).optional(),
})
