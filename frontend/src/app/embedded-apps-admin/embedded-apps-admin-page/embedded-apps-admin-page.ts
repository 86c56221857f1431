import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { EmbeddedAppDrawer } from '../embedded-app-drawer/embedded-app-drawer';
import { EmbeddedApp } from '../embedded-apps-admin-api';
import { EmbeddedAppsAdminStore } from '../embedded-apps-admin-store';

/** The third-party pages framed in the agent workspace, in the order of their tabs. */
@Component({
  selector: 'app-embedded-apps-admin-page',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    DeleteButton,
    IconAction,
    PageHeader,
    EmbeddedAppDrawer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'embeddedAppsAdmin.title' | transloco"
      [subtitle]="'embeddedAppsAdmin.subtitle' | transloco"
    >
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="embedded-apps-create"
      >
        <nz-icon nzType="plus" />
        {{ 'embeddedAppsAdmin.create' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.apps()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'embeddedAppsAdmin.empty' | transloco"
        data-testid="embedded-apps-table"
      >
        <thead>
          <tr>
            <th nzWidth="80px" nzAlign="right">{{ 'embeddedAppsAdmin.position' | transloco }}</th>
            <th>{{ 'embeddedAppsAdmin.name' | transloco }}</th>
            <th>{{ 'embeddedAppsAdmin.origin' | transloco }}</th>
            <th>{{ 'embeddedAppsAdmin.queues' | transloco }}</th>
            <th>{{ 'embeddedAppsAdmin.capabilities' | transloco }}</th>
            <th nzWidth="90px">{{ 'embeddedAppsAdmin.enabled' | transloco }}</th>
            <th nzWidth="100px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (app of table.data; track app.id) {
            <tr data-testid="embedded-app-row" [class.disabled]="!app.enabled">
              <td nzAlign="right">{{ app.position }}</td>
              <td class="name">{{ app.name }}</td>
              <td>
                <code>{{ app.origin }}</code>
              </td>
              <td>
                @for (id of app.queueIds; track id) {
                  <nz-tag>{{ store.queueNames().get(id) ?? id }}</nz-tag>
                } @empty {
                  <span class="muted">{{ 'embeddedAppsAdmin.allQueues' | transloco }}</span>
                }
              </td>
              <td>
                @for (capability of app.capabilities; track capability) {
                  <nz-tag nzColor="blue">{{ capability }}</nz-tag>
                } @empty {
                  <span class="muted">{{ 'embeddedAppsAdmin.noCapabilities' | transloco }}</span>
                }
              </td>
              <td>
                <nz-switch
                  nzSize="small"
                  [ngModel]="app.enabled"
                  (ngModelChange)="toggle(app, $event)"
                  [attr.aria-label]="'embeddedAppsAdmin.enabledFor' | transloco: { name: app.name }"
                  data-testid="embedded-app-enabled"
                />
              </td>
              <td nzAlign="right">
                <app-icon-action
                  icon="edit"
                  [label]="'common.edit' | transloco"
                  testId="embedded-app-edit"
                  (pressed)="store.openEdit(app)"
                />
                <app-delete-button
                  [question]="'embeddedAppsAdmin.confirmDelete' | transloco: { name: app.name }"
                  testId="embedded-app-delete"
                  (confirmed)="remove(app)"
                />
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      <p class="help">{{ 'embeddedAppsAdmin.help' | transloco }}</p>
    </section>
    <app-embedded-app-drawer />
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
    .muted,
    .disabled .name,
    .disabled code {
      color: rgba(0, 0, 0, 0.45);
    }
    nz-tag {
      margin-bottom: 2px;
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      margin: 12px 0 0;
    }
  `,
})
export class EmbeddedAppsAdminPage {
  protected readonly store = inject(EmbeddedAppsAdminStore);
  private readonly toast = inject(OutcomeToast);

  protected async toggle(app: EmbeddedApp, enabled: boolean): Promise<void> {
    const outcome = await this.store.setEnabled(app, enabled);
    if (!outcome.ok) this.toast.failureAsSent(outcome.error);
  }

  protected async remove(app: EmbeddedApp): Promise<void> {
    const outcome = await this.store.remove(app);
    if (outcome.ok) this.toast.success('embeddedAppsAdmin.deleted', { name: app.name });
    else this.toast.failureAsSent(outcome.error);
  }
}
