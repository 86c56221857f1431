import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { VoiceLevels, VoiceSession } from '../../shared/voice/voice-session';
import { LevelMeter } from './level-meter';

/** The agent's own and the remote party's audio level during a call, from LiveKit's audioLevel. */
@Component({
  selector: 'app-call-levels',
  imports: [TranslocoPipe, LevelMeter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (voice.state() === 'connected') {
      <app-level-meter
        [level]="levels().local"
        [label]="'softphone2.levels.you' | transloco"
        data-testid="workspace-level-local"
      />
      <app-level-meter
        [level]="levels().remote"
        [label]="'softphone2.levels.caller' | transloco"
        data-testid="workspace-level-remote"
      />
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 12px;
      flex-wrap: wrap;
    }
  `,
})
export class CallLevels {
  protected readonly voice = inject(VoiceSession);
  protected readonly levels = signal<VoiceLevels>({ local: 0, remote: 0 });

  constructor() {
    let timer: ReturnType<typeof setInterval> | undefined;
    effect(() => {
      const live = this.voice.state() === 'connected';
      untracked(() => {
        clearInterval(timer);
        if (live) timer = setInterval(() => this.levels.set(this.voice.levels()), 200);
      });
    });
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
