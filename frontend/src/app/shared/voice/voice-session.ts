import { DestroyRef, DOCUMENT, inject, Injectable, InjectionToken, signal } from '@angular/core';
import {
  DisconnectReason,
  MediaDeviceFailure,
  RemoteParticipant,
  RemoteTrack,
  Room,
  RoomEvent,
  Track,
} from 'livekit-client';
import { Observable, Subject } from 'rxjs';
import { DtmfDigit, dtmfCode } from './dtmf';
import { JoinGrant, Listeners, MediaState, VoiceError, VoiceFailure } from './voice-models';

/** Makes the LiveKit room of a session (tests swap in a fake). */
export const VOICE_ROOM_FACTORY = new InjectionToken<() => Room>('VOICE_ROOM_FACTORY', {
  providedIn: 'root',
  factory: () => () =>
    new Room({
      adaptiveStream: false,
      dynacast: false,
      disconnectOnPageLeave: true,
      audioCaptureDefaults: {
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
      },
    }),
});

/** How long to wait for the server to allow publishing (whisper, barge) before giving up. */
export const PUBLISH_GRANT_WAIT_MS = 5000;

/** The failure behind a getUserMedia error. */
export function microphoneFailure(error: unknown): VoiceFailure {
  switch (MediaDeviceFailure.getFailure(error)) {
    case MediaDeviceFailure.PermissionDenied:
      return 'mic_denied';
    case MediaDeviceFailure.NotFound:
      return 'mic_missing';
    case MediaDeviceFailure.DeviceInUse:
      return 'mic_busy';
    default:
      return 'mic_unavailable';
  }
}

/** The link to the media server: none, up, being re-established by LiveKit, or lost. */
export type VoiceLink = 'none' | 'connected' | 'reconnecting' | 'lost';

/** Audio devices this browser prefers (ids of `enumerateDevices`; '' or absent: the default). */
export interface PreferredDevices {
  readonly audioinput?: string;
  readonly audiooutput?: string;
}

/** Current audio levels (0..1): this browser's microphone and the loudest remote party. */
export interface VoiceLevels {
  readonly local: number;
  readonly remote: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One browser's presence in a call's media room, over livekit-client: join with a grant, publish
 * the microphone, play every remote audio track in a hidden <audio> element, send DTMF, choose who
 * may hear the microphone, leave. Agent, supervisor and web caller all use it; provide it per page
 * so that closing the page leaves the room.
 */
@Injectable()
export class VoiceSession {
  private readonly newRoom = inject(VOICE_ROOM_FACTORY);
  private readonly document = inject(DOCUMENT);
  private room: Room | null = null;
  private audioBox: HTMLElement | null = null;
  /** True while this session itself leaves, so the close is not reported as unexpected. */
  private leaving = false;
  /** True once the room was joined: a failed join throws instead of reporting a close. */
  private joined = false;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly closedEvents = new Subject<string>();

  private readonly mediaState = signal<MediaState>('none');
  private readonly joinedRoom = signal<string | null>(null);
  private readonly subscribed = signal<readonly string[]>([]);
  private readonly microphone = signal(false);
  private readonly playbackBlocked = signal(false);
  private readonly allowed = signal<Listeners>('everyone');
  private readonly linkState = signal<VoiceLink>('none');
  private devices: PreferredDevices = {};

  /** none / connecting / connected (reconnecting counts as connecting). */
  readonly state = this.mediaState.asReadonly();
  /** Name of the room joined (or being joined). */
  readonly roomName = this.joinedRoom.asReadonly();
  /** Identities of the remote participants this browser receives a track from, sorted. */
  readonly subscribedIdentities = this.subscribed.asReadonly();
  /** Whether the microphone is published and not muted. */
  readonly micEnabled = this.microphone.asReadonly();
  /** Who may hear this browser's tracks in the current room (everyone in a new room). */
  readonly listeners = this.allowed.asReadonly();
  /** The browser refused to play audio without a click: call `resumeAudio()` from a click. */
  readonly audioBlocked = this.playbackBlocked.asReadonly();
  /** LiveKit's connection state: reconnecting while it re-establishes, lost when it gave up. */
  readonly link = this.linkState.asReadonly();
  /** Emits the reason when the room closes without this session asking (call ended, removed, network). */
  readonly closed: Observable<string> = this.closedEvents.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      void this.disconnect().finally(() => this.audioBox?.remove());
      this.closedEvents.complete();
    });
  }

  /** Asks for the microphone once (the permission prompt) and releases it; throws a VoiceError. */
  async checkMicrophone(): Promise<void> {
    const devices = this.document.defaultView?.navigator.mediaDevices;
    if (!devices?.getUserMedia) throw new VoiceError('mic_unavailable', 'no media devices');
    try {
      const stream = await devices.getUserMedia({ audio: true });
      stream.getTracks().forEach((track) => track.stop());
    } catch (error) {
      throw new VoiceError(microphoneFailure(error), messageOf(error));
    }
  }

  /**
   * Joins the grant's room (leaving another one first; a no-op when already in it), applies
   * `listeners` when given and then, when asked, publishes the microphone: so a consult or a
   * whisper never reaches anyone else, not even for a moment. A microphone failure leaves the
   * session connected and throws.
   */
  connect(
    grant: JoinGrant,
    options: { readonly microphone?: boolean; readonly listeners?: Listeners } = {},
  ): Promise<void> {
    return this.serial(async () => {
      if (!this.room || this.joinedRoom() !== grant.room) {
        await this.leave();
        await this.join(grant);
      }
      if (options.listeners) this.allowListeners(options.listeners);
      if (options.microphone) await this.enableMicrophone();
    });
  }

  /** Turns the microphone on (publishing it the first time) or mutes it. */
  setMicrophone(enabled: boolean): Promise<void> {
    return this.serial(async () => {
      if (enabled) await this.enableMicrophone();
      else await this.room?.localParticipant.setMicrophoneEnabled(false);
      this.syncMicrophone();
    });
  }

  /** Stops publishing the microphone altogether (back to listening only). */
  stopMicrophone(): Promise<void> {
    return this.serial(async () => {
      const local = this.room?.localParticipant;
      const track = local?.getTrackPublication(Track.Source.Microphone)?.track;
      if (local && track) await local.unpublishTrack(track, true);
      this.syncMicrophone();
    });
  }

  /**
   * Who may subscribe to this browser's tracks. Call it before publishing: the SFU enforces it per
   * subscriber, so a whisper never reaches the customer.
   */
  allowListeners(listeners: Listeners): void {
    const local = this.room?.localParticipant;
    if (!local) return;
    this.allowed.set(listeners);
    if (listeners === 'everyone') local.setTrackSubscriptionPermissions(true);
    else
      local.setTrackSubscriptionPermissions(
        false,
        listeners.map((participantIdentity) => ({ participantIdentity, allowAll: true })),
      );
  }

  /** Sends one keypad key into the room as a SIP DTMF data packet. */
  async sendDtmf(digit: DtmfDigit): Promise<void> {
    if (!this.room || this.mediaState() !== 'connected') return;
    await this.room.localParticipant.publishDtmf(dtmfCode(digit), digit);
  }

  /** Starts audio playback the browser blocked; call it from a click. */
  async resumeAudio(): Promise<void> {
    await this.room?.startAudio();
    this.playbackBlocked.set(this.room ? !this.room.canPlaybackAudio : false);
  }

  /**
   * Uses these microphone and speaker (remembered for later rooms too); switches the live ones
   * when in a room. Resolves false when the browser refused a device.
   */
  async useDevices(devices: PreferredDevices): Promise<boolean> {
    this.devices = { ...this.devices, ...devices };
    const room = this.room;
    if (!room) return true;
    return this.applyDevices(room, devices);
  }

  /** Current microphone and remote audio levels, as LiveKit measures them (0 when not in a room). */
  levels(): VoiceLevels {
    const room = this.room;
    if (!room) return { local: 0, remote: 0 };
    const remote = [...room.remoteParticipants.values()].reduce(
      (loudest, participant) => Math.max(loudest, participant.audioLevel),
      0,
    );
    return { local: room.localParticipant.audioLevel, remote };
  }

  /** WebRTC stats of the published microphone and of every received audio track. */
  async statsReports(): Promise<RTCStatsReport[]> {
    const room = this.room;
    if (!room || this.mediaState() !== 'connected') return [];
    const tracks = [
      room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track,
      ...[...room.remoteParticipants.values()].flatMap((participant) =>
        [...participant.audioTrackPublications.values()].map((publication) => publication.track),
      ),
    ];
    const reports = await Promise.all(
      tracks.map((track) => track?.getRTCStatsReport().catch(() => undefined)),
    );
    return reports.filter((report): report is RTCStatsReport => !!report);
  }

  /** Leaves the room (nothing happens when not in one). */
  disconnect(): Promise<void> {
    return this.serial(() => this.leave());
  }

  /** Runs session changes one after the other, so a leave never overtakes a join. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async join(grant: JoinGrant): Promise<void> {
    const room = this.newRoom();
    this.room = room;
    this.listen(room);
    this.joinedRoom.set(grant.room);
    this.mediaState.set('connecting');
    try {
      await room.connect(grant.url, grant.token, { autoSubscribe: true });
    } catch (error) {
      await this.leave();
      throw new VoiceError('connect_failed', messageOf(error));
    }
    if (this.room !== room) return;
    this.joined = true;
    this.mediaState.set('connected');
    this.linkState.set('connected');
    await this.applyDevices(room, this.devices);
    this.refresh();
  }

  private async applyDevices(room: Room, devices: PreferredDevices): Promise<boolean> {
    let ok = true;
    for (const kind of ['audioinput', 'audiooutput'] as const) {
      const id = devices[kind];
      if (id === undefined) continue;
      ok = (await room.switchActiveDevice(kind, id || 'default').catch(() => false)) && ok;
    }
    return ok;
  }

  private async enableMicrophone(): Promise<void> {
    const room = this.room;
    if (!room || this.mediaState() === 'none') return;
    if (!(await this.publishAllowed(room))) {
      throw new VoiceError('publish_refused', 'the server did not allow publishing');
    }
    try {
      await room.localParticipant.setMicrophoneEnabled(true);
    } catch (error) {
      throw new VoiceError(microphoneFailure(error), messageOf(error));
    } finally {
      this.syncMicrophone();
    }
  }

  /** Waits until the server grants publishing (it does after whisper or barge), up to a limit. */
  private publishAllowed(room: Room): Promise<boolean> {
    if (room.localParticipant.permissions?.canPublish ?? true) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (allowed: boolean) => {
        clearTimeout(timer);
        room.off(RoomEvent.ParticipantPermissionsChanged, check);
        resolve(allowed);
      };
      const check = () => {
        if (room.localParticipant.permissions?.canPublish) done(true);
      };
      const timer = setTimeout(() => done(false), PUBLISH_GRANT_WAIT_MS);
      room.on(RoomEvent.ParticipantPermissionsChanged, check);
    });
  }

  private async leave(): Promise<void> {
    const room = this.room;
    if (!room) return;
    this.leaving = true;
    try {
      await room.disconnect(true);
    } finally {
      this.leaving = false;
      this.reset(room);
    }
  }

  private reset(room: Room): void {
    if (this.room !== room) return;
    room.removeAllListeners();
    this.room = null;
    this.joined = false;
    this.audioBox?.replaceChildren();
    this.mediaState.set('none');
    this.joinedRoom.set(null);
    this.subscribed.set([]);
    this.microphone.set(false);
    this.playbackBlocked.set(false);
    this.allowed.set('everyone');
    this.linkState.set('none');
  }

  private listen(room: Room): void {
    const local = () => this.syncMicrophone();
    room
      .on(RoomEvent.TrackSubscribed, (track, _publication, participant) =>
        this.attach(track, participant),
      )
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        track.detach().forEach((element) => element.remove());
        // livekit-client emits this before it clears the publication's track: look after it has.
        setTimeout(() => this.refresh());
      })
      .on(RoomEvent.TrackSubscriptionStatusChanged, () => setTimeout(() => this.refresh()))
      .on(RoomEvent.ParticipantDisconnected, () => this.refresh())
      .on(RoomEvent.TrackSubscriptionPermissionChanged, () => this.refresh())
      .on(RoomEvent.LocalTrackPublished, local)
      .on(RoomEvent.LocalTrackUnpublished, local)
      .on(RoomEvent.TrackMuted, local)
      .on(RoomEvent.TrackUnmuted, local)
      .on(RoomEvent.AudioPlaybackStatusChanged, () =>
        this.playbackBlocked.set(!room.canPlaybackAudio),
      )
      .on(RoomEvent.Reconnecting, () => {
        this.mediaState.set('connecting');
        this.linkState.set('reconnecting');
      })
      .on(RoomEvent.Reconnected, () => {
        this.mediaState.set('connected');
        this.linkState.set('connected');
      })
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.leaving || this.room !== room || !this.joined) return;
        this.reset(room);
        this.linkState.set('lost');
        this.closedEvents.next(DisconnectReason[reason ?? DisconnectReason.UNKNOWN_REASON]);
      });
  }

  private attach(track: RemoteTrack, participant: RemoteParticipant): void {
    if (track.kind === Track.Kind.Audio) {
      const element = track.attach();
      element.dataset['identity'] = participant.identity;
      this.box().append(element);
    }
    this.refresh();
  }

  /** The hidden element holding the <audio> elements of remote tracks. */
  private box(): HTMLElement {
    if (!this.audioBox) {
      this.audioBox = this.document.createElement('div');
      this.audioBox.hidden = true;
      this.audioBox.dataset['voiceAudio'] = '';
      this.document.body.append(this.audioBox);
    }
    return this.audioBox;
  }

  private refresh(): void {
    const room = this.room;
    if (!room) return this.subscribed.set([]);
    const identities = [...room.remoteParticipants.values()]
      .filter((participant) =>
        [...participant.trackPublications.values()].some((pub) => pub.isSubscribed && pub.track),
      )
      .map((participant) => participant.identity)
      .sort();
    this.subscribed.set(identities);
  }

  private syncMicrophone(): void {
    this.microphone.set(this.room?.localParticipant.isMicrophoneEnabled ?? false);
  }
}
