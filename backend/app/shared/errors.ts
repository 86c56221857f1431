import { Exception } from '@adonisjs/core/exceptions'

/** Error codes the API answers with; clients switch on them, the message is for people. */
export type ErrorCode =
  | 'E_NOT_FOUND'
  | 'E_UNAUTHORIZED'
  | 'E_FORBIDDEN'
  | 'E_INVALID_CREDENTIALS'
  | 'E_MFA_REQUIRED'
  | 'E_INVALID_MFA_CODE'
  | 'E_ACCOUNT_LOCKED'
  | 'E_TOO_MANY_ATTEMPTS'
  | 'E_TENANT_SUSPENDED'
  | 'E_INVALID_TOKEN'
  | 'E_CERTIFICATE_REJECTED'
  | 'E_CONFLICT'
  | 'E_SERVER_BUSY'
  | 'E_PAYLOAD_TOO_LARGE'
  | 'E_BAD_REQUEST'
  | 'E_ORIGIN'
  | 'E_CAPABILITY'

/** An expected failure with an HTTP status and a stable code; rendered as `{ error: { code, message } }`. */
export class AppError extends Exception {
  constructor(
    status: number,
    readonly errorCode: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message, { status, code: errorCode })
  }
}

/** 404 for a missing id and for another tenant's id alike, so existence never leaks. */
export function notFound(what = 'Resource'): AppError {
  return new AppError(404, 'E_NOT_FOUND', `${what} not found`)
}

/** A 422 for one field, in the same shape as VineJS validation errors. */
export class FieldError extends Exception {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string
  ) {
    super(message, { status: 422, code: 'E_VALIDATION_ERROR' })
  }
}
