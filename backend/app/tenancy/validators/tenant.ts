import vine from '@vinejs/vine'
import { country, displayName, email, locale, password, tenantSlug, timeZone } from '#shared/rules'

/** Self-service signup: the organisation and its first administrator. */
export const signupValidator = vine.create({
  organisationName: vine.string().trim().minLength(2).maxLength(120),
  slug: tenantSlug(),
  timeZone: timeZone(),
  locale: locale(),
  defaultCountry: country().optional(),
  adminName: displayName(),
  adminEmail: email(),
  password: password(),
})

/** Tenant settings a tenant admin may change. */
export const updateTenantValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120).optional(),
  timeZone: timeZone().optional(),
  locale: locale().optional(),
  defaultCountry: country().optional(),
  /** Exact origins (checked and normalised by the action, like a web-call widget's allowed origins). */
  callBarEmbedOrigins: vine.array(vine.string().trim().maxLength(200)).maxLength(20).optional(),
})

/** A trusted CA certificate for certificate login. */
export const certificateAuthorityValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  pem: vine.string().trim().maxLength(20000).regex(/-----BEGIN CERTIFICATE-----/),
})
