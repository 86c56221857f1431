import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { phoneNumber } from '../transfer-dialog/transfer-target';
import { WorkspaceStore } from '../workspace-store';

/** The outbound dial field of an agent without a call: a number and Call (Enter calls too). */
@Component({
  selector: 'app-dial-form',
  imports: [FormsModule, TranslocoPipe, NzButtonModule, NzIconModule, NzInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="dial"
      [class.compact]="compact()"
      (ngSubmit)="dial()"
      data-testid="workspace-dial-form"
    >
      <input
        nz-input
        [nzSize]="compact() ? 'small' : 'default'"
        name="number"
        type="tel"
        inputmode="tel"
        autocomplete="off"
        class="number"
        maxlength="32"
        [placeholder]="'softphone.dialPlaceholder' | transloco"
        [attr.aria-label]="'softphone.dialPlaceholder' | transloco"
        [ngModel]="text()"
        (ngModelChange)="text.set($event)"
        data-testid="workspace-dial-number"
      />
      <button
        nz-button
        nzType="primary"
        [nzSize]="compact() ? 'small' : 'default'"
        type="submit"
        class="call"
        [disabled]="!number()"
        [nzLoading]="store.saving()"
        data-testid="workspace-dial"
      >
        <nz-icon nzType="phone" />
        {{ 'softphone.dial' | transloco }}
      </button>
    </form>
  `,
  styles: `
    .dial {
      display: flex;
      gap: 8px;
    }
    .number {
      width: 200px;
    }
    .compact {
      gap: 6px;
    }
    .compact .number {
      width: 150px;
    }
    .call {
      background: #52c41a;
      border-color: #52c41a;
    }
    .call[disabled] {
      background: #f5f5f5;
      border-color: #d9d9d9;
    }
  `,
})
export class DialForm {
  /** Small field and button (the call bar framed by a CRM page). */
  readonly compact = input(false);

  protected readonly store = inject(WorkspaceStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly text = signal('');
  /** The number to send, or null while what is typed is not one. */
  protected readonly number = computed(() => phoneNumber(this.text()));

  protected async dial(): Promise<void> {
    const number = this.number();
    if (!number || this.store.saving()) return;
    const outcome = await this.store.dial(number);
    if (outcome.ok) this.text.set('');
    // 409: the server says why (e.g. no SIP gateway is connected), so show its words.
    else this.toast.failureAsSent(outcome.error);
  }
}
