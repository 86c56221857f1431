import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { AgentSelect } from '../transfer-dialog/agent-select';
import { FRAME_MODAL } from '../transfer-dialog/frame-modal';
import { WorkspaceStore } from '../workspace-store';

/**
 * The consult dialog: pick a ready colleague; the customer waits on hold while you talk. The pick
 * has the keyboard when it opens: type, Enter chooses, Enter again consults, Esc closes.
 */
@Component({
  selector: 'app-consult-dialog',
  imports: [TranslocoPipe, NzModalModule, AgentSelect, ApiErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="'softphone.consultTitle' | transloco"
      [nzWidth]="460"
      [nzStyle]="compact() ? frame.style : undefined"
      [nzBodyStyle]="compact() ? frame.bodyStyle : undefined"
      [nzOkText]="'softphone.consultNow' | transloco"
      [nzCancelText]="'common.cancel' | transloco"
      [nzOkDisabled]="!value()"
      [nzOkLoading]="store.saving()"
      (nzOnOk)="consult()"
      (nzOnCancel)="close()"
      [nzAutofocus]="null"
      (nzAfterOpen)="agentSelect()?.focus()"
    >
      <ng-container *nzModalContent>
        <p class="help">{{ 'softphone.consultHelp' | transloco }}</p>
        <app-api-error-alert [error]="store.transferTargetsError()" />
        <app-agent-select
          [agents]="store.transferTargets()?.agents ?? null"
          [placeholder]="'softphone.pickReadyAgent' | transloco"
          [onlyReady]="true"
          [value]="value()"
          (valueChange)="value.set($event)"
          (submitted)="consult()"
          testId="consult-agent"
        />
        @if (noneReady()) {
          <p class="none" data-testid="consult-none-ready">
            {{ 'softphone.noReadyAgent' | transloco }}
          </p>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .help {
      margin: 0 0 12px;
      color: rgba(0, 0, 0, 0.6);
    }
    .none {
      margin: 8px 0 0;
      color: #ad6800;
    }
  `,
})
export class ConsultDialog {
  /** Whether the dialog is open (two-way). */
  readonly open = model(false);
  /** Fits a small viewport (the call bar framed by a CRM page): see `FRAME_MODAL`. */
  readonly compact = input(false);

  protected readonly store = inject(WorkspaceStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly frame = FRAME_MODAL;

  protected readonly value = signal<string | null>(null);
  protected readonly agentSelect = viewChild(AgentSelect);
  /** The list has loaded and nobody in it is ready. */
  protected readonly noneReady = computed(() => {
    const agents = this.store.transferTargets()?.agents;
    return !!agents && !agents.some((agent) => agent.state === 'ready');
  });

  constructor() {
    effect(() => {
      if (this.open()) this.store.loadTransferTargets();
    });
  }

  protected close(): void {
    this.open.set(false);
    this.value.set(null);
  }

  protected async consult(): Promise<void> {
    const userId = this.value();
    if (!userId || this.store.saving()) return;
    const outcome = await this.store.consult(userId);
    if (outcome.ok) {
      this.close();
      this.toast.success('softphone.consultStarted');
    } else this.toast.failureAsSent(outcome.error);
  }
}
