import { AgentSelf, CallSnapshot, ConsultState } from '../shared/api/acd-models';
import { Listeners } from '../shared/voice/voice-models';

/** What the initiator may do with a consultation: hand the call over, talk three-way, or end it. */
export type ConsultCommand = 'complete' | 'conference' | 'cancel';

/** The consultation as the viewer sees it: their side, where it stands and who the other agent is. */
export interface ConsultView {
  readonly role: 'initiator' | 'consulted';
  readonly state: ConsultState;
  /** The other agent's name (null when the server does not send it). */
  readonly otherName: string | null;
}

/** The initiator's name as the consult offer told it, for the call it was about. */
export interface ConsultFrom {
  readonly callId: string;
  readonly name: string;
}

/**
 * The viewer's side of their call's consultation, or null when there is none. The consulted agent
 * learns the initiator's name from the snapshot, else from the offer they accepted (`from`).
 */
export function consultView(
  agent: AgentSelf | null,
  from?: ConsultFrom | null,
): ConsultView | null {
  const call = agent?.call;
  const consult = call?.consult;
  if (!agent || !call || !consult) return null;
  if (consult.agentId === agent.userId) {
    const offered = from?.callId === call.id ? from.name : null;
    return { role: 'consulted', state: consult.state, otherName: consult.initiatorName ?? offered };
  }
  return { role: 'initiator', state: consult.state, otherName: consult.agentName };
}

/**
 * Who may hear the viewer's microphone: only the identity the server names while a consultation
 * keeps the customer out (`consultOnlyTo`), everyone otherwise.
 */
export function consultListeners(call: CallSnapshot | null | undefined): Listeners {
  const only = call?.consultOnlyTo;
  return typeof only === 'string' && only ? [only] : 'everyone';
}

/** Who asks the agent to join their call, when the pending offer is a consultation. */
export function consultOfferFrom(agent: AgentSelf | null): ConsultFrom | null {
  const offer = agent?.offer;
  if (offer?.kind !== 'consult') return null;
  return { callId: offer.callId, name: offer.fromAgentName ?? '' };
}
