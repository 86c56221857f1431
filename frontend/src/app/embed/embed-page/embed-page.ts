import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  inject,
  input,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { authFeature } from '../../auth/auth.reducer';
import { normaliseTenant } from '../../auth/login-page/login-form';
import { EmbedCallBar } from '../embed-call-bar/embed-call-bar';
import { EmbedSignIn } from '../embed-sign-in/embed-sign-in';
import { framingWindow } from '../framing';
import { EmbedView, embedView } from './embed-view';

/**
 * `/embed/:slug/callbar`: the agent's call bar for a third-party page that frames it. Signs the
 * agent in to the organisation the URL names, then shows the compact call bar whose SDK host the
 * framing page connects to. Opened on its own, it says where it belongs.
 */
@Component({
  selector: 'app-embed-page',
  imports: [RouterLink, TranslocoPipe, NzAlertModule, NzSpinModule, EmbedCallBar, EmbedSignIn],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'embed-page', '[attr.data-view]': 'view()' },
  template: `
    @switch (view()) {
      @case ('not_framed') {
        <nz-alert
          nzType="info"
          nzShowIcon
          [nzMessage]="'embed.notFramed' | transloco"
          [nzDescription]="notFramedHelp"
          data-testid="embed-not-framed"
        />
        <ng-template #notFramedHelp>
          {{ 'embed.notFramedHelp' | transloco }}
          <a routerLink="/workspace">{{ 'embed.openWorkspace' | transloco }}</a>
        </ng-template>
      }
      @case ('restoring') {
        <nz-spin nzSimple class="spin" />
      }
      @case ('call_bar') {
        <app-embed-call-bar />
      }
      @default {
        @if (view() === 'other_org') {
          <div class="note" data-testid="embed-other-org">
            {{ 'embed.otherOrg' | transloco: { org: signedInTo() } }}
          </div>
        } @else if (view() === 'no_permission') {
          <div class="note" data-testid="embed-no-permission">
            {{ 'embed.noPermission' | transloco }}
          </div>
        }
        <app-embed-sign-in [slug]="tenantSlug()" />
      }
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 6px;
      min-width: 360px;
    }
    .spin {
      display: block;
      padding: 16px;
      text-align: center;
    }
    .note {
      margin-bottom: 4px;
      font-size: 12px;
      color: rgba(0, 0, 0, 0.55);
    }
  `,
})
export class EmbedPage {
  private readonly session = inject(Store);
  private readonly framed = framingWindow(inject(DOCUMENT).defaultView as Window) !== null;

  /** The organisation's slug from the URL. */
  readonly slug = input.required<string>();

  protected readonly tenantSlug = computed(() => normaliseTenant(this.slug()));
  private readonly status = this.session.selectSignal(authFeature.selectStatus);
  private readonly tenant = this.session.selectSignal(authFeature.selectTenant);
  private readonly permissions = this.session.selectSignal(authFeature.selectPermissionSet);
  protected readonly signedInTo = computed(() => this.tenant()?.name ?? '');

  protected readonly view = computed<EmbedView>(() =>
    embedView({
      framed: this.framed,
      status: this.status(),
      signedInTo: this.tenant()?.slug ?? null,
      slug: this.tenantSlug(),
      permissions: this.permissions(),
    }),
  );
}
