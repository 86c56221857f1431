import { CdkMenu, CdkMenuItem, CdkMenuTrigger } from '@angular/cdk/menu';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { User, UserStatus } from '../../shared/api/models';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { MENU_BELOW_END } from '../../shared/ui/menu-positions';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { StatusTag } from '../../shared/ui/status-tag/status-tag';
import { UserDrawer } from '../user-drawer/user-drawer';
import { UserAction } from '../users-api';
import { UsersStore } from '../users-store';
import { RoleTextPipe } from '../../shared/i18n/role-text';

interface UserRow {
  readonly user: User;
  readonly locked: boolean;
}

/** Server-paged list of the organisation's users with search, status filter and account actions. */
@Component({
  selector: 'app-users-page',
  imports: [
    RoleTextPipe,
    CdkMenu,
    CdkMenuItem,
    CdkMenuTrigger,
    DatePipe,
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    PageHeader,
    StatusTag,
    UserDrawer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.css',
})
export class UsersPage {
  protected readonly store = inject(UsersStore);
  private readonly session = inject(Store);
  private readonly modal = inject(NzModalService);
  private readonly toast = inject(OutcomeToast);
  private readonly transloco = inject(TranslocoService);

  protected readonly statuses: UserStatus[] = ['active', 'invited', 'deactivated'];
  protected readonly menuPosition = MENU_BELOW_END;
  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('users.manage'),
  );
  protected readonly rows = computed<UserRow[]>(() => {
    const now = Date.now();
    return this.store.users().map((user) => ({
      user,
      locked: user.lockedUntil !== null && Date.parse(user.lockedUntil) > now,
    }));
  });

  protected search(value: string): void {
    this.store.search(value.trim());
  }

  protected changeTable(params: NzTableQueryParams): void {
    this.store.changePage(params.pageIndex, params.pageSize);
  }

  protected run(user: User, action: UserAction): void {
    const needsConfirmation = action === 'deactivate' || action === 'reset-mfa';
    if (!needsConfirmation) {
      void this.execute(user, action);
      return;
    }
    this.modal.confirm({
      nzTitle: this.transloco.translate(`users.confirm.${action}`, { name: user.displayName }),
      nzContent: this.transloco.translate(`users.confirm.${action}Text`),
      nzOkText: this.transloco.translate(`users.actions.${action}`),
      nzOkDanger: true,
      nzCancelText: this.transloco.translate('common.cancel'),
      nzOnOk: () => this.execute(user, action),
    });
  }

  private async execute(user: User, action: UserAction): Promise<void> {
    const outcome = await this.store.run(user, action);
    this.toast.report(outcome, `users.done.${action}`, { name: user.displayName });
  }
}
