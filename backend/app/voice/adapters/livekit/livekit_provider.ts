import { AccessToken, RoomServiceClient, SipClient, WebhookReceiver, TrackSource, TrackType, type ParticipantInfo } from 'livekit-server-sdk'
import {
  ForgedWebhookError,
  ListenerAbsentError,
  VoiceProvider,
  type JoinGrant,
  type LegRole,
  type ProviderParticipant,
  type ProvisionedNumber,
  type SipCallInfo,
  type SpeakMode,
  type VoiceCapability,
  type VoiceEvent,
} from '#voice/voice_provider'

/** Connection settings of a LiveKit deployment. */
export interface LivekitSettings {
  url: string
  apiKey: string
  apiSecret: string
  /** A SIP gateway (livekit-sip) is connected to this deployment. */
  sip?: boolean
  /** The SIP outbound trunk (carrier) outbound calls go through. */
  outboundTrunkId?: string
}

/** Raised when the SIP verbs are used on a deployment without a SIP gateway. */
export class NoSipGatewayError extends Error {
  constructor() {
    super('No SIP gateway is connected to this voice server')
  }
}

/** `ParticipantInfo.Kind.SIP` of LiveKit's protocol (the SDK does not re-export the enum). */
const SIP_KIND = 3

/** The audio track ids that the given identities publish in a room's participant list. */
function audioTracks(participants: ParticipantInfo[], identities: readonly string[]) {
  return participants.filter((p) => identities.includes(p.identity)).flatMap((p) => p.tracks.filter((t) => t.type === TrackType.AUDIO).map((t) => t.sid))
}

const ROLES: readonly LegRole[] = ['customer', 'agent', 'supervisor', 'bot']

/** A SIP participant is always a customer; others carry the role our token gave them. */
function roleOf(participant: { kind?: number; attributes?: Record<string, string> } | undefined): LegRole | null {
  if (participant?.kind === SIP_KIND) return 'customer'
  const role = participant?.attributes?.role
  return ROLES.includes(role as LegRole) ? (role as LegRole) : null
}

/** The caller's and dialled numbers of a SIP participant (livekit-sip's `sip.*` attributes). */
function sipInfoOf(participant: { kind?: number; attributes?: Record<string, string> } | undefined): SipCallInfo | null {
  if (participant?.kind !== SIP_KIND) return null
  const attributes = participant?.attributes ?? {}
  return { from: attributes['sip.phoneNumber'] ?? null, to: attributes['sip.trunkPhoneNumber'] ?? null, attributes }
}

/**
 * LiveKit behind the voice port: a room per call, short-lived join tokens whose grants follow the
 * participant's role (a supervisor joins hidden and listen-only until whisper/barge grant more),
 * webhooks verified by signature and body hash.
 */
export class LivekitProvider extends VoiceProvider {
  readonly name = 'livekit'
  readonly capabilities: ReadonlySet<VoiceCapability>
  readonly #rooms: RoomServiceClient
  readonly #sip: SipClient
  readonly #webhooks: WebhookReceiver

  constructor(readonly settings: LivekitSettings) {
    super()
    const always: VoiceCapability[] = ['web_calls', 'hold', 'mute', 'transfer', 'monitor', 'whisper', 'barge', 'intercept', 'recording', 'dtmf']
    const sip: VoiceCapability[] = settings.sip ? ['sip_inbound', ...(settings.outboundTrunkId ? (['sip_outbound'] as const) : [])] : []
    this.capabilities = new Set<VoiceCapability>([...always, ...sip])
    this.#rooms = new RoomServiceClient(settings.url, settings.apiKey, settings.apiSecret)
    this.#sip = new SipClient(settings.url, settings.apiKey, settings.apiSecret)
    this.#webhooks = new WebhookReceiver(settings.apiKey, settings.apiSecret)
  }

  async createCallRoom(room: string, metadata: Record<string, string>) {
    await this.#rooms.createRoom({ name: room, emptyTimeout: 120, departureTimeout: 20, metadata: JSON.stringify(metadata) })
  }

  async joinGrant(room: string, identity: string, role: LegRole, displayName: string): Promise<JoinGrant> {
    const token = new AccessToken(this.settings.apiKey, this.settings.apiSecret, { identity, name: displayName, ttl: '10m', attributes: { role } })
    // A bot is a dependent participant: it never keeps an abandoned room alive.
    if (role === 'bot') token.kind = 'agent'
    token.addGrant({
      room,
      roomJoin: true,
      canSubscribe: true,
      canPublish: role !== 'supervisor',
      canPublishSources: role === 'supervisor' ? [] : [TrackSource.MICROPHONE],
      canPublishData: true,
      hidden: role === 'supervisor',
    })
    return { url: this.settings.url.replace(/^http/, 'ws'), token: await token.toJwt(), room, identity }
  }

  async callRooms() {
    return (await this.#rooms.listRooms()).map((room) => room.name)
  }

  async participants(room: string): Promise<ProviderParticipant[]> {
    const list = await this.#rooms.listParticipants(room)
    return list.map((p) => ({
      identity: p.identity,
      role: roleOf(p),
      joinedAt: p.joinedAt ? new Date(Number(p.joinedAt) * 1000) : null,
      publishing: p.tracks.length > 0,
    }))
  }

  async removeParticipant(room: string, identity: string) {
    await this.#rooms.removeParticipant(room, identity)
  }

  async endCallRoom(room: string) {
    await this.#rooms.deleteRoom(room)
  }

  /** Audio track ids the given participants publish now. */
  async #audioTracksOf(room: string, identities: readonly string[]) {
    return audioTracks(await this.#rooms.listParticipants(room), identities)
  }

  async setListening(room: string, listener: string, speakers: readonly string[], listen: boolean) {
    const participants = await this.#rooms.listParticipants(room)
    const tracks = audioTracks(participants, speakers)
    if (tracks.length === 0) return
    // LiveKit answers a subscription change for an absent participant with a timeout, not a clear error.
    if (!participants.some((p) => p.identity === listener)) throw new ListenerAbsentError(`${listener} is not in ${room}`)
    await this.#rooms.updateSubscriptions(room, listener, tracks, listen)
  }

  async setMuted(room: string, identity: string, muted: boolean) {
    for (const track of await this.#audioTracksOf(room, [identity])) await this.#rooms.mutePublishedTrack(room, identity, track, muted)
  }

  async setSpeaking(room: string, identity: string, mode: SpeakMode, visible: boolean) {
    await this.#rooms.updateParticipant(room, identity, {
      permission: {
        canSubscribe: true,
        canPublish: mode === 'speak',
        canPublishSources: mode === 'speak' ? [TrackSource.MICROPHONE] : [],
        canPublishData: true,
        hidden: !visible,
      },
    })
  }

  async provisionNumber(number: string, attributes: Record<string, string>): Promise<ProvisionedNumber> {
    if (!this.settings.sip) throw new NoSipGatewayError()
    const trunk = await this.#sip.createSipInboundTrunk(`number ${number}`, [number])
    try {
      const rule = await this.#sip.createSipDispatchRule(
        { type: 'individual', roomPrefix: 'sip-' },
        { name: `number ${number}`, trunkIds: [trunk.sipTrunkId], attributes }
      )
      return { trunkId: trunk.sipTrunkId, dispatchRuleId: rule.sipDispatchRuleId }
    } catch (error) {
      await this.#sip.deleteSipTrunk(trunk.sipTrunkId)
      throw error
    }
  }

  async releaseNumber(ids: ProvisionedNumber) {
    if (!this.settings.sip) throw new NoSipGatewayError()
    await this.#sip.deleteSipDispatchRule(ids.dispatchRuleId)
    await this.#sip.deleteSipTrunk(ids.trunkId)
  }

  async dialOut(room: string, number: string, callerId: string | null, identity: string) {
    if (!this.settings.sip || !this.settings.outboundTrunkId) throw new NoSipGatewayError()
    await this.#sip.createSipParticipant(this.settings.outboundTrunkId, number, room, {
      participantIdentity: identity,
      participantAttributes: { role: 'customer' },
      ...(callerId ? { fromNumber: callerId } : {}),
      playDialtone: true,
    })
  }

  async provisionedTrunks() {
    if (!this.settings.sip) throw new NoSipGatewayError()
    return (await this.#sip.listSipInboundTrunk()).map((trunk) => trunk.sipTrunkId)
  }

  async transferToNumber(room: string, identity: string, number: string) {
    if (!this.settings.sip) throw new NoSipGatewayError()
    await this.#sip.transferSipParticipant(room, identity, `tel:${number}`)
  }

  async parseWebhook(rawBody: string, headers: Record<string, string | undefined>): Promise<VoiceEvent> {
    let event
    try {
      event = await this.#webhooks.receive(rawBody, headers.authorization ?? headers.Authorization)
    } catch (error) {
      throw new ForgedWebhookError(error instanceof Error ? error.message : 'invalid webhook')
    }
    const at = new Date(Number(event.createdAt ?? 0) * 1000)
    const room = event.room?.name ?? ''
    const base = { eventId: event.id, at }
    switch (event.event) {
      case 'room_started':
        return { type: 'room.started', room, ...base }
      case 'room_finished':
        return { type: 'room.finished', room, ...base }
      case 'participant_joined':
        return { type: 'leg.joined', room, identity: event.participant?.identity ?? '', role: roleOf(event.participant), sip: sipInfoOf(event.participant), ...base }
      case 'participant_left':
        return { type: 'leg.left', room, identity: event.participant?.identity ?? '', role: roleOf(event.participant), ...base }
      default:
        return { type: 'other', vendorType: event.event, ...base }
    }
  }
}
