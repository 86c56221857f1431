import { CdkMenu, CdkMenuItem, CdkMenuTrigger } from '@angular/cdk/menu';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
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
import { AudioDevices } from '../devices/audio-devices';
import { DeviceStore } from '../devices/device-store';
import { OfferAlerts, Ringer } from '../ringing/ringer';
import {
  shortcutAllowed,
  shortcutKeys,
  shortcutOf,
  ShortcutAction,
} from '../shortcuts/call-shortcuts';
import { ShortcutsHelp } from '../shortcuts/shortcuts-help';

/** Shortcuts the call bar handles (the call panel handles the call's own controls). */
const BAR_ACTIONS: ReadonlySet<ShortcutAction> = new Set([
  'answer',
  'decline',
  'hangup',
  'ready',
  'notReady',
  'help',
]);

/**
 * The agent's compact call bar: state and switcher, the connected call, wrap-up, the dial field;
 * the audio devices, the ring tone and desktop alert of an offer, and the bar's keyboard shortcuts.
 */
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
    AudioDevices,
    ShortcutsHelp,
  ],
  providers: [DeviceStore, Ringer, OfferAlerts],
  host: { '(document:keydown)': 'onKey($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './call-bar.html',
  styleUrl: './call-bar.css',
})
export class CallBar {
  /** A smaller dial field (the call bar framed by a CRM page). */
  readonly compact = input(false);

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

  protected readonly devices = inject(DeviceStore);
  protected readonly alerts = inject(OfferAlerts);
  private readonly ringer = inject(Ringer);
  private readonly transloco = inject(TranslocoService);
  protected readonly helpOpen = signal(false);
  protected readonly keys = shortcutKeys;

  constructor() {
    this.reasonCodes.load();
    // Ring (and, with the tab hidden, notify) while an offer is pending; stop on answer, decline or timeout.
    effect(() => {
      const offered = this.store.mode() === 'ringing';
      const consult = !!this.store.consultOffer();
      untracked(() => {
        this.ringer.follow(offered);
        if (!offered) return this.alerts.close();
        this.alerts.notify(
          this.transloco.translate(
            consult ? 'softphone2.ringing.consultTitle' : 'softphone2.ringing.title',
          ),
          this.party() ?? this.transloco.translate('softphone2.ringing.body'),
        );
      });
    });
  }

  /** The bar's shortcuts: answer, decline, hang up, ready, not ready and the help. */
  protected onKey(event: KeyboardEvent): void {
    const action = shortcutOf(event);
    if (!action || !BAR_ACTIONS.has(action as ShortcutAction)) return;
    const context = {
      mode: this.store.mode(),
      controls: this.store.controls(),
      choices: this.store.choices(),
    };
    if (!shortcutAllowed(action, context) || (action !== 'help' && this.store.saving())) return;
    event.preventDefault();
    switch (action) {
      case 'answer':
        return void this.answer();
      case 'decline':
        return void this.decline();
      case 'hangup':
        return void this.hangUp();
      case 'ready':
        return void this.switchTo('ready');
      case 'notReady':
        return void this.switchTo('not_ready');
      case 'help':
        return this.helpOpen.set(true);
    }
  }

  protected async answer(): Promise<void> {
    this.report(await this.store.answer());
  }

  protected async decline(): Promise<void> {
    this.report(await this.store.decline());
  }

  protected allowAlerts(): Promise<void> {
    return this.alerts.ask();
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
