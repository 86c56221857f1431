import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'

/**
 * A phone number as people type it (`(415) 555-0100`, `+86 138 0013 8000`) in E.164, read with
 * the organisation's default country when it has no `+`; an invalid number is a 422 on `field`.
 */
export function toE164(input: string, defaultCountry: string | null, field: string): string {
  let parsed
  try {
    parsed = parsePhoneNumberWithError(input, (defaultCountry || undefined) as CountryCode | undefined)
  } catch {
    throw new FieldError(field, 'phoneNumber', 'This is not a phone number')
  }
  if (!parsed.isValid()) throw new FieldError(field, 'phoneNumber', 'This phone number is not valid')
  return parsed.number
}

/** The organisation's default country (ISO 3166 alpha-2), used to read national numbers. */
export async function defaultCountryOf(scope: Pick<TenantScope, 'tenantId' | 'trx'>): Promise<string | null> {
  const row = await scope.trx.from('tenants').where('id', scope.tenantId).select('default_country').first()
  return row?.default_country?.trim() || null
}
