import { CdkMenu, CdkMenuItem, CdkMenuTrigger } from '@angular/cdk/menu';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AgentSelf, ChosenState } from '../../shared/api/acd-models';
import { ReasonCodeChoices } from '../../reason-codes/reason-code-choices';
import { Outcome } from '../../shared/api/outcome';
import { Clock } from '../../shared/time/clock';
import { elapsedSince } from '../../shared/time/duration';
import { AgentStateTag } from '../../shared/ui/agent-state-tag/agent-state-tag';
import { MENU_BELOW_END } from '../../shared/ui/menu-positions';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { otherParty } from '../call-bar-mode';
import { DialForm } from '../dial-form/dial-form';
import { WorkspaceStore } from '../workspace-store';

/** The agent's compact call bar: state and switcher, the connected call, wrap-up, the dial field. */
@Component({
  selector: 'app-call-bar',
  imports: [
    CdkMenu,
    CdkMenuItem,
    CdkMenuTrigger,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTooltipModule,
    AgentStateTag,
    DialForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './call-bar.html',
  styleUrl: './call-bar.css',
})
export class CallBar {
  protected readonly store = inject(WorkspaceStore);
  private readonly clock = inject(Clock);
  private readonly toast = inject(OutcomeToast);

  protected readonly menuPosition = MENU_BELOW_END;
  private readonly reasonCodes = inject(ReasonCodeChoices);
  protected readonly reasons = this.reasonCodes.choices;
  protected readonly agent = this.store.agent;
  /** The number at the other end of the call. */
  protected readonly party = computed(() => otherParty(this.agent()?.call));
  /** Live time in the current state. */
  protected readonly inState = computed(() => elapsedSince(this.agent()?.since, this.clock.now()));
  /** Live talk time of the connected call. */
  protected readonly talkTime = computed(() =>
    elapsedSince(this.agent()?.call?.answeredAt ?? this.agent()?.since, this.clock.now()),
  );

  /** Hang up unless the server's allowed actions leave it out. */
  protected readonly canHangUp = computed(() => {
    const allowed = this.agent()?.call?.allowedActions;
    return !allowed || allowed.includes('hangup');
  });

  constructor() {
    this.reasonCodes.load();
  }

  protected async switchTo(state: ChosenState, reason?: string): Promise<void> {
    this.report(await this.store.setState(state, reason));
  }

  protected async hangUp(): Promise<void> {
    this.report(await this.store.hangUp());
  }

  private report(outcome: Outcome<AgentSelf>): void {
    if (!outcome.ok) this.toast.failureAsSent(outcome.error);
  }
}
