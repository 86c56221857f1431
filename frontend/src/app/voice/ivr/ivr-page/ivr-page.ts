import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { IvrMenu } from '../../voice-api';
import { IvrDrawer } from '../ivr-drawer/ivr-drawer';
import { inKeypadOrder } from '../ivr-options';
import { IvrStore } from '../ivr-store';

/** Voice menus callers hear, with the keys they can press. */
@Component({
  selector: 'app-ivr-page',
  imports: [
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    DeleteButton,
    IconAction,
    IvrDrawer,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'voice.ivr.title' | transloco"
      [subtitle]="'voice.ivr.subtitle' | transloco"
    >
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="ivr-create"
      >
        <nz-icon nzType="plus" />
        {{ 'voice.ivr.create' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.menus()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'voice.ivr.empty' | transloco"
        data-testid="ivr-table"
      >
        <thead>
          <tr>
            <th>{{ 'voice.ivr.name' | transloco }}</th>
            <th nzWidth="100px">{{ 'voice.language' | transloco }}</th>
            <th>{{ 'voice.ivr.options' | transloco }}</th>
            <th>{{ 'voice.ivr.noKey' | transloco }}</th>
            <th nzWidth="140px">{{ 'voice.ivr.timing' | transloco }}</th>
            <th nzWidth="110px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (menu of table.data; track menu.id) {
            <tr data-testid="ivr-row" [attr.data-name]="menu.name">
              <td class="name">{{ menu.name }}</td>
              <td>{{ 'voice.languages.' + menu.language | transloco }}</td>
              <td>
                @for (option of keypadOrder(menu); track option.digit) {
                  <nz-tag [nzColor]="option.target.type === 'menu' ? 'geekblue' : 'cyan'">
                    <b>{{ option.digit }}</b>
                    {{ option.label || store.targetName()(option.target) }}
                  </nz-tag>
                } @empty {
                  <span class="muted">{{ 'voice.ivr.noOptions' | transloco }}</span>
                }
              </td>
              <td>
                @if (menu.defaultTarget) {
                  {{ store.queueNames().get(menu.defaultTarget.queueId) ?? '—' }}
                } @else {
                  <span class="muted">{{ 'voice.ivr.hangUp' | transloco }}</span>
                }
              </td>
              <td>
                {{
                  'voice.ivr.timingValue'
                    | transloco: { seconds: menu.timeoutSeconds, retries: menu.maxRetries }
                }}
              </td>
              <td nzAlign="right">
                <app-icon-action
                  icon="edit"
                  [label]="'common.edit' | transloco"
                  testId="ivr-edit"
                  (pressed)="store.openEdit(menu)"
                />
                <app-delete-button
                  [question]="'voice.ivr.confirmDelete' | transloco: { name: menu.name }"
                  testId="ivr-delete"
                  (confirmed)="remove(menu)"
                />
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    <app-ivr-drawer />
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
      color: rgba(0, 0, 0, 0.45);
    }
    nz-tag {
      margin-bottom: 2px;
    }
  `,
})
export class IvrPage {
  protected readonly store = inject(IvrStore);
  private readonly toast = inject(OutcomeToast);

  protected keypadOrder(menu: IvrMenu) {
    return inKeypadOrder(menu.options);
  }

  protected async remove(menu: IvrMenu): Promise<void> {
    const outcome = await this.store.remove(menu);
    if (outcome.ok) this.toast.success('voice.ivr.deleted', { name: menu.name });
    else this.toast.failureAsSent(outcome.error);
  }
}
