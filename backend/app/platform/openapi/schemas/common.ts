import { LOCALES, TIME_ZONES } from '#shared/rules'
import { object, ref, type ErrorStatus, type OpenApiParameter, type OpenApiResponse, type SchemaMap } from '#platform/openapi/spec'

/** Building blocks every domain uses: ids, timestamps, pages and the two error shapes. */
export const commonSchemas: SchemaMap = {
  Uuid: { type: 'string', format: 'uuid' },
  Timestamp: { type: 'string', format: 'date-time', description: 'ISO-8601 in UTC, e.g. 2026-01-31T08:00:00.000Z' },
  Locale: { type: 'string', enum: [...LOCALES] },
  TimeZone: { type: 'string', enum: TIME_ZONES, description: 'An IANA time zone name' },
  EmailInput: { type: 'string', format: 'email', maxLength: 254, description: 'Trimmed; compared case-insensitively' },
  TenantSlug: {
    type: 'string',
    minLength: 3,
    maxLength: 40,
    pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
    description: 'The organisation address (trimmed and lower-cased before the check)',
  },
  DisplayName: { type: 'string', minLength: 1, maxLength: 120 },
  NewPassword: { type: 'string', minLength: 10, maxLength: 128 },
  PageMeta: object({
    total: { type: 'integer', minimum: 0 },
    perPage: { type: 'integer', minimum: 1 },
    currentPage: { type: 'integer', minimum: 1 },
    lastPage: { type: 'integer', minimum: 1 },
  }),
  Error: {
    ...object({
      error: object(
        {
          code: {
            type: 'string',
            pattern: '^E_[A-Z0-9_]+$',
            description: 'Stable code to switch on, e.g. E_NOT_FOUND, E_FORBIDDEN, E_CONFLICT, E_INVALID_CREDENTIALS',
          },
          message: { type: 'string', description: 'For people; may change' },
          requestId: { type: 'string', description: 'Only on 500: quote it to support' },
          retryAfterSeconds: { type: 'integer', minimum: 0, description: 'On 429 and 503, also sent as Retry-After' },
          lockedUntil: { ...ref('Timestamp'), description: 'On 423: when the account unlocks by itself' },
        },
        ['requestId', 'retryAfterSeconds', 'lockedUntil']
      ),
    }),
    description: 'Every failure except bad input: `{ error: { code, message } }`',
  },
  ValidationErrors: {
    ...object({
      errors: {
        type: 'array',
        minItems: 1,
        items: object(
          {
            field: { type: 'string', description: 'Dotted path of the input field, e.g. roleIds.0' },
            rule: { type: 'string', description: 'The rule that failed, e.g. required, email, unique' },
            message: { type: 'string', description: 'In English; clients may translate by rule and meta' },
            meta: { type: 'object', additionalProperties: true, description: 'The rule’s arguments, e.g. { "min": 8 } for minLength' },
          },
          ['meta']
        ),
      },
    }),
    description: 'Bad input: one entry per wrong field',
  },
  Health: object({ status: { const: 'ok' } }),
  OpenApiDocument: {
    type: 'object',
    required: ['openapi', 'info', 'paths'],
    properties: { openapi: { type: 'string', pattern: '^3\\.1\\.' }, info: { type: 'object' }, paths: { type: 'object' } },
    description: 'This document',
  },
}

const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } }

/** The error answers, one per status, referenced from every operation that can give them. */
export const errorResponses: Record<string, OpenApiResponse> = {
  BadRequest: errorResponse('Bad request, e.g. an invalid or used one-time link (E_INVALID_TOKEN)'),
  Unauthorized: errorResponse('No valid token, or wrong credentials (E_UNAUTHORIZED, E_INVALID_CREDENTIALS, E_MFA_REQUIRED, E_INVALID_MFA_CODE, E_CERTIFICATE_REJECTED)'),
  Forbidden: errorResponse('Signed in but not allowed: a missing permission (E_FORBIDDEN) or a suspended organisation (E_TENANT_SUSPENDED)'),
  NotFound: errorResponse('No such resource in your organisation (E_NOT_FOUND); another tenant’s id answers the same'),
  Conflict: errorResponse('The resource is in a state that forbids this (E_CONFLICT)'),
  ValidationFailed: { description: 'Bad input', content: { 'application/json': { schema: ref('ValidationErrors') } } },
  CodedUnprocessable: {
    description: 'Bad input (`errors`), or a wrong one-time code (E_INVALID_MFA_CODE)',
    content: { 'application/json': { schema: { oneOf: [ref('ValidationErrors'), ref('Error')] } } },
  },
  Locked: errorResponse('The account is locked after repeated failures (E_ACCOUNT_LOCKED)'),
  TooManyAttempts: { ...errorResponse('Too many failed sign-ins from this address (E_TOO_MANY_ATTEMPTS)'), headers: retryAfter },
  ServiceBusy: { ...errorResponse('Too many password checks at once; retry shortly (E_SERVER_BUSY)'), headers: retryAfter },
}

/** Which response component answers each error status. */
export const ERROR_RESPONSE_OF: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'ValidationFailed',
  423: 'Locked',
  429: 'TooManyAttempts',
  503: 'ServiceBusy',
}

/** Shared parameters: the uuid path id and the paging pair of every list route. */
export const sharedParameters: Record<string, OpenApiParameter> = {
  Id: { name: 'id', in: 'path', required: true, description: 'The resource id', schema: ref('Uuid') },
  Page: { name: 'page', in: 'query', required: false, description: 'Page number, from 1', schema: { type: 'integer', minimum: 1, maximum: 100000, default: 1 } },
  PerPage: { name: 'perPage', in: 'query', required: false, description: 'Rows per page', schema: { type: 'integer', minimum: 1, maximum: 200 } },
}

/** The two bearer token kinds: tenant users and platform operators never share a token. */
export const securitySchemes = {
  tenantBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'cc1.<tenantId>.<tokenId>.<secret>',
    description: 'A tenant user’s session token, from login or signup. Valid 12 hours; revoked by logout.',
  },
  operatorBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'ccp1.<tokenId>.<secret>',
    description: 'A platform operator’s token, from the platform login. Valid 8 hours; not accepted on tenant routes.',
  },
} as const

function errorResponse(description: string): OpenApiResponse {
  return { description, content: { 'application/json': { schema: ref('Error') } } }
}
