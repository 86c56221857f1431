/**
 * The media bot of one call: a server-side LiveKit participant that publishes one mono track
 * (silence, prompts, music), reports DTMF and who comes and goes, sends DTMF, and records the
 * other participants. It never touches the database; a controller drives it.
 */
import {
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from '@livekit/rtc-node'
import type { JoinGrant } from '#voice/voice_provider'
import { Player, type PlayOptions, type PlayOutcome } from '#voice/bot/player'
import { BOT_SAMPLE_RATE, type Prompt } from '#voice/bot/prompts'
import { Recorder, type RecordingResult } from '#voice/bot/recorder'
import { digitOf, dtmfCode, parseDigits } from '#voice/bot/dtmf'
import { trackBot, untrackBot } from '#voice/bot/runtime'

/** What the controller hears from the bot. Handlers must not throw; errors are swallowed. */
export interface BotHandlers {
  onDtmf?(digit: string, fromIdentity: string | null): void
  onParticipantJoined?(identity: string): void
  onParticipantLeft?(identity: string): void
  /** The bot lost the room (room deleted, bot removed, network) and will not come back. */
  onDisconnected?(reason: string): void
}

/** Recording state as the call snapshot shows it. */
export type BotRecordingState = 'off' | 'on' | 'paused'

/** Time allowed to connect and publish before join() gives up. */
const JOIN_TIMEOUT_MS = 15000
/** Queue of the native audio source: small, so stop/play changes are heard quickly. */
const SOURCE_QUEUE_MS = 200
/** Gap between digits sent with sendDtmf. */
const DTMF_GAP_MS = 120

/** One bot in one call room. */
export class CallBot {
  readonly #room: Room
  readonly #grant: JoinGrant
  readonly #handlers: BotHandlers
  readonly #track: LocalAudioTrack
  readonly #player: Player
  readonly #audioTracks = new Map<string, { track: RemoteTrack; identity: string }>()
  #recorder: Recorder | null = null
  #left: Promise<void> | null = null

  private constructor(room: Room, grant: JoinGrant, handlers: BotHandlers, source: AudioSource, track: LocalAudioTrack) {
    this.#room = room
    this.#grant = grant
    this.#handlers = handlers
    this.#track = track
    this.#player = new Player(source)
  }

  /** Connects with the grant and publishes the bot's track at once (silence until something plays). */
  static async join(grant: JoinGrant, handlers: BotHandlers = {}): Promise<CallBot> {
    const room = new Room()
    const source = new AudioSource(BOT_SAMPLE_RATE, 1, SOURCE_QUEUE_MS)
    const track = LocalAudioTrack.createAudioTrack('bot', source)
    const bot = new CallBot(room, grant, handlers, source, track)
    bot.#listen()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The media bot could not join room ${grant.room} within ${JOIN_TIMEOUT_MS} ms`)), JOIN_TIMEOUT_MS)
    })
    try {
      await Promise.race([
        (async () => {
          await room.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false })
          // Connected after join() gave up: leave again rather than linger unowned in the room.
          if (bot.#left) return void (await room.disconnect())
          const options = new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE, dtx: false, red: false })
          await room.localParticipant!.publishTrack(track, options)
          bot.#player.start()
        })(),
        timeout,
      ])
    } catch (error) {
      await bot.leave().catch(() => {})
      throw error
    } finally {
      clearTimeout(timer)
    }
    trackBot(bot)
    return bot
  }

  /** The room and identity the bot joined with. */
  get room(): string {
    return this.#grant.room
  }

  get identity(): string {
    return this.#grant.identity
  }

  /** Identities of the other participants in the room now. */
  get participants(): string[] {
    return [...this.#room.remoteParticipants.keys()]
  }

  /** Identities whose audio the bot receives now (what a recording would contain). */
  get audioFrom(): string[] {
    return [...new Set([...this.#audioTracks.values()].map((entry) => entry.identity))]
  }

  /** Whether a prompt or a loop is playing. */
  get playing(): boolean {
    return this.#player.playing
  }

  get recording(): BotRecordingState {
    if (!this.#recorder) return 'off'
    return this.#recorder.paused ? 'paused' : 'on'
  }

  /** Plays the prompts in order, replacing whatever plays; resolves with how it ended. */
  play(prompts: Prompt[], options?: PlayOptions): Promise<PlayOutcome> {
    return this.#player.play(prompts, options)
  }

  /** Loops one clip (queue or hold music) until stop() or the next play()/loop(). */
  loop(music: Prompt): void {
    this.#player.loop(music)
  }

  /** Back to silence. */
  stop(): void {
    this.#player.stop()
  }

  /** Sends DTMF digits (0-9 * # A-D) to the room, e.g. to a SIP leg; 'w' waits half a second. */
  async sendDtmf(digits: string): Promise<void> {
    for (const digit of parseDigits(digits)) {
      if (digit === 'w') await delay(500)
      else await this.#room.localParticipant!.publishDtmf(dtmfCode(digit), digit)
      await delay(DTMF_GAP_MS)
    }
  }

  /** Starts mixing every other participant's audio into a 16 kHz mono WAV file. */
  startRecording(file: string): void {
    if (this.#left) throw new Error('The media bot has left the call')
    if (this.#recorder) throw new Error('A recording is already running in this call')
    this.#recorder = new Recorder(file, BOT_SAMPLE_RATE)
    for (const [sid, { track }] of this.#audioTracks) this.#recordTrack(sid, track)
  }

  /** From now on the recording holds silence (the timeline keeps running). */
  pauseRecording(): void {
    this.#recorder?.pause()
  }

  resumeRecording(): void {
    this.#recorder?.resume()
  }

  /** Finishes the file: duration, size and sha256 of the final WAV (also after the bot lost the room). */
  async stopRecording(): Promise<RecordingResult> {
    const recorder = this.#recorder
    if (!recorder) throw new Error('No recording is running in this call')
    this.#recorder = null
    return recorder.stop()
  }

  /** Stops playing, finishes a running recording, unpublishes and disconnects. Idempotent. */
  leave(): Promise<void> {
    this.#left ??= this.#teardown()
    return this.#left
  }

  async #teardown() {
    untrackBot(this)
    // The recorder stays set so a later stopRecording() still returns the finished file.
    await this.#recorder?.stop().catch(() => {})
    await this.#player.close()
    this.#audioTracks.clear()
    try {
      await this.#room.disconnect()
    } finally {
      await this.#track.close(true).catch(() => {})
    }
  }

  #listen() {
    const room = this.#room
    room.on(RoomEvent.DtmfReceived, (code: number, digit: string, participant?: RemoteParticipant) => {
      const value = digitOf(code, digit)
      if (!value) return
      this.#player.interrupt()
      this.#notify(() => this.#handlers.onDtmf?.(value, participant?.identity ?? null))
    })
    room.on(RoomEvent.ParticipantConnected, (participant: RemoteParticipant) => {
      this.#notify(() => this.#handlers.onParticipantJoined?.(participant.identity))
    })
    room.on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) => {
      this.#notify(() => this.#handlers.onParticipantLeft?.(participant.identity))
    })
    room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) => {
      if (track.kind !== TrackKind.KIND_AUDIO || !publication.sid) return
      this.#audioTracks.set(publication.sid, { track, identity: participant.identity })
      this.#recordTrack(publication.sid, track)
    })
    room.on(RoomEvent.TrackUnsubscribed, (_track: RemoteTrack, publication: RemoteTrackPublication) => {
      if (!publication.sid) return
      this.#audioTracks.delete(publication.sid)
      this.#recorder?.removeSource(publication.sid)
    })
    room.on(RoomEvent.Disconnected, (reason) => {
      if (this.#left) return
      void this.leave()
      this.#notify(() => this.#handlers.onDisconnected?.(String(reason)))
    })
  }

  #recordTrack(sid: string, track: RemoteTrack) {
    this.#recorder?.addSource(sid, new AudioStream(track, { sampleRate: BOT_SAMPLE_RATE, numChannels: 1 }))
  }

  #notify(call: () => void) {
    try {
      call()
    } catch {
      // A controller's handler must not break the media loop.
    }
  }
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
