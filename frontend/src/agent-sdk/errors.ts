/** Error codes shared by both roles; the host sends them, the client throws them. */
export const ERROR_CODES = [
  'E_NOT_CONNECTED',
  'E_ORIGIN',
  'E_UNSUPPORTED',
  'E_NOT_ALLOWED',
  'E_INVALID',
  'E_NOT_FOUND',
  'E_CONFLICT',
  'E_RATE_LIMITED',
  'E_TIMEOUT',
  'E_TELEPHONY',
  'E_INTERNAL',
] as const;

/**
 * Why a call into the SDK failed.
 * - `E_NOT_CONNECTED`: no connection (never connected, disconnected, or the host detached).
 * - `E_ORIGIN`: the host origin is missing or not trusted.
 * - `E_UNSUPPORTED`: protocol major mismatch, unknown method, or no handler in this host.
 * - `E_NOT_ALLOWED`: the capability behind the method was not granted to this app.
 * - `E_INVALID`: bad parameters.
 * - `E_NOT_FOUND`: the call (or other object) does not exist for this agent.
 * - `E_CONFLICT`: not possible in the current state; `details.allowedActions` tells what is.
 * - `E_RATE_LIMITED`: too many requests; `details.retryAfterMs` tells when to retry.
 * - `E_TIMEOUT`: no answer in time (handshake or request).
 * - `E_TELEPHONY`: the telephony layer refused (busy, transfer rejected …).
 * - `E_INTERNAL`: anything else; the message carries no internals.
 */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Extra facts that come with an error. */
export interface ErrorDetails {
  /** Actions allowed on the call now (with `E_CONFLICT`). */
  readonly allowedActions?: readonly string[];
  /** When to retry (with `E_RATE_LIMITED`). */
  readonly retryAfterMs?: number;
  /** The offending parameter (with `E_INVALID`). */
  readonly field?: string;
  /** The method that failed. */
  readonly method?: string;
  /** SIP status from the telephony layer (with `E_TELEPHONY`). */
  readonly sipStatus?: number;
  /** Protocol the host speaks (with `E_UNSUPPORTED` at handshake). */
  readonly hostProtocol?: { readonly major: number; readonly minor: number };
}

/** An error as it travels over the wire (structured-clone safe). */
export interface WireError {
  /** Error code. */
  readonly code: ErrorCode;
  /** Human-readable English message. */
  readonly message: string;
  /** Optional extra facts. */
  readonly details?: ErrorDetails;
}

/** The error type every SDK promise rejects with. */
export class CCAgentError extends Error {
  /** Machine-readable reason. */
  readonly code: ErrorCode;
  /** Extra facts, when the host sent some. */
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'CCAgentError';
    this.code = code;
    this.details = details;
  }

  /** Rebuilds an error received from the host. */
  static fromWire(e: WireError): CCAgentError {
    const code = isErrorCode(e?.code) ? e.code : 'E_INTERNAL';
    return new CCAgentError(code, typeof e?.message === 'string' ? e.message : code, e?.details);
  }

  /** The wire form of this error. */
  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Whether a value is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Maps anything a host handler threw to a wire error: errors carrying a known `code` keep their code,
 * message and details; everything else becomes `E_INTERNAL` without leaking the original message.
 */
export function toWireError(thrown: unknown): WireError {
  if (thrown instanceof CCAgentError) return thrown.toWire();
  if (typeof thrown === 'object' && thrown !== null) {
    const { code, message, details } = thrown as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    if (isErrorCode(code)) {
      const text = typeof message === 'string' && message !== '' ? message : code;
      return typeof details === 'object' && details !== null
        ? { code, message: text, details: details as ErrorDetails }
        : { code, message: text };
    }
  }
  return { code: 'E_INTERNAL', message: 'The workspace could not complete the request.' };
}
