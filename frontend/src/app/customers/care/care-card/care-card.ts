import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { throttleTime } from 'rxjs';
import { UserFeed } from '../../../shared/realtime/user-feed';
import { POLL_SCHEDULER } from '../../../shared/store/schedulers';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { CareTaskList } from '../care-task-list/care-task-list';
import { CareTasksStore } from '../care-tasks-store';

/** Pushes closer together than this make one re-read of the card. */
export const CARE_PUSH_COALESCE_MS = 500;

/**
 * "My care tasks" on the home page: greetings and callbacks due today or overdue, with the badge
 * count. Live: a task created, due, claimed or closed for the user or their team, or a deleted
 * rule, makes it re-read.
 */
@Component({
  selector: 'app-care-card',
  imports: [
    RouterLink,
    TranslocoPipe,
    NzBadgeModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzSpinModule,
    ApiErrorAlert,
    CareTaskList,
  ],
  providers: [CareTasksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" [nzTitle]="title" [nzExtra]="extra" data-testid="care-card">
      <ng-template #title>
        {{ 'customerCare.card.title' | transloco }}
        <nz-badge
          nzStandalone
          class="badge"
          [nzCount]="store.dueCount()"
          [nzOverflowCount]="99"
          [attr.data-count]="store.dueCount()"
          data-testid="care-badge"
        />
      </ng-template>
      <ng-template #extra>
        <a
          nz-button
          nzType="link"
          nzSize="small"
          routerLink="/customers/care"
          data-testid="care-card-all"
        >
          {{ 'customerCare.card.all' | transloco }}
        </a>
        <button
          nz-button
          nzType="text"
          nzSize="small"
          type="button"
          [attr.aria-label]="'customerCare.refresh' | transloco"
          (click)="store.refresh()"
        >
          <nz-icon nzType="reload" />
        </button>
      </ng-template>
      <app-api-error-alert [error]="store.loadError()" />
      @if (store.loading() && store.tasks().length === 0) {
        <div class="loading"><nz-spin nzSimple /></div>
      } @else {
        <app-care-task-list empty="customerCare.card.empty" />
        @if (store.meta().total > store.tasks().length) {
          <a class="more" routerLink="/customers/care">{{
            'customerCare.card.more'
              | transloco: { count: store.meta().total - store.tasks().length }
          }}</a>
        }
      }
    </nz-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .badge {
      margin-left: 6px;
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 16px;
    }
    .more {
      display: inline-block;
      margin-top: 8px;
    }
  `,
})
export class CareCard implements OnInit {
  protected readonly store = inject(CareTasksStore);

  constructor() {
    inject(UserFeed)
      .changes('care_task.', 'care_rule.')
      .pipe(
        throttleTime(CARE_PUSH_COALESCE_MS, inject(POLL_SCHEDULER), {
          leading: true,
          trailing: true,
        }),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.store.refresh());
  }

  ngOnInit(): void {
    this.store.show({ when: 'due', assigned: 'mine', perPage: 10 });
  }
}
