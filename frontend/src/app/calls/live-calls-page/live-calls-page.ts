import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { CallSummary } from '../../shared/api/acd-models';
import { Outcome } from '../../shared/api/outcome';
import { Clock } from '../../shared/time/clock';
import { elapsedSince } from '../../shared/time/duration';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { VoiceSession } from '../../shared/voice/voice-session';
import { LiveCallsStore } from '../live-calls-store';
import { callStartedAt, SupervisorAction, supervisorActions } from '../supervision';

/** Colour of each call status tag. */
const STATUS_COLORS: Readonly<Record<string, string>> = {
  ringing: 'gold',
  ivr: 'cyan',
  queued: 'orange',
  offered: 'gold',
  connected: 'green',
  ended: 'default',
};

/**
 * Supervisors' live calls: queue, agent, customer, status, duration and who supervises, with the
 * supervision commands the session's permissions allow. Test hooks as on the workspace:
 * `data-media-state` on the root and the hidden `[data-subscribed-identities]`.
 */
@Component({
  selector: 'app-live-calls-page',
  imports: [
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    IconAction,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'live-calls',
    '[attr.data-media-state]': 'voice.state()',
  },
  templateUrl: './live-calls-page.html',
  styleUrl: './live-calls-page.css',
})
export class LiveCallsPage {
  protected readonly store = inject(LiveCallsStore);
  protected readonly voice = inject(VoiceSession);
  private readonly clock = inject(Clock);
  private readonly toast = inject(OutcomeToast);
  private readonly router = inject(Router);
  private readonly granted = inject(Store).selectSignal(authFeature.selectPermissionSet);

  protected readonly statusColors = STATUS_COLORS;
  protected readonly subscribed = computed(() => this.voice.subscribedIdentities().join(','));
  /** The row being supervised, for the banner. */
  protected readonly current = computed(() => {
    const supervising = this.store.supervising();
    return supervising
      ? (this.store.calls().find((call) => call.id === supervising.callId) ?? null)
      : null;
  });

  protected actions(call: CallSummary): ReadonlySet<SupervisorAction> {
    return supervisorActions(call, this.store.supervising(), this.granted());
  }

  protected duration(call: CallSummary): string | null {
    return elapsedSince(callStartedAt(call), this.clock.now());
  }

  protected async monitor(call: CallSummary): Promise<void> {
    this.report(await this.store.monitor(call));
  }

  protected async whisper(call: CallSummary): Promise<void> {
    this.report(await this.store.whisper(call));
  }

  protected async barge(call: CallSummary): Promise<void> {
    this.report(await this.store.barge(call));
  }

  protected async intercept(call: CallSummary): Promise<void> {
    const outcome = await this.store.intercept(call);
    this.report(outcome);
    if (!outcome.ok) return;
    this.toast.success('liveCalls.intercepted');
    // The supervisor is now the call's agent: the workspace joins the call with their agent grant.
    if (this.granted().has('calls.handle')) await this.router.navigateByUrl('/workspace');
  }

  protected async leave(): Promise<void> {
    this.report(await this.store.leave());
  }

  protected async release(call: CallSummary): Promise<void> {
    const outcome = await this.store.release(call);
    if (outcome.ok) this.toast.success('liveCalls.released');
    else this.report(outcome);
  }

  protected resumeAudio(): Promise<void> {
    return this.voice.resumeAudio();
  }

  private report(outcome: Outcome<unknown>): void {
    // Voice failures show in the banner; API failures as a toast.
    if (!outcome.ok && outcome.error.code !== 'E_VOICE') this.toast.failureAsSent(outcome.error);
  }
}
