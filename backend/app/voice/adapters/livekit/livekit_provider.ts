import { AccessToken, RoomServiceClient, WebhookReceiver, TrackSource } from 'livekit-server-sdk'
import { ForgedWebhookError, VoiceProvider, type JoinGrant, type LegRole, type ProviderParticipant, type VoiceCapability, type VoiceEvent } from '#voice/voice_provider'

/** Connection settings of a LiveKit deployment. */
export interface LivekitSettings {
  url: string
  apiKey: string
  apiSecret: string
}

const ROLES: readonly LegRole[] = ['customer', 'agent', 'supervisor', 'bot']

function roleOf(attributes: Record<string, string> | undefined): LegRole | null {
  const role = attributes?.role
  return ROLES.includes(role as LegRole) ? (role as LegRole) : null
}

/**
 * LiveKit behind the voice port: a room per call, short-lived join tokens whose grants follow the
 * participant's role (a supervisor joins hidden and listen-only until whisper/barge grant more),
 * webhooks verified by signature and body hash.
 */
export class LivekitProvider extends VoiceProvider {
  readonly name = 'livekit'
  readonly capabilities: ReadonlySet<VoiceCapability> = new Set<VoiceCapability>(['web_calls', 'hold', 'transfer', 'monitor', 'whisper', 'barge', 'dtmf'])
  readonly #rooms: RoomServiceClient
  readonly #webhooks: WebhookReceiver

  constructor(readonly settings: LivekitSettings) {
    super()
    this.#rooms = new RoomServiceClient(settings.url, settings.apiKey, settings.apiSecret)
    this.#webhooks = new WebhookReceiver(settings.apiKey, settings.apiSecret)
  }

  async createCallRoom(room: string, metadata: Record<string, string>) {
    await this.#rooms.createRoom({ name: room, emptyTimeout: 120, departureTimeout: 20, metadata: JSON.stringify(metadata) })
  }

  async joinGrant(room: string, identity: string, role: LegRole, displayName: string): Promise<JoinGrant> {
    const token = new AccessToken(this.settings.apiKey, this.settings.apiSecret, { identity, name: displayName, ttl: '10m', attributes: { role } })
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
      role: roleOf(p.attributes),
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
        return { type: 'leg.joined', room, identity: event.participant?.identity ?? '', role: roleOf(event.participant?.attributes), ...base }
      case 'participant_left':
        return { type: 'leg.left', room, identity: event.participant?.identity ?? '', role: roleOf(event.participant?.attributes), ...base }
      default:
        return { type: 'other', vendorType: event.event, ...base }
    }
  }
}
