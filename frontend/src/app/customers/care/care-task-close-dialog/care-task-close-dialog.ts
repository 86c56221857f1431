import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { TRACKING_TYPES, TrackingType } from '../../tracking-api';
import { CareTask, CompleteCareTask } from '../care-api';

/** How a task is being closed. */
export type CloseMode = 'done' | 'skip';

/** What the dialog hands back: the body of done, or the reason of a skip. */
export type CloseRequest =
  | { readonly mode: 'done'; readonly task: CareTask; readonly body: CompleteCareTask }
  | { readonly mode: 'skip'; readonly task: CareTask; readonly note: string | null };

/**
 * Closing a care task: done (with an outcome, a note, and by default a tracking record of the
 * customer, e.g. the call that was made) or skipped (with a reason).
 */
@Component({
  selector: 'app-care-task-close-dialog',
  imports: [FormsModule, TranslocoPipe, NzFormModule, NzInputModule, NzModalModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="task() !== null"
      [nzTitle]="
        (mode() === 'done' ? 'customerCare.close.doneTitle' : 'customerCare.close.skipTitle')
          | transloco
      "
      [nzWidth]="480"
      [nzOkText]="
        (mode() === 'done' ? 'customerCare.actions.done' : 'customerCare.actions.skip') | transloco
      "
      [nzCancelText]="'common.cancel' | transloco"
      [nzOkLoading]="saving()"
      (nzOnOk)="confirm()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        @if (task(); as t) {
          <p class="title" data-testid="care-close-task">{{ t.title }}</p>
          <form nz-form nzLayout="vertical" (ngSubmit)="confirm()">
            @if (mode() === 'done') {
              <nz-form-item>
                <nz-form-label nzFor="care-close-log">{{
                  'customerCare.close.logAs' | transloco
                }}</nz-form-label>
                <nz-form-control>
                  <nz-select
                    nzId="care-close-log"
                    name="trackingType"
                    [ngModel]="trackingType()"
                    (ngModelChange)="trackingType.set($event)"
                    data-testid="care-close-log"
                  >
                    <nz-option
                      [nzValue]="null"
                      [nzLabel]="'customerCare.close.noLog' | transloco"
                    />
                    @for (type of types; track type) {
                      <nz-option
                        [nzValue]="type"
                        [nzLabel]="'customers.tracking.types.' + type | transloco"
                      />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label nzFor="care-close-outcome">{{
                  'customers.tracking.outcome' | transloco
                }}</nz-form-label>
                <nz-form-control>
                  <input
                    nz-input
                    id="care-close-outcome"
                    name="outcome"
                    maxlength="64"
                    [placeholder]="'customers.tracking.outcomePlaceholder' | transloco"
                    [ngModel]="outcome()"
                    (ngModelChange)="outcome.set($event)"
                    data-testid="care-close-outcome"
                  />
                </nz-form-control>
              </nz-form-item>
            }
            <nz-form-item>
              <nz-form-label nzFor="care-close-note">{{
                (mode() === 'done' ? 'customerCare.close.note' : 'customerCare.close.reason')
                  | transloco
              }}</nz-form-label>
              <nz-form-control>
                <textarea
                  nz-input
                  id="care-close-note"
                  name="note"
                  rows="3"
                  maxlength="4000"
                  [ngModel]="note()"
                  (ngModelChange)="note.set($event)"
                  data-testid="care-close-note"
                ></textarea>
              </nz-form-control>
            </nz-form-item>
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .title {
      font-weight: 600;
      margin-bottom: 12px;
    }
  `,
})
export class CareTaskCloseDialog {
  /** The task being closed; null hides the dialog. */
  readonly task = input<CareTask | null>(null);
  readonly mode = input<CloseMode>('done');
  readonly saving = input(false);
  readonly confirmed = output<CloseRequest>();
  readonly cancelled = output();

  protected readonly types = TRACKING_TYPES;
  protected readonly trackingType = signal<TrackingType | null>('call');
  protected readonly outcome = signal('');
  protected readonly note = signal('');

  constructor() {
    effect(() => {
      if (!this.task()) return;
      this.trackingType.set('call');
      this.outcome.set('');
      this.note.set('');
    });
  }

  protected confirm(): void {
    const task = this.task();
    if (!task) return;
    const note = this.note().trim() || null;
    if (this.mode() === 'skip') {
      this.confirmed.emit({ mode: 'skip', task, note });
      return;
    }
    this.confirmed.emit({
      mode: 'done',
      task,
      body: { outcome: this.outcome().trim() || null, note, trackingType: this.trackingType() },
    });
  }
}
