import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AgentSelf } from '../../shared/api/acd-models';
import { Outcome } from '../../shared/api/outcome';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { DialPad } from '../../shared/voice/dial-pad/dial-pad';
import { DtmfDigit } from '../../shared/voice/dtmf';
import { VoiceSession } from '../../shared/voice/voice-session';
import { CallCommand } from '../../workspace/agent-api';
import { ConsultDialog } from '../../workspace/consult-dialog/consult-dialog';
import { ConsultStatus } from '../../workspace/consult-status/consult-status';
import { TransferDialog } from '../../workspace/transfer-dialog/transfer-dialog';
import { WorkspaceStore } from '../../workspace/workspace-store';

/** How many of the digits sent fit beside the keypad. */
const SHOWN_DIGITS = 10;

/**
 * The connected call's controls in the framed call bar, as the server allows them
 * (`store.controls()`): hold, mute, the keypad (DTMF, with the digits sent), transfer and consult
 * (the workspace's dialogs, fitted to the frame) and the consultation's complete / conference /
 * cancel; the audio hints. The workspace's call panel offers the same, roomier.
 */
@Component({
  selector: 'app-embed-call-controls',
  imports: [
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTagModule,
    DialPad,
    TransferDialog,
    ConsultDialog,
    ConsultStatus,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './embed-call-controls.html',
  styleUrl: './embed-call-controls.css',
})
export class EmbedCallControls {
  protected readonly store = inject(WorkspaceStore);
  protected readonly voice = inject(VoiceSession);
  private readonly toast = inject(OutcomeToast);

  protected readonly padOpen = signal(false);
  protected readonly transferOpen = signal(false);
  protected readonly consultOpen = signal(false);
  /** Hold and mute as the server allows them now: the command the button sends, pressed while it undoes one. */
  protected readonly toggles = computed(() => {
    const { hold, mute } = this.store.controls();
    return [
      hold && {
        command: hold,
        pressed: hold === 'retrieve',
        icon: hold === 'retrieve' ? 'play-circle' : 'pause-circle',
      },
      mute && {
        command: mute,
        pressed: mute === 'unmute',
        icon: mute === 'unmute' ? 'audio-muted' : 'audio',
      },
    ].filter((toggle) => toggle !== null);
  });
  /** Transfer and consult, each opening its dialog, when the server allows them. */
  protected readonly dialogs = computed(() => {
    const controls = this.store.controls();
    return [
      controls.transfer ? { kind: 'transfer', icon: 'swap', open: this.transferOpen } : null,
      controls.consult ? { kind: 'consult', icon: 'user-switch', open: this.consultOpen } : null,
    ].filter((dialog) => dialog !== null);
  });
  /** The digits sent on this call, the latest ones when they do not all fit. */
  protected readonly digits = computed(() => {
    const digits = this.store.digits();
    return digits.length > SHOWN_DIGITS ? `…${digits.slice(-SHOWN_DIGITS)}` : digits;
  });

  protected async run(command: CallCommand): Promise<void> {
    this.report(await this.store.callCommand(command));
  }

  protected async press(digit: DtmfDigit): Promise<void> {
    this.report(await this.store.sendDtmf(digit));
  }

  protected resumeAudio(): Promise<void> {
    return this.voice.resumeAudio();
  }

  private report(outcome: Outcome<AgentSelf>): void {
    if (!outcome.ok) this.toast.failureAsSent(outcome.error);
  }
}
