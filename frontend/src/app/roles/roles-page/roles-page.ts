import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { RoleDrawer } from '../role-drawer/role-drawer';
import { Role } from '../roles-api';
import { RolesStore } from '../roles-store';
import { RoleTextPipe } from '../../shared/i18n/role-text';

/** Roles of the organisation: built-in ones to look at, custom ones to create, edit and delete. */
@Component({
  selector: 'app-roles-page',
  imports: [
    RoleTextPipe,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    DeleteButton,
    PageHeader,
    RoleDrawer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'roles.title' | transloco"
      [subtitle]="'roles.subtitle' | transloco"
    >
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="roles-create"
      >
        <nz-icon nzType="plus" />
        {{ 'roles.create' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.roles()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        data-testid="roles-table"
      >
        <thead>
          <tr>
            <th>{{ 'roles.name' | transloco }}</th>
            <th>{{ 'roles.description' | transloco }}</th>
            <th nzWidth="120px">{{ 'roles.type' | transloco }}</th>
            <th nzWidth="120px" nzAlign="right">{{ 'roles.permissionCount' | transloco }}</th>
            <th nzWidth="100px" nzAlign="right">{{ 'roles.userCount' | transloco }}</th>
            <th nzWidth="110px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (role of table.data; track role.id) {
            <tr data-testid="role-row" [attr.data-role-key]="role.key">
              <td>
                <div class="name">{{ role | roleText }}</div>
                <code class="key">{{ role.key }}</code>
              </td>
              <td>{{ role | roleText: 'description' }}</td>
              <td>
                @if (role.builtIn) {
                  <nz-tag nzColor="gold"
                    ><nz-icon nzType="lock" /> {{ 'roles.builtIn' | transloco }}</nz-tag
                  >
                } @else {
                  <nz-tag nzColor="blue">{{ 'roles.custom' | transloco }}</nz-tag>
                }
              </td>
              <td nzAlign="right">{{ role.permissions.length }}</td>
              <td nzAlign="right">{{ role.userCount }}</td>
              <td nzAlign="right">
                <button
                  nz-button
                  nzType="text"
                  nzSize="small"
                  type="button"
                  (click)="store.openEdit(role)"
                  nz-tooltip
                  [nzTooltipTitle]="(role.builtIn ? 'common.view' : 'common.edit') | transloco"
                  [attr.aria-label]="(role.builtIn ? 'common.view' : 'common.edit') | transloco"
                  data-testid="role-edit"
                >
                  <nz-icon [nzType]="role.builtIn ? 'eye' : 'edit'" />
                </button>
                @if (!role.builtIn) {
                  <app-delete-button
                    [question]="'roles.confirmDelete' | transloco: { name: role.name }"
                    testId="role-delete"
                    (confirmed)="remove(role)"
                  />
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    <app-role-drawer />
  `,
  styles: `
    .panel {
      background: #fff;
      padding: 16px;
      border-radius: 8px;
    }
    .name {
      font-weight: 500;
    }
    .key {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class RolesPage {
  protected readonly store = inject(RolesStore);
  private readonly toast = inject(OutcomeToast);

  protected async remove(role: Role): Promise<void> {
    this.toast.report(await this.store.remove(role), 'roles.deleted', { name: role.name });
  }
}
