import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { LiveCallsStore } from '../../calls/live-calls-store';
import { SupervisingBanner } from '../../calls/supervising-banner/supervising-banner';
import { SupervisionActions } from '../../calls/supervision-actions/supervision-actions';
import { ReasonCodeChoices } from '../../reason-codes/reason-code-choices';
import { AgentState, ChosenState } from '../../shared/api/acd-models';
import { AgentStateTag } from '../../shared/ui/agent-state-tag/agent-state-tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { AgentAdminActions } from '../../agents/agent-admin-actions/agent-admin-actions';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { VoiceSession } from '../../shared/voice/voice-session';
import { QueueTiles } from '../queue-tiles/queue-tiles';
import { SupervisedAgent } from '../supervisor-api';
import { STATE_ORDER } from '../supervisor-rows';
import { SupervisorStore } from '../supervisor-store';

/**
 * The supervisor console: today's queue tiles, then the live agents grid (state, time in state,
 * current call, queues) with filters and, per agent, supervision of their call (the shared
 * supervision banner and buttons on the live-calls store, which handles the audio), force release,
 * force state, lock and unlock.
 */
@Component({
  selector: 'app-supervisor-page',
  imports: [
    AgentAdminActions,
    FormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    AgentStateTag,
    ApiErrorAlert,
    PageHeader,
    QueueTiles,
    SupervisingBanner,
    SupervisionActions,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'supervisor', '[attr.data-media-state]': 'voice.state()' },
  templateUrl: './supervisor-page.html',
  styleUrl: './supervisor-page.css',
})
export class SupervisorPage {
  protected readonly store = inject(SupervisorStore);
  /** Loaded here; the row commands offer them as not-ready reasons. */
  private readonly reasonCodes = inject(ReasonCodeChoices);
  protected readonly calls = inject(LiveCallsStore);
  protected readonly voice = inject(VoiceSession);
  private readonly toast = inject(OutcomeToast);
  private readonly granted = inject(Store).selectSignal(authFeature.selectPermissionSet);

  protected readonly states = STATE_ORDER;
  protected readonly canManage = computed(() => this.granted().has('agents.manage'));

  constructor() {
    this.reasonCodes.load();
  }

  protected teamNames(agent: SupervisedAgent): string {
    return agent.teams.map((team) => team.name).join(', ');
  }

  protected filterTeam(teamId: string | null): void {
    this.store.filterTeam(teamId || null);
  }

  protected filterState(state: AgentState | null): void {
    this.store.filterState(state || null);
  }

  /** A supervisor may force a state unless a call is being offered or talked on. */
  protected canForce(agent: SupervisedAgent): boolean {
    return agent.state !== 'reserved' && agent.state !== 'busy';
  }

  protected async force(
    agent: SupervisedAgent,
    state: ChosenState,
    reason?: string,
  ): Promise<void> {
    const outcome = await this.store.forceState(agent, state, reason);
    if (outcome.ok) this.toast.success('agents.forced', { name: agent.displayName });
    else this.toast.failureAsSent(outcome.error);
  }

  protected async setLocked(agent: SupervisedAgent, locked: boolean): Promise<void> {
    const outcome = await this.store.setLocked(agent, locked);
    const key = locked ? 'agents.lockedDone' : 'agents.unlockedDone';
    if (outcome.ok) this.toast.success(key, { name: agent.displayName });
    else this.toast.failureAsSent(outcome.error);
  }
}
