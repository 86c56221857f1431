import { VoiceFailure } from '../shared/voice/voice-models';

/** Where the web call stands (the `data-call-state` test hook). */
export type WebCallState = 'idle' | 'connecting' | 'connected' | 'ended' | 'failed';

/** Why a web call failed: a voice failure, a phone number the server could not read, or another refusal. */
export type WebCallFailure = VoiceFailure | 'phone' | 'server';

/** How a web call ended, from the room's disconnect reason. */
export type WebCallEnd = 'hung_up' | 'ended' | 'lost';

/** What a closed room means for the caller: LiveKit's disconnect reason → how the call ended. */
export function endOfCall(reason: string): WebCallEnd {
  switch (reason) {
    case 'CLIENT_INITIATED':
      return 'hung_up';
    case 'ROOM_DELETED':
    case 'ROOM_CLOSED':
    case 'PARTICIPANT_REMOVED':
      return 'ended';
    default:
      return 'lost';
  }
}

/** Whether a new call may be started from this state. */
export function canStartCall(state: WebCallState): boolean {
  return state === 'idle' || state === 'ended' || state === 'failed';
}
