import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { ConsultCommand } from '../consult';
import { WorkspaceStore } from '../workspace-store';

/** Icon and button style of each consultation command. */
const COMMANDS: Readonly<
  Record<ConsultCommand, { icon: string; primary: boolean; danger: boolean }>
> = {
  complete: { icon: 'swap', primary: true, danger: false },
  conference: { icon: 'team', primary: false, danger: false },
  cancel: { icon: 'close-circle', primary: false, danger: true },
};

/**
 * Where the call's consultation stands, from the viewer's side (`data-state`: ringing, talking,
 * conference), with the initiator's Complete transfer / Conference / Cancel as the server allows.
 */
@Component({
  selector: 'app-consult-status',
  imports: [TranslocoPipe, NzButtonModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.consultation(); as consult) {
      <div
        class="consult"
        role="status"
        data-testid="workspace-consult-state"
        [attr.data-state]="consult.state"
        [attr.data-role]="consult.role"
      >
        <nz-icon [nzType]="consult.state === 'conference' ? 'team' : 'user-switch'" class="icon" />
        <span class="text">{{
          'softphone.consulting.' + consult.role + '.' + consult.state
            | transloco
              : { name: consult.otherName ?? ('softphone.consulting.colleague' | transloco) }
        }}</span>
        <span class="actions">
          @for (command of store.controls().consultCommands; track command) {
            <button
              nz-button
              type="button"
              [nzType]="commands[command].primary ? 'primary' : 'default'"
              [nzDanger]="commands[command].danger"
              [disabled]="store.saving()"
              (click)="run(command)"
              [attr.data-testid]="'workspace-consult-' + command"
            >
              <nz-icon [nzType]="commands[command].icon" />
              {{ 'softphone.consultCommand.' + command | transloco }}
            </button>
          }
        </span>
      </div>
    }
  `,
  styles: `
    .consult {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 12px;
      padding: 8px 12px;
      background: #e6f4ff;
      border: 1px solid #91caff;
      border-radius: 6px;
    }
    .consult[data-state='conference'] {
      background: #f6ffed;
      border-color: #b7eb8f;
    }
    .icon {
      font-size: 18px;
      color: #1677ff;
    }
    .text {
      flex: 1;
      min-width: 240px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class ConsultStatus {
  protected readonly store = inject(WorkspaceStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly commands = COMMANDS;

  protected async run(command: ConsultCommand): Promise<void> {
    const outcome = await this.store.consultCommand(command);
    if (outcome.ok) this.toast.success(`softphone.consultDone.${command}`);
    else this.toast.failureAsSent(outcome.error);
  }
}
