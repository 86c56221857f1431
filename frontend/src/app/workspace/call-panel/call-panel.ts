import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
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
import { CallLevels } from '../devices/call-levels';
import { MediaRetry } from '../quality/media-retry';
import { QualityReporter } from '../quality/quality-reporter';
import {
  recordingToggle,
  shortcutAllowed,
  shortcutKeys,
  shortcutOf,
  ShortcutAction,
} from '../shortcuts/call-shortcuts';

/** Shortcuts the call bar handles, not the panel. */
const BAR_ACTIONS: ReadonlySet<ShortcutAction> = new Set([
  'answer',
  'decline',
  'hangup',
  'ready',
  'notReady',
  'help',
]);

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
 * and the disposition during wrap-up; the link state (reconnecting, retries), audio levels, call
 * quality, and the keyboard shortcuts of the call's controls.
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
    CallLevels,
  ],
  providers: [QualityReporter, MediaRetry],
  host: { '(document:keydown)': 'onKey($event)' },
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

  protected readonly quality = inject(QualityReporter).last;
  protected readonly retry = inject(MediaRetry);
  protected readonly keys = shortcutKeys;
  /** Shown for a few seconds after LiveKit re-established the connection. */
  protected readonly reconnected = signal(false);

  constructor() {
    let was = this.voice.link();
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect(() => {
      const link = this.voice.link();
      if (was === 'reconnecting' && link === 'connected') {
        this.reconnected.set(true);
        clearTimeout(timer);
        timer = setTimeout(() => this.reconnected.set(false), 4000);
      } else if (link !== 'connected') {
        this.reconnected.set(false);
      }
      was = link;
    });
  }

  /** The call's shortcuts: hold, mute, transfer, consult, keypad, recording, DTMF digits. */
  protected onKey(event: KeyboardEvent): void {
    const action = shortcutOf(event);
    if (!action || BAR_ACTIONS.has(action as ShortcutAction)) return;
    const controls = this.store.controls();
    const context = { mode: this.store.mode(), controls, choices: this.store.choices() };
    if (!shortcutAllowed(action, context)) return;
    // An open keypad types the digits itself; dialogs and the server's answer go first.
    if (action.length === 1 && this.padOpen()) return;
    if (this.transferOpen() || this.consultOpen() || this.store.saving()) return;
    event.preventDefault();
    switch (action) {
      case 'hold':
        return void this.run(controls.hold!);
      case 'mute':
        return void this.run(controls.mute!);
      case 'transfer':
        return this.transferOpen.set(true);
      case 'consult':
        return this.consultOpen.set(true);
      case 'keypad':
        return this.padOpen.update((open) => !open);
      case 'record':
        return void this.record(recordingToggle(controls)!);
      default:
        return void this.press(action as DtmfDigit);
    }
  }

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
