import type {
  AgentInfo,
  CallAction as SdkCallAction,
  CallInfo,
  CallState,
  MatchedCustomer,
  QueueRef,
} from '../../../agent-sdk/types';
import { AgentSelf, CallAction, CallSnapshot, ConsultState } from '../../shared/api/acd-models';

/** What the bridge knows beside the agent's state: names and the screen pop's customer. */
export interface SdkContext {
  /** Queue names by id. */
  readonly queueNames: ReadonlyMap<string, string>;
  /** Queues the agent serves. */
  readonly agentQueues: readonly QueueRef[];
  /** The first customer the screen pop matched, for the call it is about. */
  readonly customer: { readonly callId: string; readonly customer: MatchedCustomer } | null;
}

/** The workspace as apps see it, plus the raw facts the event diff needs (never sent as such). */
export interface SdkView {
  readonly agent: AgentInfo | null;
  readonly call: CallInfo | null;
  /** Where the call's consultation stands. */
  readonly consult: ConsultState | null;
  /** The server's end reason of the call. */
  readonly endReason: string | null;
  /** The disposition the call was wrapped up with. */
  readonly disposition: string | null;
}

const SDK_ACTIONS: ReadonlySet<string> = new Set<SdkCallAction>([
  'answer',
  'hangup',
  'hold',
  'retrieve',
  'mute',
  'unmute',
  'transfer',
  'consult',
  'consult_complete',
  'consult_conference',
  'dtmf',
  'record_pause',
  'record_resume',
  'disposition',
]);

/** The agent in the SDK's shape. */
export function toAgentInfo(agent: AgentSelf, context: SdkContext): AgentInfo {
  return {
    id: agent.userId,
    displayName: agent.displayName,
    state: agent.state,
    reasonCode: agent.state === 'not_ready' ? agent.reason : null,
    queues: context.agentQueues.map(({ id, name }) => ({ id, name })),
  };
}

/** The call's state as apps see it: ringing at the agent, dialling, talking, held, wrap-up, over. */
export function sdkCallState(agent: AgentSelf, call: CallSnapshot): CallState {
  if (agent.offer?.callId === call.id) return 'offered';
  if (call.status === 'ended' || movedAway(agent, call)) return agent.state === 'wrap_up' ? 'wrap_up' : 'ended';
  if (call.status === 'connected') return call.onHold ? 'held' : 'connected';
  return call.direction === 'outbound' ? 'dialing' : 'offered';
}

/** The call goes on with another agent (this one transferred it) and this one is not consulted on it. */
function movedAway(agent: AgentSelf, call: CallSnapshot): boolean {
  return !!call.agentId && call.agentId !== agent.userId && call.consult?.agentId !== agent.userId;
}

/** What the agent may do now, in the SDK's vocabulary (answer while the call is offered to them). */
export function sdkActions(agent: AgentSelf, call: CallSnapshot): SdkCallAction[] {
  const ours: readonly CallAction[] = call.allowedActions ?? [];
  const actions = ours.filter((a) => SDK_ACTIONS.has(a)) as SdkCallAction[];
  if (agent.offer?.callId === call.id && !actions.includes('answer')) actions.unshift('answer');
  return actions;
}

/** The agent's call in the SDK's shape (only fields the SDK declares). */
export function toCallInfo(agent: AgentSelf, call: CallSnapshot, context: SdkContext): CallInfo {
  const queueName = call.queueId
    ? (context.queueNames.get(call.queueId) ?? call.queueName ?? '')
    : '';
  const customer = context.customer?.callId === call.id ? context.customer.customer : null;
  const digits = call.ivrDigits?.join('') ?? '';
  return {
    id: call.id,
    direction: call.direction,
    state: sdkCallState(agent, call),
    ani: call.ani,
    dnis: call.dnis,
    queue: call.queueId ? { id: call.queueId, name: queueName } : null,
    ivr: digits ? { digits } : {},
    customer: customer ? { ...customer } : null,
    muted: call.muted ?? false,
    recording: call.recording ?? 'off',
    allowedActions: sdkActions(agent, call),
    consultOf: null,
    createdAt: call.createdAt ?? call.offeredAt ?? call.queuedAt ?? '',
    answeredAt: call.answeredAt,
  };
}

/** The view apps get of the agent's state now. */
export function sdkView(agent: AgentSelf | null, context: SdkContext): SdkView {
  const call = agent?.call ?? null;
  return {
    agent: agent ? toAgentInfo(agent, context) : null,
    call: agent && call ? toCallInfo(agent, call, context) : null,
    consult: call?.consult?.state ?? null,
    endReason: agent && call && call.status !== 'ended' && movedAway(agent, call) ? 'transferred' : (call?.endReason ?? null),
    disposition: call?.disposition ?? null,
  };
}
