/**
 * The vendor-neutral voice port. The ACD and call control speak only to this; each vendor
 * (LiveKit now; Asterisk ARI, FreeSWITCH, a CPaaS later) is one adapter folder below `adapters/`.
 */

/** What a provider can do; the UI hides what a provider lacks. */
export type VoiceCapability =
  | 'web_calls'
  | 'sip_inbound'
  | 'sip_outbound'
  | 'hold'
  | 'mute'
  | 'transfer'
  | 'monitor'
  | 'whisper'
  | 'barge'
  | 'intercept'
  | 'recording'
  | 'dtmf'

/** Who a participant is in a call room. */
export type LegRole = 'customer' | 'agent' | 'supervisor' | 'bot'

/** A participant as the provider sees it. */
export interface ProviderParticipant {
  identity: string
  role: LegRole | null
  joinedAt: Date | null
  publishing: boolean
}

/** Our own event union for whatever the vendor reports. */
export type VoiceEvent =
  | { type: 'room.started'; room: string; eventId: string; at: Date }
  | { type: 'room.finished'; room: string; eventId: string; at: Date }
  | { type: 'leg.joined'; room: string; identity: string; role: LegRole | null; sip: SipCallInfo | null; eventId: string; at: Date }
  | { type: 'leg.left'; room: string; identity: string; role: LegRole | null; eventId: string; at: Date }
  | { type: 'other'; vendorType: string; eventId: string; at: Date }

/** What a SIP gateway tells about a caller who dialled one of our numbers. */
export interface SipCallInfo {
  /** The caller's number (ANI). */
  from: string | null
  /** The number dialled (DNIS). */
  to: string | null
  /** Attributes our number provisioning attached (tenant_id, entry_point_id). */
  attributes: Record<string, string>
}

/** The ids a provider keeps for one provisioned phone number. */
export interface ProvisionedNumber {
  trunkId: string
  dispatchRuleId: string
}

/** How a supervisor (or any listener-only participant) may speak in a room. */
export type SpeakMode = 'listen' | 'speak'

/** Join credentials for a browser (agent, supervisor, web caller). */
export interface JoinGrant {
  url: string
  token: string
  room: string
  identity: string
}

/** Thrown by parseWebhook when a delivery is not authentic. */
export class ForgedWebhookError extends Error {}

/** Thrown by setListening when the listener is not in the room: there are no subscriptions to change yet. */
export class ListenerAbsentError extends Error {}

/** The port: rooms per call, joining them, and the one way in for vendor events. */
export abstract class VoiceProvider {
  abstract readonly name: string
  abstract readonly capabilities: ReadonlySet<VoiceCapability>

  /** Creates the room of one call (one conversation = one room), named by our call id. */
  abstract createCallRoom(room: string, metadata: Record<string, string>): Promise<void>

  /** Credentials for one participant to join a call room with the role's permissions. */
  abstract joinGrant(room: string, identity: string, role: LegRole, displayName: string): Promise<JoinGrant>

  /** The call rooms that exist now (the reconciler compares them with our open calls). */
  abstract callRooms(): Promise<string[]>

  /** Who is in a room now (the reconciler compares this with our leg rows). */
  abstract participants(room: string): Promise<ProviderParticipant[]>

  /** Removes one participant (hang up a leg, force release). */
  abstract removeParticipant(room: string, identity: string): Promise<void>

  /** Ends the call for everyone. */
  abstract endCallRoom(room: string): Promise<void>

  /**
   * Stops or restarts `listener` hearing the audio that `speakers` publish (hold, consult);
   * ListenerAbsentError when the speakers publish audio but the listener has not joined the room.
   */
  abstract setListening(room: string, listener: string, speakers: readonly string[], listen: boolean): Promise<void>

  /** Mutes or unmutes a participant's microphone at the media server (the client cannot override a mute). */
  abstract setMuted(room: string, identity: string, muted: boolean): Promise<void>

  /** Lets a participant publish audio or not, and shows or hides them to the others (supervision). */
  abstract setSpeaking(room: string, identity: string, mode: SpeakMode, visible: boolean): Promise<void>

  /** Routes calls to `number` into a new room each (requires `sip_inbound`). */
  abstract provisionNumber(number: string, attributes: Record<string, string>): Promise<ProvisionedNumber>

  /** Undoes provisionNumber. */
  abstract releaseNumber(ids: ProvisionedNumber): Promise<void>

  /** Trunk ids of the numbers the SIP gateway routes now (numbers lost with its state get provisioned again). */
  abstract provisionedTrunks(): Promise<string[]>

  /** Dials a number into a call room as participant `identity` through the SIP gateway (requires `sip_outbound`). */
  abstract dialOut(room: string, number: string, callerId: string | null, identity: string): Promise<void>

  /** Blind transfer of a SIP caller to an external number (SIP REFER; requires `sip_outbound`). */
  abstract transferToNumber(room: string, identity: string, number: string): Promise<void>

  /** Verifies and translates a vendor webhook; throws ForgedWebhookError when not authentic. */
  abstract parseWebhook(rawBody: string, headers: Record<string, string | undefined>): Promise<VoiceEvent>
}
