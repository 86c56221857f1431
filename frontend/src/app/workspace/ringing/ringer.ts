import { DOCUMENT, inject, Injectable, InjectionToken, signal } from '@angular/core';

/** Makes the AudioContext the ring tone plays in (null where Web Audio is missing; tests swap it). */
export const RING_AUDIO = new InjectionToken<() => AudioContext | null>('RING_AUDIO', {
  providedIn: 'root',
  factory: () => () => (typeof AudioContext === 'undefined' ? null : new AudioContext()),
});

/** One ring: two 0.4 s bursts of 440 + 480 Hz, then silence; the cycle repeats every 3 s. */
export const RING_BURSTS: readonly { readonly at: number; readonly length: number }[] = [
  { at: 0, length: 0.4 },
  { at: 0.6, length: 0.4 },
];
export const RING_CYCLE_MS = 3000;
const RING_FREQUENCIES = [440, 480];

/** Plays the ring tone of an incoming offer until it is answered, declined or withdrawn. */
@Injectable()
export class Ringer {
  private readonly newContext = inject(RING_AUDIO);
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly playing = signal(false);

  /** Whether the ring tone is playing. */
  readonly ringing = this.playing.asReadonly();

  /** Starts ringing (nothing when already ringing). */
  start(): void {
    if (this.playing()) return;
    this.playing.set(true);
    this.context ??= this.newContext();
    void this.context?.resume().catch(() => undefined);
    this.ring();
    this.timer = setInterval(() => this.ring(), RING_CYCLE_MS);
  }

  /** Stops ringing (nothing when silent). */
  stop(): void {
    if (!this.playing()) return;
    this.playing.set(false);
    clearInterval(this.timer);
    this.timer = undefined;
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  /** Rings or stops to match whether an offer is pending. */
  follow(offered: boolean): void {
    if (offered) this.start();
    else this.stop();
  }

  private ring(): void {
    const context = this.context;
    if (!context) return;
    const now = context.currentTime;
    const gain = context.createGain();
    gain.gain.value = 0;
    gain.connect(context.destination);
    for (const burst of RING_BURSTS) {
      gain.gain.setValueAtTime(0.15, now + burst.at);
      gain.gain.setValueAtTime(0, now + burst.at + burst.length);
    }
    const last = RING_BURSTS[RING_BURSTS.length - 1];
    for (const frequency of RING_FREQUENCIES) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(now);
      oscillator.stop(now + last.at + last.length);
    }
  }
}

/** Notification permission as the call bar shows it ('unsupported' without the API). */
export type AlertPermission = NotificationPermission | 'unsupported';

/**
 * Desktop notifications of incoming offers while the tab is hidden; clicking one brings the tab
 * to the front.
 */
@Injectable()
export class OfferAlerts {
  private readonly document = inject(DOCUMENT);
  private readonly api = (this.document.defaultView as (Window & typeof globalThis) | null)
    ?.Notification;
  private readonly state = signal<AlertPermission>(this.api ? this.api.permission : 'unsupported');
  private shown: Notification | null = null;

  /** Whether the browser may show notifications. */
  readonly permission = this.state.asReadonly();

  /** Asks once for permission (call it from a click). */
  async ask(): Promise<void> {
    if (!this.api || this.state() !== 'default') return;
    this.state.set(await this.api.requestPermission());
  }

  /** Shows the notification when the tab is hidden and allowed; nothing otherwise. */
  notify(title: string, body: string): void {
    if (!this.api || this.state() !== 'granted' || !this.document.hidden) return;
    this.close();
    const shown = new this.api(title, { body, tag: 'cc-offer', requireInteraction: true });
    shown.onclick = () => {
      this.document.defaultView?.focus();
      shown.close();
    };
    this.shown = shown;
  }

  /** Removes the notification (answered, declined or withdrawn). */
  close(): void {
    this.shown?.close();
    this.shown = null;
  }
}
