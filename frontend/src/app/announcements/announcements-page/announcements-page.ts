import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { authFeature } from '../../auth/auth.reducer';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { AnnouncementsManage } from '../announcements-manage/announcements-manage';
import { InboxList } from '../inbox-list/inbox-list';
import { InboxStore } from '../inbox-store';

/** Announcements: everyone's inbox, and for supervisors the ones they post. */
@Component({
  selector: 'app-announcements-page',
  imports: [TranslocoPipe, NzBadgeModule, NzTabsModule, PageHeader, AnnouncementsManage, InboxList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'announcements.title' | transloco"
      [subtitle]="'announcements.subtitle' | transloco"
    />
    @if (canManage()) {
      <nz-tabs>
        <nz-tab [nzTitle]="inboxTitle">
          <app-inbox-list />
        </nz-tab>
        <nz-tab [nzTitle]="'announcements.manage' | transloco">
          <ng-template nz-tab>
            <app-announcements-manage />
          </ng-template>
        </nz-tab>
      </nz-tabs>
      <ng-template #inboxTitle>
        {{ 'announcements.inboxTitle' | transloco }}
        <nz-badge [nzCount]="inbox.unreadCount()" nzSize="small" />
      </ng-template>
    } @else {
      <app-inbox-list />
    }
  `,
})
export class AnnouncementsPage implements OnInit {
  protected readonly inbox = inject(InboxStore);
  private readonly session = inject(Store);

  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('announcements.manage'),
  );

  constructor() {
    this.inbox.followLive();
  }

  ngOnInit(): void {
    this.inbox.load();
  }
}
