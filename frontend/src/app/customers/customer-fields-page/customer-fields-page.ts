import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { CustomerFieldDrawer } from '../customer-field-drawer/customer-field-drawer';
import { CustomerFieldsStore } from '../customer-fields-store';
import { CustomerField } from '../customers-api';

/** The tenant's custom customer fields: what the customer form asks beyond the built-in data. */
@Component({
  selector: 'app-customer-fields-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    CustomerFieldDrawer,
    DeleteButton,
    IconAction,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'customers.fields.title' | transloco"
      [subtitle]="'customers.fields.subtitle' | transloco"
    >
      <a nz-button routerLink="/customers" data-testid="customer-fields-back">
        {{ 'customers.backToList' | transloco }}
      </a>
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="customer-fields-create"
      >
        <nz-icon nzType="plus" />
        {{ 'customers.fields.create' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.fields()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'customers.fields.empty' | transloco"
        data-testid="customer-fields-table"
      >
        <thead>
          <tr>
            <th nzWidth="80px" nzAlign="right">{{ 'customers.fields.position' | transloco }}</th>
            <th>{{ 'customers.fields.label' | transloco }}</th>
            <th>{{ 'customers.fields.key' | transloco }}</th>
            <th>{{ 'customers.fields.type' | transloco }}</th>
            <th>{{ 'customers.fields.options' | transloco }}</th>
            <th nzWidth="100px">{{ 'customers.fields.required' | transloco }}</th>
            <th nzWidth="100px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (field of table.data; track field.id) {
            <tr data-testid="customer-field-row" [attr.data-field-key]="field.key">
              <td nzAlign="right">{{ field.position }}</td>
              <td class="name">{{ field.label }}</td>
              <td><code>{{ field.key }}</code></td>
              <td>{{ 'customers.fields.types.' + field.type | transloco }}</td>
              <td>
                @for (option of field.options; track option) {
                  <nz-tag>{{ option }}</nz-tag>
                } @empty {
                  <span class="muted">—</span>
                }
              </td>
              <td>
                @if (field.required) {
                  <nz-icon nzType="check-circle" [attr.aria-label]="'customers.fields.required' | transloco" />
                }
              </td>
              <td nzAlign="right">
                <app-icon-action
                  icon="edit"
                  [label]="'common.edit' | transloco"
                  testId="customer-field-edit"
                  (pressed)="store.openEdit(field)"
                />
                <app-delete-button
                  [question]="'customers.fields.confirmDelete' | transloco: { label: field.label }"
                  testId="customer-field-delete"
                  (confirmed)="remove(field)"
                />
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    <app-customer-field-drawer />
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
    .muted {
      color: rgba(0, 0, 0, 0.35);
    }
  `,
})
export class CustomerFieldsPage {
  protected readonly store = inject(CustomerFieldsStore);
  private readonly toast = inject(OutcomeToast);

  protected async remove(field: CustomerField): Promise<void> {
    const outcome = await this.store.remove(field);
    if (outcome.ok) this.toast.success('customers.fields.deleted', { label: field.label });
    else this.toast.failureAsSent(outcome.error);
  }
}
