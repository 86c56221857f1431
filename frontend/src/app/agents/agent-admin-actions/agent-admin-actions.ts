import { CdkMenu, CdkMenuItem, CdkMenuTrigger } from '@angular/cdk/menu';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AgentState, ChosenState } from '../../shared/api/acd-models';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { MENU_BELOW_END } from '../../shared/ui/menu-positions';
import { ReasonCodeChoices } from '../../reason-codes/reason-code-choices';

/** A state a supervisor forces, with the not-ready reason. */
export interface ForcedState {
  readonly state: ChosenState;
  readonly reason?: string;
}

/**
 * A supervisor's commands on one agent's row: lock / unlock, and force ready or not ready with one
 * of the organisation's reasons (or signed out, where offered). Test ids start with `testIdPrefix` (`agent-lock`, `supervisor-force-ready`, …).
 */
@Component({
  selector: 'app-agent-admin-actions',
  imports: [
    CdkMenu,
    CdkMenuItem,
    CdkMenuTrigger,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTooltipModule,
    IconAction,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (locked()) {
      <app-icon-action
        icon="unlock"
        [label]="'agents.unlock' | transloco"
        [testId]="testIdPrefix() + '-unlock'"
        (pressed)="lockChange.emit(false)"
      />
    } @else {
      <app-icon-action
        icon="lock"
        [label]="'agents.lock' | transloco"
        [testId]="testIdPrefix() + '-lock'"
        (pressed)="lockChange.emit(true)"
      />
    }
    <button
      nz-button
      nzType="text"
      nzSize="small"
      type="button"
      [disabled]="!canForce()"
      [cdkMenuTriggerFor]="forceMenu"
      [cdkMenuPosition]="menuPosition"
      nz-tooltip
      [nzTooltipTitle]="'agents.forceState' | transloco"
      [attr.aria-label]="'agents.forceState' | transloco"
      [attr.data-testid]="testIdPrefix() + '-force'"
    >
      <nz-icon nzType="swap" />
    </button>
    <ng-template #forceMenu>
      <ul
        cdkMenu
        class="ant-dropdown-menu ant-dropdown-menu-root ant-dropdown-menu-vertical app-menu"
      >
        <li
          cdkMenuItem
          class="ant-dropdown-menu-item"
          [class.ant-dropdown-menu-item-disabled]="state() === 'ready'"
          [cdkMenuItemDisabled]="state() === 'ready'"
          (cdkMenuItemTriggered)="forceState.emit({ state: 'ready' })"
          [attr.data-testid]="testIdPrefix() + '-force-ready'"
        >
          <nz-icon nzType="play-circle" class="ant-dropdown-menu-item-icon" />{{
            'agents.forceReady' | transloco
          }}
        </li>
        <li class="ant-dropdown-menu-item-divider" role="separator"></li>
        <li class="menu-title" role="none">{{ 'agents.forceNotReady' | transloco }}</li>
        @for (reason of reasons(); track reason.code) {
          <li
            cdkMenuItem
            class="ant-dropdown-menu-item"
            (cdkMenuItemTriggered)="forceState.emit({ state: 'not_ready', reason: reason.code })"
            [attr.data-testid]="testIdPrefix() + '-force-not-ready-' + reason.code"
          >
            <nz-icon nzType="pause-circle" class="ant-dropdown-menu-item-icon" />{{
              reason.translated ? ('agentReason.' + reason.code | transloco) : reason.label
            }}
          </li>
        }
        @if (offline()) {
          <li class="ant-dropdown-menu-item-divider" role="separator"></li>
          <li
            cdkMenuItem
            class="ant-dropdown-menu-item ant-dropdown-menu-item-danger"
            [class.ant-dropdown-menu-item-disabled]="state() === 'offline'"
            [cdkMenuItemDisabled]="state() === 'offline'"
            (cdkMenuItemTriggered)="forceState.emit({ state: 'offline' })"
            [attr.data-testid]="testIdPrefix() + '-force-offline'"
          >
            <nz-icon nzType="poweroff" class="ant-dropdown-menu-item-icon" />{{
              'agents.forceOffline' | transloco
            }}
          </li>
        }
      </ul>
    </ng-template>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
    }
    .menu-title {
      padding: 4px 12px;
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class AgentAdminActions {
  readonly state = input.required<AgentState>();
  readonly locked = input.required<boolean>();
  readonly canForce = input.required<boolean>();
  readonly testIdPrefix = input.required<string>();
  /** Whether the menu also offers signing the agent out. */
  readonly offline = input(false);
  readonly lockChange = output<boolean>();
  readonly forceState = output<ForcedState>();

  protected readonly menuPosition = MENU_BELOW_END;
  protected readonly reasons = inject(ReasonCodeChoices).choices;
}
