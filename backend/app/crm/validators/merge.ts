import vine from '@vinejs/vine'

/** Which customer goes into the one named by the URL. */
export const mergeCustomerValidator = vine.create({ duplicateId: vine.string().uuid() })
