import { computed, DOCUMENT, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { PreferredDevices, VoiceSession } from '../../shared/voice/voice-session';

/** Where the chosen devices are remembered (tests swap in a fake). */
export const DEVICE_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem'> | null>(
  'DEVICE_STORAGE',
  { providedIn: 'root', factory: () => inject(DOCUMENT).defaultView?.localStorage ?? null },
);

/** The browser's media devices (null where there are none; tests swap in a fake). */
export const MEDIA_DEVICES = new InjectionToken<MediaDevices | null>('MEDIA_DEVICES', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).defaultView?.navigator.mediaDevices ?? null,
});

/** The storage key of the chosen devices. */
export const DEVICES_KEY = 'cc.softphone.devices';

/** One microphone or speaker of the picker. */
export interface AudioDevice {
  readonly id: string;
  readonly label: string;
}

/** Reads remembered device ids, ignoring anything malformed. */
export function parseDevices(text: string | null): PreferredDevices {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    if (!value || typeof value !== 'object') return {};
    const { audioinput, audiooutput } = value as Record<string, unknown>;
    return {
      ...(typeof audioinput === 'string' ? { audioinput } : {}),
      ...(typeof audiooutput === 'string' ? { audiooutput } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * The agent's microphone and speaker: the list of the browser's devices, the ones chosen
 * (remembered in localStorage, '' meaning the system default) and applied to the call's room.
 */
@Injectable()
export class DeviceStore {
  private readonly storage = inject(DEVICE_STORAGE);
  private readonly media = inject(MEDIA_DEVICES);
  private readonly voice = inject(VoiceSession);
  private readonly all = signal<readonly MediaDeviceInfo[]>([]);
  private readonly chosen = signal<PreferredDevices>(
    parseDevices(this.storage?.getItem(DEVICES_KEY) ?? null),
  );

  readonly microphones = computed(() => this.ofKind('audioinput'));
  readonly speakers = computed(() => this.ofKind('audiooutput'));
  /** Chosen microphone id ('' = default). */
  readonly microphone = computed(() => this.chosen().audioinput ?? '');
  /** Chosen speaker id ('' = default). */
  readonly speaker = computed(() => this.chosen().audiooutput ?? '');
  /** Whether this browser can choose the speaker (setSinkId). */
  readonly speakerChoice =
    typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

  constructor() {
    void this.voice.useDevices(this.chosen());
  }

  /** Lists the devices again (labels appear once the microphone was allowed). */
  async load(): Promise<void> {
    if (!this.media?.enumerateDevices) return;
    this.all.set(await this.media.enumerateDevices().catch(() => []));
  }

  /** Uses this microphone from now on, in the call too. */
  chooseMicrophone(id: string): Promise<boolean> {
    return this.choose({ audioinput: id });
  }

  /** Uses this speaker from now on, in the call too. */
  chooseSpeaker(id: string): Promise<boolean> {
    return this.choose({ audiooutput: id });
  }

  private choose(change: PreferredDevices): Promise<boolean> {
    this.chosen.update((devices) => ({ ...devices, ...change }));
    this.storage?.setItem(DEVICES_KEY, JSON.stringify(this.chosen()));
    return this.voice.useDevices(change);
  }

  private ofKind(kind: MediaDeviceKind): AudioDevice[] {
    return this.all()
      .filter((device) => device.kind === kind && device.deviceId !== 'default')
      .map((device, index) => ({
        id: device.deviceId,
        label: device.label || `${kind} ${index + 1}`,
      }));
  }
}
