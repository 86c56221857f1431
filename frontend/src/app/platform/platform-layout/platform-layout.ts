import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { LanguageSwitch } from '../../shared/ui/language-switch/language-switch';
import { PlatformSession } from '../platform-session';

/** Frame of the platform operator area: header with operator and sign-out, no tenant navigation. */
@Component({
  selector: 'app-platform-layout',
  imports: [
    RouterOutlet,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzLayoutModule,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-layout class="frame">
      <nz-header class="header">
        <span class="brand"
          ><span class="logo" aria-hidden="true">CC</span>{{ 'platform.title' | transloco }}</span
        >
        <span class="spacer"></span>
        <app-language-switch />
        <span class="operator"
          ><nz-icon nzType="user" />
          {{ session.operator()?.displayName ?? session.operator()?.email }}</span
        >
        <button
          nz-button
          nzType="text"
          type="button"
          (click)="session.signOut()"
          data-testid="platform-logout"
        >
          <nz-icon nzType="logout" />
          {{ 'shell.logout' | transloco }}
        </button>
      </nz-header>
      <nz-content class="content"><router-outlet /></nz-content>
    </nz-layout>
  `,
  styles: `
    .frame {
      min-height: 100vh;
    }
    .header {
      display: flex;
      align-items: center;
      gap: 12px;
      height: 56px;
      line-height: 56px;
      padding: 0 24px;
      background: #001529;
      color: #fff;
    }
    .header ::ng-deep .ant-btn-text {
      color: rgba(255, 255, 255, 0.85);
    }
    .brand {
      display: inline-flex;
      align-items: center;
      gap: 10px;
      font-weight: 600;
    }
    .logo {
      display: inline-grid;
      place-items: center;
      width: 28px;
      height: 28px;
      border-radius: 6px;
      background: #722ed1;
      font-size: 12px;
      line-height: 1;
    }
    .spacer {
      flex: 1;
    }
    .operator {
      color: rgba(255, 255, 255, 0.85);
    }
    .content {
      padding: 20px 24px;
    }
  `,
})
export class PlatformLayout {
  protected readonly session = inject(PlatformSession);
}
