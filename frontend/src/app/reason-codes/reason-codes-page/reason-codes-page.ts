import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { ReasonCodeDrawer } from '../reason-code-drawer/reason-code-drawer';
import { ReasonCode } from '../reason-codes-api';
import { ReasonCodesStore } from '../reason-codes-store';

/** The not-ready reasons agents pick from, in the order they are offered. */
@Component({
  selector: 'app-reason-codes-page',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzSwitchModule,
    NzTableModule,
    ApiErrorAlert,
    DeleteButton,
    IconAction,
    PageHeader,
    ReasonCodeDrawer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'reasonCodes.title' | transloco"
      [subtitle]="'reasonCodes.subtitle' | transloco"
    >
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="reason-codes-create"
      >
        <nz-icon nzType="plus" />
        {{ 'reasonCodes.create' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.codes()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'reasonCodes.empty' | transloco"
        data-testid="reason-codes-table"
      >
        <thead>
          <tr>
            <th nzWidth="90px" nzAlign="right">{{ 'reasonCodes.position' | transloco }}</th>
            <th>{{ 'reasonCodes.label' | transloco }}</th>
            <th>{{ 'reasonCodes.code' | transloco }}</th>
            <th nzWidth="110px">{{ 'reasonCodes.active' | transloco }}</th>
            <th nzWidth="110px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (code of table.data; track code.id) {
            <tr
              data-testid="reason-code-row"
              [attr.data-code]="code.code"
              [class.inactive]="!code.active"
            >
              <td nzAlign="right">{{ code.position }}</td>
              <td class="name">{{ code.label }}</td>
              <td>
                <code>{{ code.code }}</code>
              </td>
              <td>
                <nz-switch
                  nzSize="small"
                  [ngModel]="code.active"
                  (ngModelChange)="toggle(code, $event)"
                  [attr.aria-label]="'reasonCodes.activeFor' | transloco: { label: code.label }"
                  data-testid="reason-code-active"
                />
              </td>
              <td nzAlign="right">
                <app-icon-action
                  icon="edit"
                  [label]="'common.edit' | transloco"
                  testId="reason-code-edit"
                  (pressed)="store.openEdit(code)"
                />
                <app-delete-button
                  [question]="'reasonCodes.confirmDelete' | transloco: { label: code.label }"
                  testId="reason-code-delete"
                  (confirmed)="remove(code)"
                />
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      <p class="help">{{ 'reasonCodes.help' | transloco }}</p>
    </section>
    <app-reason-code-drawer />
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
    .inactive .name,
    .inactive code {
      color: rgba(0, 0, 0, 0.4);
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      margin: 12px 0 0;
    }
  `,
})
export class ReasonCodesPage {
  protected readonly store = inject(ReasonCodesStore);
  private readonly toast = inject(OutcomeToast);

  protected async toggle(code: ReasonCode, active: boolean): Promise<void> {
    const outcome = await this.store.setActive(code, active);
    if (!outcome.ok) this.toast.failureAsSent(outcome.error);
  }

  protected async remove(code: ReasonCode): Promise<void> {
    const outcome = await this.store.remove(code);
    if (outcome.ok) this.toast.success('reasonCodes.deleted', { label: code.label });
    else this.toast.failureAsSent(outcome.error);
  }
}
