import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { VoiceSession } from '../../shared/voice/voice-session';
import { WorkspaceStore } from '../workspace-store';
import { CallQualityApi } from './call-quality-api';
import { PacketCounters, QualitySample, readQuality } from './quality-stats';

/** How often the softphone measures and reports call quality. */
export const QUALITY_INTERVAL_MS = 10_000;

/**
 * While the agent's call has audio, reads the WebRTC stats every 10 s, shows the last sample and
 * posts it to the backend (a lost sample is not retried: the next one follows).
 */
@Injectable()
export class QualityReporter {
  private readonly store = inject(WorkspaceStore);
  private readonly voice = inject(VoiceSession);
  private readonly api = inject(CallQualityApi);
  private readonly sample = signal<QualitySample | null>(null);
  private counters: PacketCounters | null = null;

  /** The last sample of the current call (null before the first one). */
  readonly last = this.sample.asReadonly();

  constructor() {
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    effect(() => {
      const callId =
        this.store.mode() === 'connected' ? (this.store.agent()?.call?.id ?? null) : null;
      const live = this.voice.state() === 'connected';
      untracked(() => {
        stop();
        if (!callId) {
          this.sample.set(null);
          this.counters = null;
        }
        if (callId && live)
          timer = setInterval(() => void this.measure(callId), QUALITY_INTERVAL_MS);
      });
    });
    inject(DestroyRef).onDestroy(stop);
  }

  /** Reads the stats once and reports them for the call. */
  async measure(callId: string): Promise<void> {
    const reading = readQuality(await this.voice.statsReports(), this.counters);
    this.counters = reading.counters;
    if (!reading.sample) return;
    this.sample.set(reading.sample);
    await firstValueFrom(this.api.report(callId, reading.sample)).catch(() => undefined);
  }
}
