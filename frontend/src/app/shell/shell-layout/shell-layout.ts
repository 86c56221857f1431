import { CdkMenu, CdkMenuItem, CdkMenuTrigger } from '@angular/cdk/menu';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { userMenuEvents } from '../../auth/auth.events';
import { authFeature } from '../../auth/auth.reducer';
import { LanguageSwitch } from '../../shared/ui/language-switch/language-switch';
import { MENU_BELOW_END } from '../../shared/ui/menu-positions';
import { MENU, matchesExactly, visibleMenu } from '../menu';
import { ShellStore } from '../shell-store';

/** Console frame: collapsible sider menu filtered by permission, header with tenant, language and user menu. */
@Component({
  selector: 'app-shell-layout',
  imports: [
    CdkMenu,
    CdkMenuItem,
    CdkMenuTrigger,
    NgTemplateOutlet,
    RouterLink,
    RouterOutlet,
    TranslocoPipe,
    NzAvatarModule,
    NzButtonModule,
    NzIconModule,
    NzLayoutModule,
    NzMenuModule,
    NzTagModule,
    NzTooltipModule,
    LanguageSwitch,
  ],
  providers: [ShellStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.css',
})
export class ShellLayout {
  private readonly store = inject(Store);
  protected readonly shell = inject(ShellStore);
  protected readonly menuPosition = MENU_BELOW_END;

  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly tenant = this.store.selectSignal(authFeature.selectTenant);
  private readonly granted = this.store.selectSignal(authFeature.selectPermissionSet);
  protected readonly sections = computed(() => visibleMenu(MENU, this.granted()));
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  private readonly links = computed(() =>
    this.sections().flatMap((section) => section.entries.flatMap((entry) => entry.link ?? [])),
  );

  /** Whether the menu entry of this link highlights only on its own route (see matchesExactly). */
  protected exact(link: string): boolean {
    return matchesExactly(link, this.links(), this.url());
  }
  protected readonly initials = computed(() =>
    (this.user()?.displayName ?? '?')
      .split(/\s+/)
      .map((part) => part.charAt(0))
      .join('')
      .slice(0, 2)
      .toUpperCase(),
  );

  protected logout(): void {
    this.store.dispatch(userMenuEvents.logoutClicked());
  }
}
