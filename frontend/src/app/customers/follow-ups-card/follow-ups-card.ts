import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { FollowUpsStore } from '../follow-ups-store';
import { DueFollowUp } from '../tracking-api';
import { isOverdue, TRACKING_ICONS } from '../tracking-records';

/** "My follow-ups": what the user promised to do today, overdue ones in red, with links. */
@Component({
  selector: 'app-follow-ups-card',
  imports: [
    DatePipe,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzSpinModule,
    NzTagModule,
    ApiErrorAlert,
  ],
  providers: [FollowUpsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card
      nzSize="small"
      [nzTitle]="'customers.followUps.title' | transloco"
      [nzExtra]="reload"
      data-testid="follow-ups"
    >
      <ng-template #reload>
        <button
          nz-button
          nzType="text"
          nzSize="small"
          type="button"
          [attr.aria-label]="'customers.followUps.refresh' | transloco"
          (click)="store.load()"
        >
          <nz-icon nzType="reload" />
        </button>
      </ng-template>
      <app-api-error-alert [error]="store.loadError()" />
      @if (store.loading() && store.items().length === 0) {
        <div class="loading"><nz-spin nzSimple /></div>
      } @else {
        <ul class="list">
          @for (item of store.items(); track item.id) {
            <li class="item" data-testid="follow-up" [class.overdue]="overdue(item)">
              <nz-icon [nzType]="icons[item.type]" class="icon" />
              <div class="body">
                <a [routerLink]="['/customers', item.customerId]" class="name">{{
                  item.customerName
                }}</a>
                <span class="content"
                  >{{ item.outcome ? item.outcome + ' · ' : '' }}{{ item.content }}</span
                >
              </div>
              <time class="when" [attr.datetime]="item.nextFollowUpAt">{{
                item.nextFollowUpAt | date: 'MM-dd HH:mm'
              }}</time>
              @if (overdue(item)) {
                <nz-tag nzColor="red">{{ 'customers.tracking.overdue' | transloco }}</nz-tag>
              }
              <button
                nz-button
                nzSize="small"
                type="button"
                [disabled]="store.saving()"
                (click)="markDone(item)"
                data-testid="follow-up-done"
              >
                {{ 'customers.tracking.markDone' | transloco }}
              </button>
            </li>
          } @empty {
            <nz-empty
              nzNotFoundImage="simple"
              [nzNotFoundContent]="'customers.followUps.empty' | transloco"
            />
          }
        </ul>
      }
    </nz-card>
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
      gap: 8px;
      padding: 6px 0;
    }
    .item + .item {
      border-top: 1px solid #f0f0f0;
    }
    .icon {
      color: #1677ff;
    }
    .overdue .icon {
      color: #ff4d4f;
    }
    .body {
      flex: 1;
      min-width: 0;
      display: flex;
      gap: 8px;
      align-items: baseline;
    }
    .name {
      font-weight: 600;
      white-space: nowrap;
    }
    .content {
      color: rgba(0, 0, 0, 0.55);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .when {
      font-variant-numeric: tabular-nums;
      color: rgba(0, 0, 0, 0.55);
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 16px;
    }
  `,
})
export class FollowUpsCard implements OnInit {
  protected readonly store = inject(FollowUpsStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly icons = TRACKING_ICONS;
  /** When the list was last read: what "overdue" is measured against. */
  private readonly now = computed(() => {
    this.store.items();
    return Date.now();
  });

  ngOnInit(): void {
    this.store.load();
  }

  protected overdue(item: DueFollowUp): boolean {
    return isOverdue(item, this.now());
  }

  protected async markDone(item: DueFollowUp): Promise<void> {
    const outcome = await this.store.markDone(item.id);
    this.toast.report(outcome, 'customers.tracking.doneSaved');
  }
}
