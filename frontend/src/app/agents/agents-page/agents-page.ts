import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { AgentState, AgentStatus, ChosenState } from '../../shared/api/acd-models';
import { Clock } from '../../shared/time/clock';
import { elapsedSince } from '../../shared/time/duration';
import { AgentStateTag } from '../../shared/ui/agent-state-tag/agent-state-tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { AgentsStore } from '../agents-store';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { AgentAdminActions } from '../agent-admin-actions/agent-admin-actions';
import { ReasonCodeChoices } from '../../reason-codes/reason-code-choices';
import { AgentProfileDrawer } from '../agent-profile-drawer/agent-profile-drawer';
import { AgentProfileStore } from '../agent-profile-store';

/** States in the order the summary shows them. */
const SUMMARY_STATES: readonly AgentState[] = [
  'ready',
  'reserved',
  'busy',
  'wrap_up',
  'not_ready',
  'offline',
];

/** Supervisors' live table of agents: state, time in state, lock, current call, commands and profiles. */
@Component({
  selector: 'app-agents-page',
  imports: [
    IconAction,
    AgentAdminActions,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTooltipModule,
    AgentStateTag,
    AgentProfileDrawer,
    ApiErrorAlert,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agents-page.html',
  styleUrl: './agents-page.css',
})
export class AgentsPage {
  protected readonly store = inject(AgentsStore);
  /** Loaded here; the row commands offer them as not-ready reasons. */
  private readonly reasonCodes = inject(ReasonCodeChoices);
  private readonly session = inject(Store);
  private readonly clock = inject(Clock);
  private readonly toast = inject(OutcomeToast);
  private readonly profiles = inject(AgentProfileStore);

  protected readonly summaryStates = SUMMARY_STATES;
  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('agents.manage'),
  );
  private readonly canEditSkills = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('queues.manage'),
  );

  constructor() {
    this.reasonCodes.load();
  }

  /** Live "mm:ss" in the current state. */
  protected timeInState(agent: AgentStatus): string | null {
    return elapsedSince(agent.since, this.clock.now());
  }

  /** Opens the profile drawer (skills editable for queue admins). */
  protected openProfile(agent: AgentStatus): void {
    this.profiles.open(
      { userId: agent.userId, displayName: agent.displayName },
      this.canEditSkills(),
    );
  }

  /** A supervisor may force a state unless a call is being offered or talked on. */
  protected canForce(agent: AgentStatus): boolean {
    return agent.state !== 'reserved' && agent.state !== 'busy';
  }

  protected async force(agent: AgentStatus, state: ChosenState, reason?: string): Promise<void> {
    const outcome = await this.store.forceState(agent, state, reason);
    if (outcome.ok) this.toast.success('agents.forced', { name: agent.displayName });
    else this.toast.failureAsSent(outcome.error);
  }

  protected async setLocked(agent: AgentStatus, locked: boolean): Promise<void> {
    const outcome = await this.store.setLocked(agent, locked);
    const key = locked ? 'agents.lockedDone' : 'agents.unlockedDone';
    if (outcome.ok) this.toast.success(key, { name: agent.displayName });
    else this.toast.failureAsSent(outcome.error);
  }
}
