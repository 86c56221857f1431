import app from '@adonisjs/core/services/app'
import { errors as vineErrors } from '@vinejs/vine'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { AppError, FieldError } from '#shared/errors'

interface FieldMessage {
  field: string
  rule: string
  message: string
  meta?: Record<string, unknown>
}

const STATUS_CODES: Record<number, string> = {
  400: 'E_BAD_REQUEST',
  401: 'E_UNAUTHORIZED',
  403: 'E_FORBIDDEN',
  404: 'E_NOT_FOUND',
  405: 'E_METHOD_NOT_ALLOWED',
  413: 'E_PAYLOAD_TOO_LARGE',
  415: 'E_UNSUPPORTED_MEDIA_TYPE',
  429: 'E_TOO_MANY_ATTEMPTS',
}

/**
 * Turns every error into JSON: 422 `{ errors: [{ field, rule, message, meta? }] }` for bad input, and
 * `{ error: { code, message } }` otherwise. Clients never see a stack trace; 5xx are logged.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  async handle(error: unknown, ctx: HttpContext) {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const messages = error.messages as FieldMessage[]
      return ctx.response.status(422).send({
        // The rule's arguments (e.g. { min: 8 }) let clients say the message in their own language.
        errors: messages.map((m) => ({ field: m.field, rule: m.rule, message: m.message, ...(m.meta ? { meta: m.meta } : {}) })),
      })
    }
    if (error instanceof FieldError) {
      return ctx.response.status(422).send({ errors: [{ field: error.field, rule: error.rule, message: error.message }] })
    }
    if (error instanceof AppError) {
      const retryAfter = error.details?.retryAfterSeconds
      if (typeof retryAfter === 'number') ctx.response.header('retry-after', String(retryAfter))
      return ctx.response.status(error.status).send({
        error: { code: error.errorCode, message: error.message, ...(error.details ?? {}) },
      })
    }
    const status = statusOf(error)
    if (status >= 500) {
      return ctx.response.status(500).send({
        error: { code: 'E_INTERNAL', message: 'Something went wrong on our side', requestId: ctx.request.id() },
      })
    }
    const code = (error as { code?: string }).code
    return ctx.response.status(status).send({
      error: {
        code: STATUS_CODES[status] ?? (code?.startsWith('E_') ? code : 'E_BAD_REQUEST'),
        message: status === 404 ? 'Not found' : messageOf(error),
      },
    })
  }

  async report(error: unknown, ctx: HttpContext) {
    if (statusOf(error) >= 500 || app.inTest) {
      if (statusOf(error) >= 500) ctx.logger.error({ err: error }, 'request failed')
      return
    }
    return super.report(error, ctx)
  }
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown })?.message
  return typeof message === 'string' ? message.replace(/^E_[A-Z_]+:\s*/, '') : 'Bad request'
}
