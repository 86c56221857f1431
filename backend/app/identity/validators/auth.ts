import vine from '@vinejs/vine'
import { displayName, email, locale, password, tenantSlug } from '#shared/rules'

/** Password login into one organisation. */
export const loginValidator = vine.create({
  tenant: tenantSlug(),
  email: email(),
  password: vine.string().maxLength(128),
  otp: vine.string().trim().regex(/^\d{6}$/).optional(),
})

/** Certificate login: the organisation whose CAs judge the presented certificate. */
export const certificateLoginValidator = vine.create({
  tenant: tenantSlug(),
  otp: vine.string().trim().regex(/^\d{6}$/).optional(),
})

export const forgotPasswordValidator = vine.create({
  tenant: tenantSlug(),
  email: email(),
})

export const resetPasswordValidator = vine.create({
  token: vine.string().trim().minLength(20).maxLength(300),
  password: password(),
})

export const mfaCodeValidator = vine.create({
  code: vine.string().trim().regex(/^\d{6}$/),
})

export const updateProfileValidator = vine.create({
  displayName: displayName().optional(),
  locale: locale().optional(),
})
