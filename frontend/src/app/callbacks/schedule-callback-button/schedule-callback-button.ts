import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { authFeature } from '../../auth/auth.reducer';
import { ScreenPopStore } from '../../workspace/screen-pop/screen-pop-store';
import { WorkspaceStore } from '../../workspace/workspace-store';
import { prefillFromCall } from '../callback-prefill';
import { CallbacksStore } from '../callbacks-store';

/**
 * "Schedule callback" for the agent's call: opens the booking form with the call's number, its
 * customer (when the screen pop found exactly one) and its queue.
 */
@Component({
  selector: 'app-schedule-callback-button',
  imports: [TranslocoPipe, NzButtonModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (allowed()) {
      <button
        nz-button
        type="button"
        [nzSize]="size()"
        (click)="open()"
        [attr.data-testid]="'schedule-callback-' + place()"
      >
        <nz-icon nzType="clock-circle" />
        {{ 'callbacks.schedule' | transloco }}
      </button>
    }
  `,
})
export class ScheduleCallbackButton {
  /** Where the button sits (names its test id). */
  readonly place = input.required<string>();
  readonly size = input<'small' | 'default'>('default');

  private readonly workspace = inject(WorkspaceStore);
  private readonly pop = inject(ScreenPopStore, { optional: true });
  private readonly callbacks = inject(CallbacksStore);
  private readonly granted = inject(Store).selectSignal(authFeature.selectPermissionSet);
  protected readonly allowed = computed(() => this.granted().has('calls.handle'));

  protected open(): void {
    this.callbacks.openNew(prefillFromCall(this.workspace.agent(), this.pop?.matches() ?? null));
  }
}
