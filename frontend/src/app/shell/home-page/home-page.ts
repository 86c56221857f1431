import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { authFeature } from '../../auth/auth.reducer';
import { FollowUpsCard } from '../../customers/follow-ups-card/follow-ups-card';
import { CareCard } from '../../customers/care/care-card/care-card';
import { InboxCard } from '../../announcements/inbox-card/inbox-card';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { MENU, visibleMenu } from '../menu';

/** Console start page: the organisation at a glance and shortcuts to what the user may manage. */
@Component({
  selector: 'app-home-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    FollowUpsCard,
    CareCard,
    InboxCard,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'home.welcome' | transloco: { name: user()?.displayName ?? '' }"
      [subtitle]="'home.subtitle' | transloco"
    />
    <nz-card [nzTitle]="'home.organisation' | transloco" class="block">
      @if (tenant(); as t) {
        <nz-descriptions [nzColumn]="{ xxl: 4, xl: 4, lg: 3, md: 2, sm: 1, xs: 1 }" nzSize="small">
          <nz-descriptions-item [nzTitle]="'settings.name' | transloco">{{
            t.name
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'settings.slug' | transloco"
            ><code>{{ t.slug }}</code></nz-descriptions-item
          >
          <nz-descriptions-item [nzTitle]="'settings.timeZone' | transloco">{{
            t.timeZone
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'settings.locale' | transloco">{{
            'language.' + t.locale | transloco
          }}</nz-descriptions-item>
        </nz-descriptions>
      }
    </nz-card>
    <app-inbox-card class="block" />
    @if (canSeeCustomers()) {
      <div class="cards block">
        <app-follow-ups-card />
        <app-care-card />
      </div>
    }
    @if (shortcuts().length) {
      <h2 class="section">{{ 'menu.administration' | transloco }}</h2>
      <div class="tiles">
        @for (entry of shortcuts(); track entry.key) {
          <a class="tile" [routerLink]="entry.link" [attr.data-testid]="'home-' + entry.key">
            <nz-icon [nzType]="entry.icon" class="tile-icon" />
            <span class="tile-title">{{ entry.labelKey | transloco }}</span>
            <span class="tile-text">{{ 'home.describe.' + entry.key | transloco }}</span>
          </a>
        }
      </div>
    }
  `,
  styles: `
    .block {
      margin-bottom: 20px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
      gap: 16px;
      align-items: start;
    }
    .section {
      font-size: 16px;
      font-weight: 600;
      margin: 0 0 12px;
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 16px;
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 16px;
      border-radius: 8px;
      background: #fff;
      border: 1px solid #f0f0f0;
      color: inherit;
      transition:
        box-shadow 0.2s,
        border-color 0.2s;
    }
    .tile:hover {
      border-color: #91caff;
      box-shadow: 0 4px 12px rgba(0, 0, 0, 0.06);
    }
    .tile-icon {
      font-size: 22px;
      color: #1677ff;
    }
    .tile-title {
      font-weight: 600;
    }
    .tile-text {
      color: rgba(0, 0, 0, 0.55);
      font-size: 13px;
    }
  `,
})
export class HomePage {
  private readonly store = inject(Store);
  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly tenant = this.store.selectSignal(authFeature.selectTenant);
  private readonly granted = this.store.selectSignal(authFeature.selectPermissionSet);
  protected readonly canSeeCustomers = computed(() => this.granted().has('customers.view'));
  protected readonly shortcuts = computed(
    () =>
      visibleMenu(MENU, this.granted()).find((section) => section.key === 'administration')
        ?.entries ?? [],
  );
}
