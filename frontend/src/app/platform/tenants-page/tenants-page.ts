import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { StatusTag } from '../../shared/ui/status-tag/status-tag';
import { PlatformTenant } from '../platform-api';
import { TenantsStore } from '../tenants-store';

/** All tenants of the platform with suspend / reactivate. */
@Component({
  selector: 'app-tenants-page',
  imports: [
    DatePipe,
    TranslocoPipe,
    NzButtonModule,
    NzPopconfirmModule,
    NzTableModule,
    ApiErrorAlert,
    PageHeader,
    StatusTag,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'platform.tenantsTitle' | transloco"
      [subtitle]="'platform.tenantsSubtitle' | transloco"
    />
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.tenants()"
        [nzFrontPagination]="false"
        [nzLoading]="store.loading()"
        [nzTotal]="store.meta().total"
        [nzPageIndex]="store.page().page"
        [nzPageSize]="store.page().perPage"
        (nzQueryParams)="changeTable($event)"
        data-testid="platform-tenants-table"
      >
        <thead>
          <tr>
            <th>{{ 'settings.name' | transloco }}</th>
            <th>{{ 'settings.slug' | transloco }}</th>
            <th nzWidth="120px">{{ 'users.columns.status' | transloco }}</th>
            <th nzWidth="100px" nzAlign="right">{{ 'platform.users' | transloco }}</th>
            <th>{{ 'settings.timeZone' | transloco }}</th>
            <th nzWidth="130px">{{ 'platform.created' | transloco }}</th>
            <th nzWidth="130px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (tenant of table.data; track tenant.id) {
            <tr data-testid="platform-tenant-row" [attr.data-tenant-slug]="tenant.slug">
              <td class="name">{{ tenant.name }}</td>
              <td>
                <code>{{ tenant.slug }}</code>
              </td>
              <td><app-status-tag [status]="tenant.status" /></td>
              <td nzAlign="right">{{ tenant.userCount }}</td>
              <td>{{ tenant.timeZone }}</td>
              <td>{{ tenant.createdAt | date: 'yyyy-MM-dd' }}</td>
              <td nzAlign="right">
                @if (tenant.status === 'active') {
                  <button
                    nz-button
                    nzDanger
                    nzSize="small"
                    type="button"
                    nz-popconfirm
                    [nzPopconfirmTitle]="
                      'platform.confirmSuspend' | transloco: { name: tenant.name }
                    "
                    [nzOkText]="'platform.suspend' | transloco"
                    [nzCancelText]="'common.cancel' | transloco"
                    nzOkDanger
                    (nzOnConfirm)="setStatus(tenant, 'suspend')"
                    data-testid="platform-tenant-suspend"
                  >
                    {{ 'platform.suspend' | transloco }}
                  </button>
                } @else {
                  <button
                    nz-button
                    nzSize="small"
                    type="button"
                    (click)="setStatus(tenant, 'reactivate')"
                    data-testid="platform-tenant-reactivate"
                  >
                    {{ 'platform.reactivate' | transloco }}
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
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
  `,
})
export class TenantsPage {
  protected readonly store = inject(TenantsStore);
  private readonly toast = inject(OutcomeToast);

  protected changeTable(params: NzTableQueryParams): void {
    this.store.changePage(params.pageIndex, params.pageSize);
  }

  protected async setStatus(
    tenant: PlatformTenant,
    action: 'suspend' | 'reactivate',
  ): Promise<void> {
    const outcome = await this.store.setStatus(tenant, action);
    this.toast.report(outcome, `platform.done.${action}`, { name: tenant.name });
  }
}
