import { AgentSelf, CallStatus } from '../../shared/api/acd-models';
import { otherParty } from '../call-bar-mode';

/** The call a screen pop is about and the number looked up for it. */
export interface ScreenPopTarget {
  readonly callId: string;
  readonly number: string;
}

/** Call states in which the agent gets the caller's customer record. */
const POPPING: ReadonlySet<CallStatus> = new Set(['ringing', 'offered', 'connected']);

/**
 * The number to look up for the agent's call: the caller (ani) of an inbound call, the dialled
 * number of an outbound one, while the call is offered or connected. Null: nothing to look up.
 */
export function screenPopTarget(agent: AgentSelf | null | undefined): ScreenPopTarget | null {
  const call = agent?.call;
  if (!call || !POPPING.has(call.status)) return null;
  const number = otherParty(call)?.trim();
  return number ? { callId: call.id, number } : null;
}

/** Two targets lead to one lookup when they are about the same call. */
export const sameCall = (a: ScreenPopTarget, b: ScreenPopTarget): boolean => a.callId === b.callId;
