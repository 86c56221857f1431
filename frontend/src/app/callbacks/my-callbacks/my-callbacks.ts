import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { callEventKey } from '../../workspace/my-queues/my-queues-store';
import { WorkspaceStore } from '../../workspace/workspace-store';
import { Callback } from '../callbacks-api';
import { CallbacksStore } from '../callbacks-store';

/** "My callbacks": the agent's upcoming callbacks with reschedule and cancel, and booking a new one. */
@Component({
  selector: 'app-my-callbacks',
  imports: [
    DatePipe,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzTagModule,
    NzTooltipModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (allowed()) {
      <section
        class="card"
        data-testid="my-callbacks"
        [attr.aria-label]="'callbacks.title' | transloco"
      >
        <header class="head">
          <h3>{{ 'callbacks.title' | transloco }}</h3>
          <span class="count">{{ store.callbacks().length }}</span>
          <button
            nz-button
            nzType="link"
            nzSize="small"
            type="button"
            (click)="store.openNew({})"
            data-testid="my-callbacks-new"
          >
            <nz-icon nzType="plus" /> {{ 'callbacks.new' | transloco }}
          </button>
        </header>
        <ul class="list">
          @for (callback of store.callbacks(); track callback.id) {
            <li
              class="row"
              data-testid="my-callback"
              [attr.data-callback-id]="callback.id"
              [attr.data-status]="callback.status"
            >
              <time class="when" [attr.datetime]="callback.dueAt">{{
                callback.dueAt | date: (isToday(callback) ? 'HH:mm' : 'MM-dd HH:mm')
              }}</time>
              <span class="who">
                <span class="number">{{ callback.number }}</span>
                @if (callback.customerName) {
                  <span class="customer">{{ callback.customerName }}</span>
                }
                @if (callback.note) {
                  <span class="note" [title]="callback.note">{{ callback.note }}</span>
                }
              </span>
              <nz-tag [nzColor]="callback.status === 'queued' ? 'orange' : 'blue'" class="status">{{
                'callbacks.status.' + callback.status | transloco
              }}</nz-tag>
              @if (callback.mode === 'queue') {
                <nz-icon
                  nzType="team"
                  nz-tooltip
                  [nzTooltipTitle]="'callbacks.mode.queue' | transloco"
                  [attr.aria-label]="'callbacks.mode.queue' | transloco"
                />
              }
              <span class="actions">
                @if (callback.status === 'scheduled') {
                  <button
                    nz-button
                    nzType="text"
                    nzSize="small"
                    type="button"
                    (click)="store.openReschedule(callback)"
                    [attr.aria-label]="'callbacks.reschedule' | transloco"
                    nz-tooltip
                    [nzTooltipTitle]="'callbacks.reschedule' | transloco"
                    data-testid="my-callback-reschedule"
                  >
                    <nz-icon nzType="edit" />
                  </button>
                }
                <button
                  nz-button
                  nzType="text"
                  nzSize="small"
                  nzDanger
                  type="button"
                  nz-popconfirm
                  [nzPopconfirmTitle]="'callbacks.cancelQuestion' | transloco"
                  [nzOkText]="'callbacks.cancel' | transloco"
                  [nzCancelText]="'callbacks.keep' | transloco"
                  (nzOnConfirm)="cancel(callback)"
                  [attr.aria-label]="'callbacks.cancel' | transloco"
                  data-testid="my-callback-cancel"
                >
                  <nz-icon nzType="close" />
                </button>
              </span>
            </li>
          } @empty {
            <li class="empty" data-testid="my-callbacks-empty">
              {{ 'callbacks.none' | transloco }}
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .card {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 8px 12px;
      margin-bottom: 12px;
      background: #fafafa;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    h3 {
      font-size: 13px;
      font-weight: 600;
      margin: 0;
    }
    .count {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .head button {
      margin-left: auto;
    }
    .list {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      max-height: 220px;
      overflow-y: auto;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 2px 0;
      font-size: 13px;
    }
    .row + .row {
      border-top: 1px solid #f0f0f0;
    }
    .when {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      white-space: nowrap;
    }
    .who {
      display: flex;
      gap: 8px;
      flex: 1;
      min-width: 0;
      align-items: baseline;
    }
    .number {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .customer {
      white-space: nowrap;
    }
    .note {
      color: rgba(0, 0, 0, 0.45);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .status {
      margin: 0;
    }
    .actions {
      display: flex;
      white-space: nowrap;
    }
    .empty {
      color: rgba(0, 0, 0, 0.45);
      padding: 4px 0;
    }
  `,
})
export class MyCallbacks {
  protected readonly store = inject(CallbacksStore);
  private readonly workspace = inject(WorkspaceStore);
  private readonly toast = inject(OutcomeToast);
  private readonly granted = inject(Store).selectSignal(authFeature.selectPermissionSet);
  protected readonly allowed = computed(() => this.granted().has('calls.handle'));

  constructor() {
    if (this.allowed()) {
      this.store.follow(computed(() => callEventKey(this.workspace.agent())));
      this.store.followLive();
    }
  }

  protected isToday(callback: Callback): boolean {
    return new Date(callback.dueAt).toDateString() === new Date().toDateString();
  }

  protected async cancel(callback: Callback): Promise<void> {
    const outcome = await this.store.cancel(callback);
    this.toast.report(outcome, 'callbacks.cancelled', { number: callback.number });
  }
}
