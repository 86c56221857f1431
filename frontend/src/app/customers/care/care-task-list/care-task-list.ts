import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { CareRuleKind, CareTask } from '../care-api';
import {
  CareTaskCloseDialog,
  CloseMode,
  CloseRequest,
} from '../care-task-close-dialog/care-task-close-dialog';
import { CareTasksStore } from '../care-tasks-store';

/** Icon of each kind of care task (all in the app's icon set). */
export const CARE_ICONS: Readonly<Record<CareRuleKind, string>> = {
  anniversary: 'comment',
  periodic: 'reload',
  post_service: 'customer-service',
};

/**
 * The tasks of the nearest CareTasksStore as a compact list: customer, title, due date (overdue in
 * red), who has it, and claim / done / skip on open ones.
 */
@Component({
  selector: 'app-care-task-list',
  imports: [
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzTagModule,
    CareTaskCloseDialog,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="list" data-testid="care-task-list">
      @for (task of store.tasks(); track task.id) {
        <li
          class="item"
          data-testid="care-task"
          [class.overdue]="task.overdue"
          [attr.data-task-id]="task.id"
        >
          <nz-icon [nzType]="icons[task.kind]" class="icon" />
          <div class="body">
            <div class="line">
              @if (showCustomer()) {
                <a [routerLink]="['/customers', task.customerId]" class="name">{{
                  task.customerName
                }}</a>
              }
              <span class="title">{{ task.title }}</span>
            </div>
            <div class="meta">
              <time [attr.datetime]="task.dueDate" class="due">{{ task.dueDate }}</time>
              @if (task.overdue) {
                <nz-tag nzColor="red">{{ 'customerCare.overdue' | transloco }}</nz-tag>
              } @else if (task.status === 'open' && task.dueDate === today()) {
                <nz-tag nzColor="orange">{{ 'customerCare.today' | transloco }}</nz-tag>
              }
              @if (task.status !== 'open') {
                <nz-tag [nzColor]="task.status === 'done' ? 'green' : 'default'">{{
                  'customerCare.statuses.' + task.status | transloco
                }}</nz-tag>
                @if (task.outcome || task.note) {
                  <span class="muted"
                    >{{ task.outcome ?? '' }}{{ task.outcome && task.note ? ' · ' : ''
                    }}{{ task.note ?? '' }}</span
                  >
                }
              }
              @if (task.assigneeUserName) {
                <span class="muted"><nz-icon nzType="user" /> {{ task.assigneeUserName }}</span>
              } @else if (task.assigneeTeamName) {
                <span class="muted"
                  ><nz-icon nzType="team" />
                  {{
                    'customerCare.teamUnclaimed' | transloco: { team: task.assigneeTeamName }
                  }}</span
                >
              }
            </div>
          </div>
          @if (task.status === 'open') {
            <div class="actions">
              @if (!task.assigneeUserId && task.assigneeTeamId) {
                <button
                  nz-button
                  nzSize="small"
                  type="button"
                  [nzLoading]="store.busyId() === task.id"
                  (click)="claim(task)"
                  data-testid="care-task-claim"
                >
                  {{ 'customerCare.actions.claim' | transloco }}
                </button>
              }
              <button
                nz-button
                nzSize="small"
                nzType="primary"
                type="button"
                [disabled]="store.busyId() !== null"
                (click)="open(task, 'done')"
                data-testid="care-task-done"
              >
                {{ 'customerCare.actions.done' | transloco }}
              </button>
              <button
                nz-button
                nzSize="small"
                type="button"
                [disabled]="store.busyId() !== null"
                (click)="open(task, 'skip')"
                data-testid="care-task-skip"
              >
                {{ 'customerCare.actions.skip' | transloco }}
              </button>
            </div>
          }
        </li>
      } @empty {
        <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="empty() | transloco" />
      }
    </ul>
    <app-care-task-close-dialog
      [task]="closing()"
      [mode]="mode()"
      [saving]="store.saving()"
      (confirmed)="close($event)"
      (cancelled)="closing.set(null)"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 8px 0;
    }
    .item + .item {
      border-top: 1px solid #f0f0f0;
    }
    .icon {
      color: #1677ff;
      font-size: 16px;
    }
    .overdue .icon {
      color: #ff4d4f;
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    .line {
      display: flex;
      gap: 8px;
      align-items: baseline;
      min-width: 0;
    }
    .name {
      font-weight: 600;
      white-space: nowrap;
    }
    .title {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin-top: 2px;
      font-size: 12px;
    }
    .due {
      font-variant-numeric: tabular-nums;
      color: rgba(0, 0, 0, 0.65);
    }
    .muted {
      color: rgba(0, 0, 0, 0.55);
    }
    .actions {
      display: flex;
      gap: 6px;
      flex-shrink: 0;
    }
  `,
})
export class CareTaskList {
  /** Show the customer's name (left out on the customer's own page). */
  readonly showCustomer = input(true);
  /** Translation key of the empty list's text. */
  readonly empty = input('customerCare.empty');

  protected readonly store = inject(CareTasksStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly icons = CARE_ICONS;
  protected readonly today = computed(() => this.store.summary()?.today ?? null);
  protected readonly closing = signal<CareTask | null>(null);
  protected readonly mode = signal<CloseMode>('done');

  protected open(task: CareTask, mode: CloseMode): void {
    this.mode.set(mode);
    this.closing.set(task);
  }

  protected async claim(task: CareTask): Promise<void> {
    this.toast.report(await this.store.claim(task), 'customerCare.claimed');
  }

  protected async close(request: CloseRequest): Promise<void> {
    const outcome =
      request.mode === 'done'
        ? await this.store.complete(request.task, request.body)
        : await this.store.skip(request.task, request.note);
    this.toast.report(
      outcome,
      request.mode === 'done' ? 'customerCare.doneSaved' : 'customerCare.skipped',
    );
    if (outcome.ok) this.closing.set(null);
  }
}
