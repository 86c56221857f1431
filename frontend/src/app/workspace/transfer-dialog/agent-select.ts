import { ChangeDetectionStrategy, Component, input, model, output, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectComponent, NzSelectModule } from 'ng-zorro-antd/select';
import { TransferTargets } from '../../shared/api/acd-models';
import { AgentStateTag } from '../../shared/ui/agent-state-tag/agent-state-tag';
import { EnterSubmit } from './enter-submit';

/** A searchable pick of a colleague with their live state (transfer and consult dialogs). */
@Component({
  selector: 'app-agent-select',
  imports: [FormsModule, NzSelectModule, AgentStateTag, EnterSubmit],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-select
      class="field"
      nzShowSearch
      [nzPlaceHolder]="placeholder()"
      [ngModel]="value()"
      (ngModelChange)="value.set($event)"
      [nzLoading]="agents() === null"
      [attr.data-testid]="testId()"
      (appEnterSubmit)="submitted.emit()"
    >
      @for (agent of agents() ?? []; track agent.userId) {
        <nz-option
          nzCustomContent
          [nzValue]="agent.userId"
          [nzLabel]="agent.displayName"
          [nzDisabled]="onlyReady() && agent.state !== 'ready'"
        >
          <span class="option">
            {{ agent.displayName }}
            <app-agent-state-tag [state]="agent.state" />
          </span>
        </nz-option>
      }
    </nz-select>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .option {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class AgentSelect {
  /** The agents to choose from (null while they load). */
  readonly agents = input.required<TransferTargets['agents'] | null>();
  /** The chosen agent's user id (two-way). */
  readonly value = model<string | null>(null);
  readonly placeholder = input('');
  /** Only ready agents can be chosen (the others show, greyed out). */
  readonly onlyReady = input(false);
  readonly testId = input.required<string>();
  /** Enter pressed with an agent chosen. */
  readonly submitted = output<void>();

  private readonly select = viewChild.required(NzSelectComponent);

  /** Puts the keyboard in the pick (type to search, arrows and Enter to choose). */
  focus(): void {
    this.select().focus();
  }
}
