import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { InboxList } from '../inbox-list/inbox-list';
import { InboxStore } from '../inbox-store';

/** Home-page card: the unread count and the newest announcements, each opened to read and acknowledge. */
@Component({
  selector: 'app-inbox-card',
  imports: [RouterLink, TranslocoPipe, NzBadgeModule, NzCardModule, NzIconModule, InboxList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" [nzTitle]="title" [nzExtra]="more" data-testid="inbox-card">
      <ng-template #title>
        <nz-icon nzType="notification" />
        {{ 'announcements.inboxTitle' | transloco }}
        <nz-badge
          [nzCount]="store.unreadCount()"
          [nzStyle]="store.urgentUnreadCount() ? {} : { backgroundColor: '#1677ff' }"
          [attr.aria-label]="
            'announcements.unreadCount' | transloco: { count: store.unreadCount() }
          "
          data-testid="inbox-unread"
        />
      </ng-template>
      <ng-template #more>
        <a routerLink="/announcements">{{ 'announcements.viewAll' | transloco }}</a>
      </ng-template>
      <app-inbox-list [limit]="5" />
    </nz-card>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class InboxCard implements OnInit {
  protected readonly store = inject(InboxStore);

  constructor() {
    this.store.followLive();
  }

  ngOnInit(): void {
    this.store.load();
  }
}
