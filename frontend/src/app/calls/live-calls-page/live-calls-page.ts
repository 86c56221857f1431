import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CallSummary } from '../../shared/api/acd-models';
import { Clock } from '../../shared/time/clock';
import { elapsedSince } from '../../shared/time/duration';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { VoiceSession } from '../../shared/voice/voice-session';
import { LiveCallsStore } from '../live-calls-store';
import { callStartedAt } from '../supervision';
import { SupervisingBanner } from '../supervising-banner/supervising-banner';
import { SupervisionActions } from '../supervision-actions/supervision-actions';

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
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    PageHeader,
    SupervisingBanner,
    SupervisionActions,
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

  protected readonly statusColors = STATUS_COLORS;
  protected readonly subscribed = computed(() => this.voice.subscribedIdentities().join(','));

  protected duration(call: CallSummary): string | null {
    return elapsedSince(callStartedAt(call), this.clock.now());
  }
}
