import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { authFeature } from '../../auth/auth.reducer';
import { CallSummary } from '../../shared/api/acd-models';
import { Outcome } from '../../shared/api/outcome';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { LiveCallsStore } from '../live-calls-store';
import { SupervisorAction, supervisorActions } from '../supervision';

/** The row's commands shown as icon buttons (force hang-up asks first, so it is apart). */
type IconCommand = Exclude<SupervisorAction, 'release'>;

/** One icon button of the row: its command, icon and label (a translation key). */
interface IconButton {
  readonly command: IconCommand;
  readonly icon: string;
  readonly label: string;
}

/** The icon buttons in the order the row shows them. */
const ICON_BUTTONS: readonly IconButton[] = [
  { command: 'monitor', icon: 'eye', label: 'liveCalls.monitor' },
  { command: 'whisper', icon: 'comment', label: 'liveCalls.whisper' },
  { command: 'barge', icon: 'sound', label: 'liveCalls.barge' },
  { command: 'intercept', icon: 'user-switch', label: 'liveCalls.intercept' },
  { command: 'leave', icon: 'logout', label: 'liveCalls.leave' },
];

/** Toasts a failed supervision command; voice failures show in the supervising banner instead. */
export function reportFailure(toast: OutcomeToast, outcome: Outcome<unknown>): void {
  if (!outcome.ok && outcome.error.code !== 'E_VOICE') toast.failureAsSent(outcome.error);
}

/**
 * The supervision commands of one call's row (monitor, whisper, barge, take over, leave, force
 * hang-up) that the session's permissions and the call allow, run through the page's live-calls
 * store.
 */
@Component({
  selector: 'app-supervision-actions',
  imports: [TranslocoPipe, DeleteButton, IconAction],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervision-actions.html',
})
export class SupervisionActions {
  /** The call the buttons act on. */
  readonly call = input.required<CallSummary>();
  /** Start of the buttons' test ids: `<prefix>-monitor`, `-whisper`, `-barge`, … */
  readonly testIdPrefix = input.required<string>();
  /** Whether the row offers leave (pages whose banner is the only way out pass false). */
  readonly offerLeave = input(true);

  private readonly calls = inject(LiveCallsStore);
  private readonly toast = inject(OutcomeToast);
  private readonly router = inject(Router);
  private readonly granted = inject(Store).selectSignal(authFeature.selectPermissionSet);

  protected readonly actions = computed<ReadonlySet<SupervisorAction>>(() => {
    const offered = supervisorActions(this.call(), this.calls.supervising(), this.granted());
    if (this.offerLeave()) return offered;
    return new Set([...offered].filter((action) => action !== 'leave'));
  });
  /** The offered icon buttons, in order. */
  protected readonly iconButtons = computed(() =>
    ICON_BUTTONS.filter((button) => this.actions().has(button.command)),
  );

  protected async run(command: IconCommand): Promise<void> {
    if (command === 'intercept') return this.intercept();
    const outcome = await (command === 'leave'
      ? this.calls.leave()
      : this.calls[command](this.call()));
    reportFailure(this.toast, outcome);
  }

  private async intercept(): Promise<void> {
    const outcome = await this.calls.intercept(this.call());
    reportFailure(this.toast, outcome);
    if (!outcome.ok) return;
    this.toast.success('liveCalls.intercepted');
    // The supervisor is now the call's agent: the workspace joins the call with their agent grant.
    if (this.granted().has('calls.handle')) await this.router.navigateByUrl('/workspace');
  }

  protected async release(): Promise<void> {
    const outcome = await this.calls.release(this.call());
    if (outcome.ok) this.toast.success('liveCalls.released');
    else reportFailure(this.toast, outcome);
  }
}
