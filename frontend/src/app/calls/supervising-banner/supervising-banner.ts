import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { SupervisionMode } from '../../shared/api/acd-models';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { VoiceSession } from '../../shared/voice/voice-session';
import { LiveCallsStore } from '../live-calls-store';
import { reportFailure } from '../supervision-actions/supervision-actions';

/** Icon of each supervision mode. */
const MODE_ICONS: Readonly<Record<SupervisionMode, string>> = {
  monitor: 'eye',
  whisper: 'comment',
  barge: 'sound',
};

/**
 * "You are supervising this call": the mode, the agent and caller, the audio state and what the
 * mode means, with resume-audio (when the browser blocked playback) and leave; below it the
 * supervisor's audio failure. Reads and drives the page's live-calls store.
 */
@Component({
  selector: 'app-supervising-banner',
  imports: [TranslocoPipe, NzAlertModule, NzButtonModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervising-banner.html',
  styleUrl: './supervising-banner.css',
})
export class SupervisingBanner {
  /** Start of the test ids: `<prefix>-supervising`, `-resume-audio`, `-leave`, `-media-error`. */
  readonly testIdPrefix = input.required<string>();

  protected readonly calls = inject(LiveCallsStore);
  protected readonly voice = inject(VoiceSession);
  private readonly toast = inject(OutcomeToast);

  protected readonly modeIcons = MODE_ICONS;
  /** The supervised call's row, when the list still has it. */
  protected readonly current = computed(() => {
    const supervising = this.calls.supervising();
    return supervising
      ? (this.calls.calls().find((call) => call.id === supervising.callId) ?? null)
      : null;
  });

  protected async leave(): Promise<void> {
    reportFailure(this.toast, await this.calls.leave());
  }

  protected resumeAudio(): Promise<void> {
    return this.voice.resumeAudio();
  }
}
