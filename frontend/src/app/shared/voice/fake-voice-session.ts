import { signal } from '@angular/core';
import { Subject } from 'rxjs';
import { DtmfDigit } from './dtmf';
import { JoinGrant, Listeners, MediaState, VoiceError, VoiceFailure } from './voice-models';
import { PreferredDevices, VoiceLevels, VoiceLink, VoiceSession } from './voice-session';

/**
 * Stands in for VoiceSession in unit tests: no LiveKit, every call is written to `log` in order
 * (`connect call-1 +mic`, `connect call-1 only a:u-2 +mic`, `allow a:u-1`, `mic on`, `dtmf 5`, `disconnect`).
 */
export class FakeVoiceSession implements Pick<VoiceSession, keyof VoiceSession> {
  readonly log: string[] = [];
  readonly state = signal<MediaState>('none');
  readonly roomName = signal<string | null>(null);
  readonly subscribedIdentities = signal<readonly string[]>([]);
  readonly micEnabled = signal(false);
  readonly audioBlocked = signal(false);
  readonly listeners = signal<Listeners>('everyone');
  readonly closedEvents = new Subject<string>();
  readonly closed = this.closedEvents.asObservable();
  readonly link = signal<VoiceLink>('none');
  /** What `levels()` answers. */
  currentLevels: VoiceLevels = { local: 0, remote: 0 };
  /** What `statsReports()` answers. */
  reports: RTCStatsReport[] = [];
  /** When set, asking for the microphone fails with this. */
  micFailure: VoiceFailure | null = null;
  /** When set, joining a room fails. */
  connectFails = false;

  async checkMicrophone(): Promise<void> {
    this.log.push('check mic');
    if (this.micFailure) throw new VoiceError(this.micFailure, 'fake');
  }

  async connect(
    grant: JoinGrant,
    options: { readonly microphone?: boolean; readonly listeners?: Listeners } = {},
  ): Promise<void> {
    const only = options.listeners && options.listeners !== 'everyone' ? options.listeners : null;
    this.log.push(
      `connect ${grant.room}${only ? ` only ${only.join(',')}` : ''}${options.microphone ? ' +mic' : ''}`,
    );
    if (this.connectFails) throw new VoiceError('connect_failed', 'fake');
    this.state.set('connected');
    this.roomName.set(grant.room);
    if (options.listeners) this.listeners.set(options.listeners);
    if (!options.microphone) return;
    if (this.micFailure) throw new VoiceError(this.micFailure, 'fake');
    this.micEnabled.set(true);
  }

  async setMicrophone(enabled: boolean): Promise<void> {
    this.log.push(`mic ${enabled ? 'on' : 'off'}`);
    this.micEnabled.set(enabled);
  }

  async stopMicrophone(): Promise<void> {
    this.log.push('mic stop');
    this.micEnabled.set(false);
  }

  allowListeners(listeners: Listeners): void {
    this.listeners.set(listeners);
    this.log.push(`allow ${listeners === 'everyone' ? 'everyone' : listeners.join(',')}`);
  }

  async sendDtmf(digit: DtmfDigit): Promise<void> {
    this.log.push(`dtmf ${digit}`);
  }

  async resumeAudio(): Promise<void> {
    this.audioBlocked.set(false);
  }

  async useDevices(devices: PreferredDevices): Promise<boolean> {
    this.log.push(`devices ${devices.audioinput ?? '-'} ${devices.audiooutput ?? '-'}`);
    return true;
  }

  levels(): VoiceLevels {
    return this.currentLevels;
  }

  async statsReports(): Promise<RTCStatsReport[]> {
    return this.reports;
  }

  async disconnect(): Promise<void> {
    if (this.state() === 'none') return;
    this.log.push('disconnect');
    this.state.set('none');
    this.roomName.set(null);
    this.micEnabled.set(false);
    this.listeners.set('everyone');
  }

  /** The room closes on its own (the call ended on the server). */
  closeFromServer(reason = 'ROOM_DELETED'): void {
    this.state.set('none');
    this.roomName.set(null);
    this.micEnabled.set(false);
    this.listeners.set('everyone');
    this.link.set('lost');
    this.closedEvents.next(reason);
  }
}
