import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { AnnouncementCompose } from '../announcement-compose/announcement-compose';
import { Announcement } from '../announcements-api';
import { AnnouncementsStore } from '../announcements-store';

/** Supervisors' side: the posted announcements with their acknowledgement counts, composing, who acknowledged. */
@Component({
  selector: 'app-announcements-manage',
  imports: [
    DatePipe,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzIconModule,
    NzListModule,
    NzProgressModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    DeleteButton,
    IconAction,
    AnnouncementCompose,
  ],
  providers: [AnnouncementsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toolbar">
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCompose()"
        data-testid="announcements-compose"
      >
        <nz-icon nzType="plus" />
        {{ 'announcements.compose' | transloco }}
      </button>
    </div>
    <app-api-error-alert [error]="store.loadError()" />
    <nz-table
      #table
      nzSize="small"
      [nzData]="store.announcements()"
      [nzLoading]="store.loading()"
      [nzFrontPagination]="false"
      [nzTotal]="store.meta().total"
      [nzPageIndex]="store.meta().currentPage"
      [nzPageSize]="store.meta().perPage"
      (nzPageIndexChange)="store.load($event)"
      data-testid="announcements-table"
    >
      <thead>
        <tr>
          <th>{{ 'announcements.fields.title' | transloco }}</th>
          <th>{{ 'announcements.fields.audience' | transloco }}</th>
          <th>{{ 'announcements.postedAt' | transloco }}</th>
          <th>{{ 'announcements.fields.expiresAt' | transloco }}</th>
          <th>{{ 'announcements.acks' | transloco }}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (item of table.data; track item.id) {
          <tr data-testid="announcement-row">
            <td>
              @if (item.priority === 'urgent') {
                <nz-tag nzColor="red">{{ 'announcements.priority.urgent' | transloco }}</nz-tag>
              }
              {{ item.title }}
            </td>
            <td>
              @if (item.audience === 'organisation') {
                {{ 'announcements.audience.organisation' | transloco }}
              } @else {
                {{ teamNames(item) }}
              }
            </td>
            <td>{{ item.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ item.expiresAt ? (item.expiresAt | date: 'yyyy-MM-dd HH:mm') : '—' }}</td>
            <td class="acks">
              <span data-testid="announcement-acks"
                >{{ item.ackCount }} / {{ item.recipientCount }}</span
              >
              <nz-progress nzSize="small" [nzPercent]="percent(item)" [nzShowInfo]="false" />
            </td>
            <td class="actions">
              <app-icon-action
                icon="team"
                [label]="'announcements.whoAcknowledged' | transloco"
                testId="announcement-acks-open"
                (pressed)="store.showAcks(item)"
              />
              <app-delete-button
                [question]="'announcements.withdrawQuestion' | transloco"
                testId="announcement-withdraw"
                (confirmed)="withdraw(item)"
              />
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <app-announcement-compose />
    <nz-drawer
      [nzVisible]="store.acksOf() !== null"
      [nzWidth]="420"
      [nzTitle]="store.acksOf()?.title ?? ''"
      (nzOnClose)="store.closeAcks()"
    >
      <ng-container *nzDrawerContent>
        <nz-list
          nzSize="small"
          [nzLoading]="store.acksLoading()"
          [nzHeader]="
            'announcements.acknowledgedCount' | transloco: { count: store.acknowledged().length }
          "
          data-testid="acks-list"
        >
          @for (ack of store.acknowledged(); track ack.userId) {
            <nz-list-item>
              <span>{{ ack.displayName }}</span>
              <time>{{ ack.acknowledgedAt | date: 'MM-dd HH:mm' }}</time>
            </nz-list-item>
          }
        </nz-list>
        <nz-list
          nzSize="small"
          [nzHeader]="'announcements.pendingCount' | transloco: { count: store.pending().length }"
          data-testid="pending-list"
        >
          @for (ack of store.pending(); track ack.userId) {
            <nz-list-item>{{ ack.displayName }}</nz-list-item>
          }
        </nz-list>
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .toolbar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 12px;
    }
    .acks {
      min-width: 120px;
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
  `,
})
export class AnnouncementsManage {
  protected readonly store = inject(AnnouncementsStore);
  private readonly toast = inject(OutcomeToast);

  protected teamNames(item: Announcement): string {
    return item.teams.map((team) => team.name).join(', ');
  }

  protected percent(item: Announcement): number {
    return item.recipientCount ? Math.round((item.ackCount / item.recipientCount) * 100) : 0;
  }

  protected async withdraw(item: Announcement): Promise<void> {
    const outcome = await this.store.withdraw(item);
    this.toast.report(outcome, 'announcements.withdrawn');
  }
}
