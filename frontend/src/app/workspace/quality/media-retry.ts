import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { VoiceSession } from '../../shared/voice/voice-session';
import { WorkspaceStore } from '../workspace-store';

/** How many times the call's room is joined again after the media dropped. */
export const MEDIA_RETRIES = 5;

/** Wait before retry `attempt` (0-based): 1 s, 2 s, 4 s, 8 s, then 15 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 15_000);
}

/**
 * Joins the call's room again when its audio dropped while the call is still connected: a bounded
 * number of times with backoff; the agent can still retry by hand afterwards.
 */
@Injectable()
export class MediaRetry {
  private readonly store = inject(WorkspaceStore);
  private readonly voice = inject(VoiceSession);
  private readonly attempt = signal(0);
  private readonly waiting = signal<number | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Retries made since the audio was last up. */
  readonly attempts = this.attempt.asReadonly();
  /** Seconds before the next retry, while one is scheduled. */
  readonly nextInSeconds = this.waiting.asReadonly();
  readonly maxAttempts = MEDIA_RETRIES;

  constructor() {
    effect(() => {
      const dropped =
        this.store.mediaError() === 'connect_failed' &&
        this.store.mode() === 'connected' &&
        !!this.store.mediaCall();
      const up = this.voice.state() === 'connected';
      untracked(() => {
        if (up || !this.store.mediaCall()) {
          this.cancel();
          this.attempt.set(0);
        } else if (dropped && this.timer === undefined && this.attempt() < MEDIA_RETRIES) {
          this.schedule();
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.cancel());
  }

  private schedule(): void {
    const delay = retryDelayMs(this.attempt());
    this.waiting.set(Math.round(delay / 1000));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.waiting.set(null);
      this.attempt.update((n) => n + 1);
      void this.store.reconnectMedia();
    }, delay);
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting.set(null);
  }
}
