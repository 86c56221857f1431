import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { CareRule } from '../care-api';
import { CareRuleDrawer } from '../care-rule-drawer/care-rule-drawer';
import { CareRulesStore } from '../care-rules-store';

/** The organisation's care rules: what generates greetings, callbacks and follow-ups, and for whom. */
@Component({
  selector: 'app-care-rules-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    CareRuleDrawer,
    DeleteButton,
    IconAction,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'customerCare.rules.title' | transloco"
      [subtitle]="'customerCare.rules.subtitle' | transloco"
    >
      <a nz-button routerLink="/customers/care" data-testid="care-rules-back">
        {{ 'customerCare.tasks.title' | transloco }}
      </a>
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="care-rules-create"
      >
        <nz-icon nzType="plus" />
        {{ 'customerCare.rules.create' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.rules()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'customerCare.rules.empty' | transloco"
        data-testid="care-rules-table"
      >
        <thead>
          <tr>
            <th>{{ 'customerCare.rules.name' | transloco }}</th>
            <th>{{ 'customerCare.rules.schedule' | transloco }}</th>
            <th>{{ 'customerCare.rules.titleTemplate' | transloco }}</th>
            <th>{{ 'customerCare.rules.assignee' | transloco }}</th>
            <th>{{ 'customerCare.rules.filters' | transloco }}</th>
            <th nzAlign="right">{{ 'customerCare.rules.openTasks' | transloco }}</th>
            <th nzWidth="90px">{{ 'customerCare.rules.active' | transloco }}</th>
            <th nzWidth="100px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (rule of table.data; track rule.id) {
            <tr data-testid="care-rule-row" [attr.data-rule-id]="rule.id">
              <td class="name">
                {{ rule.name }}
                <div>
                  <nz-tag>{{ 'customerCare.kinds.' + rule.kind | transloco }}</nz-tag>
                </div>
              </td>
              <td>{{ scheduleKey(rule) | transloco: scheduleParams(rule) }}</td>
              <td class="template">{{ rule.titleTemplate }}</td>
              <td>
                @if (rule.assignee === 'team') {
                  <nz-icon nzType="team" />
                  {{ rule.teamName ?? ('customerCare.rules.teamGone' | transloco) }}
                } @else {
                  <nz-icon nzType="user" /> {{ 'customerCare.assignees.owner' | transloco }}
                  @if (rule.teamName) {
                    <div class="muted">
                      {{ 'customerCare.rules.fallback' | transloco: { team: rule.teamName } }}
                    </div>
                  }
                }
              </td>
              <td>
                @if (rule.tag) {
                  <nz-tag nzColor="blue">{{ rule.tag }}</nz-tag>
                }
                @if (rule.customerStatus) {
                  <nz-tag>{{ 'customers.statuses.' + rule.customerStatus | transloco }}</nz-tag>
                }
                @if (!rule.tag && !rule.customerStatus) {
                  <span class="muted">{{ 'customerCare.rules.allCustomers' | transloco }}</span>
                }
              </td>
              <td nzAlign="right">{{ rule.openTasks }}</td>
              <td>
                <nz-switch
                  nzSize="small"
                  [ngModel]="rule.active"
                  (ngModelChange)="setActive(rule, $event)"
                  [nzLoading]="store.saving()"
                  [attr.aria-label]="'customerCare.rules.active' | transloco"
                  data-testid="care-rule-active"
                />
              </td>
              <td nzAlign="right">
                <app-icon-action
                  icon="edit"
                  [label]="'common.edit' | transloco"
                  testId="care-rule-edit"
                  (pressed)="store.openEdit(rule)"
                />
                <app-delete-button
                  [question]="'customerCare.rules.confirmDelete' | transloco: { name: rule.name }"
                  testId="care-rule-delete"
                  (confirmed)="remove(rule)"
                />
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    <app-care-rule-drawer />
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
    .template {
      max-width: 280px;
      overflow-wrap: anywhere;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class CareRulesPage {
  protected readonly store = inject(CareRulesStore);
  private readonly toast = inject(OutcomeToast);
  private readonly transloco = inject(TranslocoService);

  /** The translation key describing when a rule's tasks fall due. */
  protected scheduleKey(rule: CareRule): string {
    return `customerCare.schedule.${rule.kind}`;
  }

  protected scheduleParams(rule: CareRule): Record<string, unknown> {
    const field = this.store.fields().find((f) => f.key === rule.fieldKey);
    return {
      days: rule.daysBefore ?? rule.intervalDays ?? rule.daysAfter ?? 0,
      field: field?.label ?? rule.fieldKey ?? '',
      type: rule.trackingType
        ? this.transloco.translate(`customers.tracking.types.${rule.trackingType}`)
        : '',
    };
  }

  protected async setActive(rule: CareRule, active: boolean): Promise<void> {
    const outcome = await this.store.setActive(rule, active);
    this.toast.report(
      outcome,
      active ? 'customerCare.rules.activated' : 'customerCare.rules.paused',
      {
        name: rule.name,
      },
    );
  }

  protected async remove(rule: CareRule): Promise<void> {
    const outcome = await this.store.remove(rule);
    if (outcome.ok) this.toast.success('customerCare.rules.deleted', { name: rule.name });
    else this.toast.failureAsSent(outcome.error);
  }
}
