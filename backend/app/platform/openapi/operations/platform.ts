import { data, json, list, page, parameter, query, ref, type OperationMap } from '#platform/openapi/spec'

/** The operators' console, the development mailbox and the API's own meta routes. */
export const platformOperations: OperationMap = {
  'platform.login': {
    tag: 'Platform',
    summary: 'Sign in as a platform operator',
    description: 'Answers a `ccp1.` token for the platform routes; tenant routes do not accept it.',
    body: 'OperatorLoginRequest',
    success: json(200, data('OperatorSession'), 'Signed in'),
    errors: [401, 503],
  },
  'platform.tenants': {
    tag: 'Platform',
    summary: 'List tenants with their user counts, newest first',
    query: [query('search', { type: 'string', maxLength: 120 }, 'Part of the name or slug'), parameter('Page'), parameter('PerPage')],
    success: json(200, page('PlatformTenant'), 'A page of tenants (25 per page unless perPage says otherwise)'),
  },
  'platform.tenants_suspend': {
    tag: 'Platform',
    summary: 'Suspend a tenant',
    description: 'Signs every user of the tenant out at once and blocks new sign-ins.',
    success: json(200, data('Tenant'), 'The suspended tenant'),
    errors: [409],
  },
  'platform.tenants_reactivate': {
    tag: 'Platform',
    summary: 'Reactivate a suspended tenant',
    success: json(200, data('Tenant'), 'The active tenant'),
    errors: [409],
  },
  'dev.mailbox': {
    tag: 'Development',
    summary: 'Mails the development mailer kept (not routed in production)',
    success: json(200, list('DevMail'), 'The newest 100 mails'),
  },
  health: {
    tag: 'Meta',
    summary: 'Liveness check',
    success: json(200, data('Health'), 'The server is up'),
  },
  'openapi.document': {
    tag: 'Meta',
    summary: 'This OpenAPI 3.1 document',
    success: json(200, ref('OpenApiDocument'), 'The document'),
  },
  'openapi.page': {
    tag: 'Meta',
    summary: 'A page to browse this document',
    success: { status: 200, media: 'text/html', description: 'An HTML page' },
  },
}
