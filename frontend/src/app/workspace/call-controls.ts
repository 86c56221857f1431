import { AgentSelf, CallAction, CallSnapshot } from '../shared/api/acd-models';
import { RecordingCommand } from './agent-api';
import { ConsultCommand } from './consult';

/** Which call controls the workspace shows, from the actions the server allows now. */
export interface CallControls {
  readonly hangup: boolean;
  /** The hold button's action: hold, retrieve, or none. */
  readonly hold: 'hold' | 'retrieve' | null;
  /** The mute button's action: mute, unmute, or none. */
  readonly mute: 'mute' | 'unmute' | null;
  readonly transfer: boolean;
  /** Whether the agent may consult another agent now. */
  readonly consult: boolean;
  /** Consultation commands allowed now, in the order the buttons show them. */
  readonly consultCommands: readonly ConsultCommand[];
  readonly dtmf: boolean;
  /** Recording commands allowed now, in the order the buttons show them. */
  readonly recording: readonly RecordingCommand[];
  readonly disposition: boolean;
}

const RECORDING: readonly [CallAction, RecordingCommand][] = [
  ['record_start', 'start'],
  ['record_pause', 'pause'],
  ['record_resume', 'resume'],
  ['record_stop', 'stop'],
];

const CONSULT: readonly [CallAction, ConsultCommand][] = [
  ['consult_complete', 'complete'],
  ['consult_conference', 'conference'],
  ['consult_cancel', 'cancel'],
];

/** The controls of the agent's call: exactly what `allowedActions` lets them do (nothing without a call). */
export function callControls(call: CallSnapshot | null | undefined): CallControls {
  const allowed = new Set(call?.allowedActions ?? []);
  return {
    hangup: allowed.has('hangup'),
    hold: allowed.has('retrieve') ? 'retrieve' : allowed.has('hold') ? 'hold' : null,
    mute: allowed.has('unmute') ? 'unmute' : allowed.has('mute') ? 'mute' : null,
    transfer: allowed.has('transfer'),
    consult: allowed.has('consult'),
    consultCommands: CONSULT.filter(([action]) => allowed.has(action)).map(
      ([, command]) => command,
    ),
    dtmf: allowed.has('dtmf'),
    recording: RECORDING.filter(([action]) => allowed.has(action)).map(([, command]) => command),
    disposition: allowed.has('disposition'),
  };
}

/**
 * The call whose media room the agent should be in: their current call while they are busy on it
 * (not ringing, not ended, not someone else's unless they are its consulted agent). Null means: be
 * in no room.
 */
export function mediaCallId(agent: AgentSelf | null): string | null {
  const call = agent?.call;
  if (!agent || !call || agent.offer || agent.state !== 'busy') return null;
  // A simulated call (load tests, training) has no room: there is no audio to join.
  if (call.status === 'ended' || call.channel === 'simulated') return null;
  const consulted = call.consult?.agentId === agent.userId;
  if (call.agentId && call.agentId !== agent.userId && !consulted) return null;
  return call.id;
}

/**
 * Whether the agent's microphone should be live: on the call, neither held nor muted. While a
 * consultation limits who hears it (`consultOnlyTo`), the customer's hold does not silence it; the
 * consulted agent (`viewerId`), whose only control is hang up, always speaks.
 */
export function wantsMicrophone(
  call: CallSnapshot | null | undefined,
  viewerId?: string | null,
): boolean {
  if (!call || call.status === 'ended') return false;
  if (viewerId && call.consult?.agentId === viewerId) return true;
  if (call.muted) return false;
  return !call.onHold || !!call.consultOnlyTo;
}
