import { CCAgentError } from '../../../agent-sdk/errors';
import type { CallAction } from '../../../agent-sdk/types';
import { ApiError } from '../../shared/api/api-types';

/** Nothing to act on: no call (or not this one) for the agent. */
export const noCall = (): CCAgentError =>
  new CCAgentError('E_NOT_FOUND', 'The agent has no such call.');

/** Not possible now; the app learns what is. */
export const notNow = (allowedActions: readonly CallAction[]): CCAgentError =>
  new CCAgentError('E_CONFLICT', 'Not possible in the call’s current state.', {
    allowedActions: [...allowedActions],
  });

/**
 * A failed API call in the SDK's words: 409 → E_CONFLICT (with the actions allowed now),
 * 422/400 → E_INVALID (with the field), 403 → E_NOT_ALLOWED, 404 → E_NOT_FOUND, 429 →
 * E_RATE_LIMITED; anything else E_INTERNAL. Server messages are not passed on.
 */
export function apiToSdkError(error: ApiError, allowedActions: readonly CallAction[]): CCAgentError {
  switch (error.status) {
    case 409:
      return notNow(allowedActions);
    case 400:
    case 422: {
      const field = error.fieldErrors[0]?.field;
      return new CCAgentError('E_INVALID', 'The workspace refused the parameters.', field ? { field } : undefined);
    }
    case 403:
      return new CCAgentError('E_NOT_ALLOWED', 'The agent may not do this.');
    case 404:
      return noCall();
    case 429:
      return new CCAgentError(
        'E_RATE_LIMITED',
        'Too many requests.',
        error.retryAfterSeconds ? { retryAfterMs: error.retryAfterSeconds * 1000 } : undefined,
      );
    default:
      return new CCAgentError('E_INTERNAL', 'The workspace could not complete the request.');
  }
}
