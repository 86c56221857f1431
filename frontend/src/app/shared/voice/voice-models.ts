/** Credentials to join a call's media room (JoinGrant of the API). */
export interface JoinGrant {
  readonly url: string;
  readonly token: string;
  readonly room: string;
  readonly identity: string;
}

/** Whether this browser is in a call's media room (the `data-media-state` test hook). */
export type MediaState = 'none' | 'connecting' | 'connected';

/** Why audio could not start. */
export type VoiceFailure =
  | 'mic_denied'
  | 'mic_missing'
  | 'mic_busy'
  | 'mic_unavailable'
  | 'connect_failed'
  | 'publish_refused';

/** A failure of the voice session with the reason the UI shows. */
export class VoiceError extends Error {
  constructor(
    readonly failure: VoiceFailure,
    message: string,
  ) {
    super(message);
    this.name = 'VoiceError';
  }
}

/** Role of a participant in a call room, read from its identity (`c:`, `a:`, `s:`, `bot:`). */
export type RoomRole = 'customer' | 'agent' | 'supervisor' | 'bot' | 'other';

/** The role a call-room identity stands for. */
export function roleOfIdentity(identity: string): RoomRole {
  if (identity.startsWith('c:')) return 'customer';
  if (identity.startsWith('a:')) return 'agent';
  if (identity.startsWith('s:')) return 'supervisor';
  if (identity.startsWith('bot:')) return 'bot';
  return 'other';
}

/** Who may hear this browser's microphone: everyone in the room, or only these identities. */
export type Listeners = 'everyone' | readonly string[];

/** Whether two listener choices let the same identities hear (order does not matter). */
export function sameListeners(a: Listeners, b: Listeners): boolean {
  if (a === 'everyone' || b === 'everyone') return a === b;
  return a.length === b.length && a.every((identity) => b.includes(identity));
}
