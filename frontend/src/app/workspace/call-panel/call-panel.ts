import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AgentSelf } from '../../shared/api/acd-models';
import { Outcome } from '../../shared/api/outcome';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { DialPad } from '../../shared/voice/dial-pad/dial-pad';
import { DtmfDigit } from '../../shared/voice/dtmf';
import { roleOfIdentity } from '../../shared/voice/voice-models';
import { VoiceSession } from '../../shared/voice/voice-session';
import { CallCommand, RecordingCommand } from '../agent-api';
import { ConsultDialog } from '../consult-dialog/consult-dialog';
import { ConsultStatus } from '../consult-status/consult-status';
import { TransferDialog } from '../transfer-dialog/transfer-dialog';
import { WrapUpForm } from '../wrap-up-form/wrap-up-form';
import { WorkspaceStore } from '../workspace-store';

/** Icon of each recording command. */
const RECORDING_ICONS: Readonly<Record<RecordingCommand, string>> = {
  start: 'audio',
  pause: 'pause-circle',
  resume: 'play-circle',
  stop: 'stop',
};

/**
 * The softphone under the call bar: the call's audio (who is heard, supervisors, failures), the
 * consultation, the controls the server allows (mute, hold, keypad, transfer, consult, recording)
 * and the disposition during wrap-up.
 */
@Component({
  selector: 'app-call-panel',
  imports: [
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzTagModule,
    NzTooltipModule,
    DialPad,
    TransferDialog,
    ConsultDialog,
    ConsultStatus,
    WrapUpForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './call-panel.html',
  styleUrl: './call-panel.css',
})
export class CallPanel {
  protected readonly store = inject(WorkspaceStore);
  protected readonly voice = inject(VoiceSession);
  private readonly toast = inject(OutcomeToast);

  protected readonly recordingIcons = RECORDING_ICONS;
  protected readonly padOpen = signal(false);
  protected readonly transferOpen = signal(false);
  protected readonly consultOpen = signal(false);
  protected readonly call = computed(() => this.store.agent()?.call ?? null);
  protected readonly onCall = computed(() => this.store.mode() === 'connected');
  /** The parties this browser hears, by role. */
  protected readonly heard = computed(() =>
    this.voice.subscribedIdentities().map((identity) => ({
      identity,
      role: roleOfIdentity(identity),
    })),
  );

  protected async run(command: CallCommand): Promise<void> {
    this.report(await this.store.callCommand(command));
  }

  protected async record(action: RecordingCommand): Promise<void> {
    this.report(await this.store.recording(action));
  }

  protected async press(digit: DtmfDigit): Promise<void> {
    this.report(await this.store.sendDtmf(digit));
  }

  protected reconnect(): Promise<void> {
    return this.store.reconnectMedia();
  }

  protected resumeAudio(): Promise<void> {
    return this.voice.resumeAudio();
  }

  private report(outcome: Outcome<AgentSelf>): void {
    if (!outcome.ok) this.toast.failureAsSent(outcome.error);
  }
}
