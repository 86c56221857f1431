import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { elapsedSince } from '../../shared/time/duration';
import { Clock } from '../../shared/time/clock';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { QueueDrawer } from '../queue-drawer/queue-drawer';
import { QueueMembersDrawer } from '../queue-members-drawer/queue-members-drawer';
import { QueueSkillsDrawer } from '../queue-skills-drawer/queue-skills-drawer';
import { QueuesStore } from '../queues-store';
import { SkillsDrawer } from '../skills-drawer/skills-drawer';
import { IconAction } from '../../shared/ui/icon-action/icon-action';

/** Queues with their routing strategy, what waits in them now, members and required skills. */
@Component({
  selector: 'app-queues-page',
  imports: [
    IconAction,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    PageHeader,
    QueueDrawer,
    QueueMembersDrawer,
    QueueSkillsDrawer,
    SkillsDrawer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'queues.title' | transloco"
      [subtitle]="'queues.subtitle' | transloco"
    >
      <button nz-button type="button" (click)="store.openSkillsPanel()" data-testid="queues-skills">
        <nz-icon nzType="tags" />
        {{ 'queues.skillsButton' | transloco }}
      </button>
      @if (canManage()) {
        <button
          nz-button
          nzType="primary"
          type="button"
          (click)="store.openCreate()"
          data-testid="queues-create"
        >
          <nz-icon nzType="plus" />
          {{ 'queues.create' | transloco }}
        </button>
      }
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.queues()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'queues.empty' | transloco"
        data-testid="queues-table"
      >
        <thead>
          <tr>
            <th>{{ 'queues.name' | transloco }}</th>
            <th>{{ 'queues.strategy' | transloco }}</th>
            <th nzAlign="right">{{ 'queues.priority' | transloco }}</th>
            <th nzAlign="right">{{ 'queues.waiting' | transloco }}</th>
            <th>{{ 'queues.oldestWait' | transloco }}</th>
            <th nzAlign="right">{{ 'queues.memberCount' | transloco }}</th>
            <th>{{ 'queues.skills' | transloco }}</th>
            @if (canManage()) {
              <th nzWidth="130px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (queue of table.data; track queue.id) {
            <tr data-testid="queue-row" [attr.data-queue-name]="queue.name">
              <td class="name">
                {{ queue.name }}
                @if (queue.overflowQueueId) {
                  <div class="muted small">
                    {{
                      'queues.overflowsTo'
                        | transloco
                          : {
                              name: store.queueNames().get(queue.overflowQueueId) ?? '—',
                              seconds: queue.overflowAfterSeconds,
                            }
                    }}
                  </div>
                }
              </td>
              <td>
                <span
                  nz-tooltip
                  [nzTooltipTitle]="'queues.strategyHelp.' + queue.strategy | transloco"
                  >{{ 'queues.strategies.' + queue.strategy | transloco }}</span
                >
              </td>
              <td nzAlign="right">{{ queue.priority }}</td>
              <td nzAlign="right">
                <span [class.hot]="queue.waiting > 0" data-testid="queue-waiting">{{
                  queue.waiting
                }}</span>
              </td>
              <td data-testid="queue-oldest">
                @if (waitedFor(queue.oldestQueuedAt); as waited) {
                  <span class="hot">{{ 'queues.waitingFor' | transloco: { time: waited } }}</span>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td nzAlign="right">{{ queue.memberIds.length }}</td>
              <td>
                @for (skill of queue.skills; track skill.skillId) {
                  <nz-tag nzColor="blue">{{ skill.name }} ≥ {{ skill.minLevel }}</nz-tag>
                } @empty {
                  <span class="muted">{{ 'queues.anySkill' | transloco }}</span>
                }
              </td>
              @if (canManage()) {
                <td nzAlign="right">
                  <app-icon-action
                    icon="usergroup-add"
                    [label]="'queues.editMembers' | transloco"
                    testId="queue-members"
                    (pressed)="store.openMembers(queue)"
                  />
                  <app-icon-action
                    icon="tags"
                    [label]="'queues.editSkills' | transloco"
                    testId="queue-skills"
                    (pressed)="store.openSkills(queue)"
                  />
                  <app-icon-action
                    icon="edit"
                    [label]="'common.edit' | transloco"
                    testId="queue-edit"
                    (pressed)="store.openEdit(queue)"
                  />
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    @if (canManage()) {
      <app-queue-drawer />
      <app-queue-members-drawer />
      <app-queue-skills-drawer />
    }
    <app-skills-drawer [canManage]="canManage()" />
  `,
  styles: `
    .panel {
      background: #fff;
      padding: 16px;
      border-radius: 8px;
    }
    .name {
      font-weight: 500;
    }
    .small {
      font-size: 12px;
      font-weight: 400;
    }
    .muted {
      color: rgba(0, 0, 0, 0.35);
    }
    .hot {
      color: #d4380d;
      font-weight: 500;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class QueuesPage {
  protected readonly store = inject(QueuesStore);
  private readonly session = inject(Store);
  private readonly clock = inject(Clock);

  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('queues.manage'),
  );

  /** Live "mm:ss" since the oldest call entered the queue (re-evaluated on each clock tick). */
  protected waitedFor(oldestQueuedAt: string | null): string | null {
    return elapsedSince(oldestQueuedAt, this.clock.now());
  }
}
