import vine from '@vinejs/vine'

const TARGET = /^(name|kind|phone|email|address|idNumber|owner|source|status|tags|notes|custom:[a-z0-9_]{1,40})$/

/** The wizard's choices for an uploaded import. */
export const updateImportValidator = vine.create({
  mapping: vine
    .array(vine.object({ column: vine.number().withoutDecimals().min(0).max(1000), target: vine.string().trim().regex(TARGET) }))
    .maxLength(1000)
    .optional(),
  dedupe: vine
    .object({
      keys: vine.array(vine.enum(['phone', 'email', 'idNumber'] as const)).maxLength(3).distinct(),
      policy: vine.enum(['skip', 'update', 'create'] as const),
    })
    .optional(),
  defaultOwnerId: vine.string().uuid().nullable().optional(),
  encoding: vine.enum(['utf-8', 'utf-8-bom', 'gb18030'] as const).optional(),
})
