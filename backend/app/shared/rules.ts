import vine from '@vinejs/vine'

/** Shared rule factories for validators across domains. */
export const TIME_ZONES = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])]
export const LOCALES = ['en', 'zh-CN'] as const

export const email = () => vine.string().trim().email().maxLength(254)
export const password = () => vine.string().minLength(10).maxLength(128)
export const displayName = () => vine.string().trim().minLength(1).maxLength(120)
export const timeZone = () => vine.string().in(TIME_ZONES)
export const locale = () => vine.enum(LOCALES)
export const country = () => vine.string().trim().toUpperCase().regex(/^[A-Z]{2}$/)
export const id = () => vine.string().uuid()
export const ids = () => vine.array(vine.string().uuid()).maxLength(500).distinct()
export const tenantSlug = () =>
  vine.string().trim().toLowerCase().minLength(3).maxLength(40).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
export const page = () => vine.number().withoutDecimals().min(1).max(100000).optional()
export const perPage = () => vine.number().withoutDecimals().min(1).max(200).optional()
