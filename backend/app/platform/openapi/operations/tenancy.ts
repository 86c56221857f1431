import { data, json, list, noContent, type OperationMap } from '#platform/openapi/spec'

/** Signup, organisation settings and trusted certificate authorities (app/tenancy/controllers). */
export const tenancyOperations: OperationMap = {
  'tenant.signup': {
    tag: 'Organisation',
    summary: 'Create an organisation and its first administrator',
    description: 'Signs the new tenant administrator in: the answer is a session like the login’s. A taken slug answers 422 on `slug`.',
    body: 'SignupRequest',
    success: json(201, data('Session'), 'The organisation exists and its administrator is signed in'),
    errors: [503],
  },
  'tenant.show': { tag: 'Organisation', summary: 'Your organisation', success: json(200, data('Tenant'), 'The organisation') },
  'tenant.update': {
    tag: 'Organisation',
    summary: 'Change the organisation’s settings',
    body: 'UpdateTenantRequest',
    success: json(200, data('Tenant'), 'The changed organisation'),
  },
  'certificate_authorities.index': {
    tag: 'Organisation',
    summary: 'Trusted certificate authorities',
    success: json(200, list('CertificateAuthority'), 'The CAs whose certificates may sign in'),
  },
  'certificate_authorities.store': {
    tag: 'Organisation',
    summary: 'Trust a certificate authority for certificate sign-in',
    body: 'CertificateAuthorityRequest',
    success: json(201, data('CertificateAuthority'), 'The trusted CA'),
    errors: [409],
  },
  'certificate_authorities.destroy': {
    tag: 'Organisation',
    summary: 'Stop trusting a certificate authority',
    description: 'Certificates it signed no longer sign in.',
    success: noContent('Removed'),
  },
}
