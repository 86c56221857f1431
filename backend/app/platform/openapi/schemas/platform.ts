import { input, object, ref, type SchemaMap } from '#platform/openapi/spec'
import { tenantProperties } from '#platform/openapi/schemas/tenancy'

/** Resources and request bodies of the platform console (app/platform/validators/platform.ts). */
export const platformSchemas: SchemaMap = {
  Operator: object({ id: ref('Uuid'), email: { type: 'string', format: 'email' }, displayName: { type: 'string' } }),
  OperatorSession: object({
    token: { type: 'string', pattern: '^ccp1\\.', description: 'Send as `Authorization: Bearer <token>` on platform routes' },
    operator: ref('Operator'),
  }),
  PlatformTenant: object({ ...tenantProperties, userCount: { type: 'integer', minimum: 0 } }),
  OperatorLoginRequest: input({ email: ref('EmailInput'), password: { type: 'string', maxLength: 128 } }, ['email', 'password']),
  DevMail: object({
    id: ref('Uuid'),
    to: { type: 'string' },
    subject: { type: 'string' },
    body: { type: 'string' },
    createdAt: ref('Timestamp'),
  }),
}
