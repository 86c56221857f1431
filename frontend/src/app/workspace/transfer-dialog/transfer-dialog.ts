import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { WorkspaceStore } from '../workspace-store';
import { AgentSelect } from './agent-select';
import { EnterSubmit } from './enter-submit';
import { FRAME_MODAL } from './frame-modal';
import { TransferKind, transferTarget } from './transfer-target';

/** The transfer dialog: to another agent, a queue (with its waiting count) or a phone number. */
@Component({
  selector: 'app-transfer-dialog',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    AgentSelect,
    ApiErrorAlert,
    EnterSubmit,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="'softphone.transferTitle' | transloco"
      [nzWidth]="460"
      [nzStyle]="compact() ? frame.style : undefined"
      [nzBodyStyle]="compact() ? frame.bodyStyle : undefined"
      [nzOkText]="'softphone.transferNow' | transloco"
      [nzCancelText]="'common.cancel' | transloco"
      [nzOkDisabled]="!target()"
      [nzOkLoading]="store.saving()"
      (nzOnOk)="transfer()"
      (nzOnCancel)="open.set(false)"
    >
      <ng-container *nzModalContent>
        <app-api-error-alert [error]="store.transferTargetsError()" />
        <nz-radio-group
          class="kinds"
          [ngModel]="kind()"
          (ngModelChange)="choose($event)"
          data-testid="transfer-kind"
        >
          <label nz-radio-button nzValue="agent" data-testid="transfer-kind-agent">{{
            'softphone.toAgent' | transloco
          }}</label>
          <label nz-radio-button nzValue="queue" data-testid="transfer-kind-queue">{{
            'softphone.toQueue' | transloco
          }}</label>
          <label nz-radio-button nzValue="number" data-testid="transfer-kind-number">{{
            'softphone.toNumber' | transloco
          }}</label>
        </nz-radio-group>
        @switch (kind()) {
          @case ('agent') {
            <app-agent-select
              [agents]="store.transferTargets()?.agents ?? null"
              [placeholder]="'softphone.pickAgent' | transloco"
              [value]="value()"
              (valueChange)="value.set($event)"
              (submitted)="transfer()"
              testId="transfer-agent"
            />
          }
          @case ('queue') {
            <nz-select
              class="field"
              nzShowSearch
              [nzPlaceHolder]="'softphone.pickQueue' | transloco"
              [ngModel]="value()"
              (ngModelChange)="value.set($event)"
              [nzLoading]="!store.transferTargets()"
              (appEnterSubmit)="transfer()"
              data-testid="transfer-queue"
            >
              @for (queue of store.transferTargets()?.queues ?? []; track queue.id) {
                <nz-option nzCustomContent [nzValue]="queue.id" [nzLabel]="queue.name">
                  <span class="option">
                    {{ queue.name }}
                    <span class="waiting">{{
                      'softphone.waiting' | transloco: { count: queue.waiting }
                    }}</span>
                  </span>
                </nz-option>
              }
            </nz-select>
          }
          @case ('number') {
            <input
              nz-input
              class="field"
              type="tel"
              inputmode="tel"
              autocomplete="off"
              [placeholder]="'softphone.numberPlaceholder' | transloco"
              [ngModel]="value()"
              (ngModelChange)="value.set($event)"
              (keydown.enter)="transfer()"
              data-testid="transfer-number"
            />
          }
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .kinds {
      display: flex;
      margin-bottom: 16px;
    }
    .kinds label {
      flex: 1;
      text-align: center;
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
    .waiting {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class TransferDialog {
  /** Whether the dialog is open (two-way). */
  readonly open = model(false);
  /** Fits a small viewport (the call bar framed by a CRM page): see `FRAME_MODAL`. */
  readonly compact = input(false);

  protected readonly store = inject(WorkspaceStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly frame = FRAME_MODAL;

  protected readonly kind = signal<TransferKind>('agent');
  protected readonly value = signal<string | null>(null);
  protected readonly target = computed(() => transferTarget(this.kind(), this.value()));

  constructor() {
    effect(() => {
      if (this.open()) this.store.loadTransferTargets();
    });
  }

  protected choose(kind: TransferKind): void {
    this.kind.set(kind);
    this.value.set(null);
  }

  protected async transfer(): Promise<void> {
    const target = this.target();
    if (!target || this.store.saving()) return;
    const outcome = await this.store.transfer(target);
    if (outcome.ok) {
      this.open.set(false);
      this.value.set(null);
      this.toast.success('softphone.transferred');
    } else this.toast.failureAsSent(outcome.error);
  }
}
