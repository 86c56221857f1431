import { AgentSelf } from '../shared/api/acd-models';
import { otherParty } from '../workspace/call-bar-mode';
import { CallbackPrefill } from './callbacks-store';

/** A customer the screen pop found for the call. */
export interface MatchedCustomer {
  readonly id: string;
  readonly name: string;
}

/**
 * What a callback booked from the agent's call starts with: the other party's number, the
 * customer when the screen pop found exactly one, and the call's queue.
 */
export function prefillFromCall(
  agent: AgentSelf | null,
  matches: readonly MatchedCustomer[] | null,
): CallbackPrefill {
  const call = agent?.call ?? null;
  const customer = matches?.length === 1 ? matches[0]! : null;
  return {
    number: otherParty(call),
    customerId: customer?.id ?? null,
    customerName: customer?.name ?? null,
    queueId: call?.queueId ?? null,
  };
}
