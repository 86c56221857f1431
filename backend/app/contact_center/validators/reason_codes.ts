import vine from '@vinejs/vine'

const label = () => vine.string().trim().minLength(1).maxLength(64)
const position = () => vine.number().withoutDecimals().min(0).max(1000)

/** A new not-ready reason code. */
export const reasonCodeValidator = vine.create({
  code: vine.string().trim().minLength(1).maxLength(32).regex(/^[a-z0-9_]+$/),
  label: label(),
  active: vine.boolean().optional(),
  position: position().optional(),
})

/** Changes to a reason code; its code is its identity in the state history, so it stays. */
export const updateReasonCodeValidator = vine.create({
  label: label().optional(),
  active: vine.boolean().optional(),
  position: position().optional(),
})
