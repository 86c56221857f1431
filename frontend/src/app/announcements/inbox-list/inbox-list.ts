import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { InboxAnnouncement } from '../announcements-api';
import { InboxStore } from '../inbox-store';

/** The user's announcements (unread ones bold) and the reader that acknowledges one. */
@Component({
  selector: 'app-inbox-list',
  imports: [
    DatePipe,
    TranslocoPipe,
    NzButtonModule,
    NzEmptyModule,
    NzModalModule,
    NzTagModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-api-error-alert [error]="store.loadError()" />
    <ul class="list" data-testid="inbox-list">
      @for (item of shown(); track item.id) {
        <li>
          <button
            type="button"
            class="item"
            [class.unread]="!item.acknowledgedAt"
            (click)="store.open(item)"
            data-testid="inbox-item"
          >
            @if (item.priority === 'urgent') {
              <nz-tag nzColor="red">{{ 'announcements.priority.urgent' | transloco }}</nz-tag>
            }
            <span class="title">{{ item.title }}</span>
            <time class="when" [attr.datetime]="item.createdAt">{{
              item.createdAt | date: 'MM-dd HH:mm'
            }}</time>
            @if (item.acknowledgedAt) {
              <nz-tag nzColor="green">{{ 'announcements.acknowledged' | transloco }}</nz-tag>
            } @else {
              <nz-tag nzColor="blue">{{ 'announcements.unread' | transloco }}</nz-tag>
            }
          </button>
        </li>
      } @empty {
        <nz-empty
          nzNotFoundImage="simple"
          [nzNotFoundContent]="'announcements.inboxEmpty' | transloco"
        />
      }
    </ul>
    <nz-modal
      [nzVisible]="store.reading() !== null"
      [nzTitle]="store.reading()?.title ?? ''"
      [nzFooter]="footer"
      (nzOnCancel)="store.close()"
    >
      <ng-container *nzModalContent>
        @if (store.reading(); as item) {
          <p class="meta">
            {{ item.createdByName ?? '' }} · {{ item.createdAt | date: 'yyyy-MM-dd HH:mm' }}
            @if (item.expiresAt) {
              · {{ 'announcements.expires' | transloco }}
              {{ item.expiresAt | date: 'yyyy-MM-dd HH:mm' }}
            }
          </p>
          <div class="body" data-testid="inbox-body">{{ item.body }}</div>
          <app-api-error-alert [error]="store.saveError()" />
        }
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="store.close()">
          {{ 'announcements.close' | transloco }}
        </button>
        @if (store.reading() && !store.reading()!.acknowledgedAt) {
          <button
            nz-button
            nzType="primary"
            type="button"
            [nzLoading]="store.saving()"
            (click)="acknowledge(store.reading()!)"
            data-testid="inbox-acknowledge"
          >
            {{ 'announcements.acknowledge' | transloco }}
          </button>
        }
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li + li {
      border-top: 1px solid #f0f0f0;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 8px;
      width: 100%;
      padding: 8px 4px;
      border: 0;
      background: none;
      cursor: pointer;
      text-align: left;
    }
    .item:hover,
    .item:focus-visible {
      background: #f5f5f5;
    }
    .title {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .unread .title {
      font-weight: 600;
    }
    .when,
    .meta {
      color: rgba(0, 0, 0, 0.55);
      font-variant-numeric: tabular-nums;
    }
    .body {
      white-space: pre-wrap;
    }
  `,
})
export class InboxList {
  protected readonly store = inject(InboxStore);
  private readonly toast = inject(OutcomeToast);

  /** Shows at most this many (unread ones come first); all when null. */
  readonly limit = input<number | null>(null);

  protected readonly shown = computed(() => {
    const limit = this.limit();
    return limit === null ? this.store.items() : this.store.items().slice(0, limit);
  });

  protected async acknowledge(item: InboxAnnouncement): Promise<void> {
    const outcome = await this.store.acknowledge(item.id);
    this.toast.report(outcome, 'announcements.acknowledgedToast');
  }
}
