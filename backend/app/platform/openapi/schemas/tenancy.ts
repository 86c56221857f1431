import { input, object, ref, type Schema, type SchemaMap } from '#platform/openapi/spec'

/** Properties of TenantResource; the platform's tenant rows add a user count to the same fields. */
export const tenantProperties: Record<string, Schema> = {
  id: ref('Uuid'),
  slug: { type: 'string', description: 'The organisation address used at sign-in' },
  name: { type: 'string' },
  timeZone: { type: 'string', description: 'An IANA time zone name' },
  locale: ref('Locale'),
  defaultCountry: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
  status: { type: 'string', enum: ['active', 'suspended'] },
  callBarEmbedOrigins: {
    type: 'array',
    items: { type: 'string' },
    description: 'Exact origins of third-party pages (a CRM) that may frame the call bar at /embed/{slug}/callbar and drive it through the agent SDK',
  },
  createdAt: ref('Timestamp'),
}

const country = { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 (upper-cased)' }
const organisationName = { type: 'string', minLength: 2, maxLength: 120 }

/** Resources and request bodies of the tenancy domain (app/tenancy/validators/tenant.ts). */
export const tenancySchemas: SchemaMap = {
  Tenant: object(tenantProperties),
  CertificateAuthority: object({
    id: ref('Uuid'),
    name: { type: 'string' },
    subject: { type: 'string', description: 'Subject of the CA certificate, comma-separated' },
    fingerprint: { type: 'string', description: 'SHA-256 fingerprint, colon-separated hex' },
    notAfter: ref('Timestamp'),
    createdAt: ref('Timestamp'),
  }),
  SignupRequest: input(
    {
      organisationName,
      slug: ref('TenantSlug'),
      timeZone: ref('TimeZone'),
      locale: ref('Locale'),
      defaultCountry: { ...country, description: 'Defaults to CN for zh-CN and US otherwise' },
      adminName: ref('DisplayName'),
      adminEmail: ref('EmailInput'),
      password: ref('NewPassword'),
    },
    ['organisationName', 'slug', 'timeZone', 'locale', 'adminName', 'adminEmail', 'password']
  ),
  UpdateTenantRequest: input({
    name: organisationName,
    timeZone: ref('TimeZone'),
    locale: ref('Locale'),
    defaultCountry: country,
    callBarEmbedOrigins: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string', maxLength: 200 },
      description: 'Exact http(s) origins (no path, no wildcard); a bad one answers 422 on `callBarEmbedOrigins.<index>`',
    },
  }),
  CertificateAuthorityRequest: input(
    {
      name: { type: 'string', minLength: 1, maxLength: 120 },
      pem: { type: 'string', maxLength: 20000, pattern: '-----BEGIN CERTIFICATE-----', description: 'A PEM CA certificate (basicConstraints CA:TRUE, not expired)' },
    },
    ['name', 'pem']
  ),
}
