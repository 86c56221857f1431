import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { EntryPoint } from '../../voice-api';
import { EntryPointDrawer } from '../entry-point-drawer/entry-point-drawer';
import { EntryPointsStore } from '../entry-points-store';

/** Phone numbers and web-call widgets, with where their calls go. */
@Component({
  selector: 'app-entry-points-page',
  imports: [
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    DeleteButton,
    EntryPointDrawer,
    IconAction,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'voice.entryPoints.title' | transloco"
      [subtitle]="'voice.entryPoints.subtitle' | transloco"
    >
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openCreate()"
        data-testid="entry-points-create"
      >
        <nz-icon nzType="plus" />
        {{ 'voice.entryPoints.create' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.entryPoints()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'voice.entryPoints.empty' | transloco"
        data-testid="entry-points-table"
      >
        <thead>
          <tr>
            <th>{{ 'voice.entryPoints.name' | transloco }}</th>
            <th>{{ 'voice.entryPoints.address' | transloco }}</th>
            <th>{{ 'voice.entryPoints.target' | transloco }}</th>
            <th nzWidth="100px">{{ 'voice.language' | transloco }}</th>
            <th>{{ 'voice.entryPoints.gateway' | transloco }}</th>
            <th nzWidth="110px">{{ 'voice.entryPoints.status' | transloco }}</th>
            <th nzWidth="110px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of table.data; track entry.id) {
            <tr data-testid="entry-point-row" [attr.data-name]="entry.name">
              <td class="name">
                <nz-icon
                  class="kind"
                  [nzType]="entry.kind === 'number' ? 'phone' : 'global'"
                  [attr.aria-label]="'voice.entryPoints.kinds.' + entry.kind | transloco"
                />
                {{ entry.name }}
              </td>
              <td>
                @if (entry.kind === 'number') {
                  <span class="mono" data-testid="entry-point-number">{{ entry.number }}</span>
                } @else {
                  {{ 'voice.entryPoints.kinds.web' | transloco }}
                  @if (entry.allowedOrigins.length) {
                    <div class="muted small">{{ entry.allowedOrigins.join(', ') }}</div>
                  }
                }
              </td>
              <td class="target">
                @if (entry.target.type === 'ivr') {
                  <nz-tag nzColor="geekblue">{{ 'voice.entryPoints.toIvr' | transloco }}</nz-tag>
                } @else {
                  <nz-tag nzColor="cyan">{{ 'voice.entryPoints.toQueue' | transloco }}</nz-tag>
                }
                {{ store.targetName()(entry.target) || '—' }}
              </td>
              <td>{{ 'voice.languages.' + entry.language | transloco }}</td>
              <td data-testid="entry-point-gateway">
                @if (entry.kind === 'web') {
                  <span class="muted">{{ 'voice.entryPoints.browser' | transloco }}</span>
                } @else if (entry.sip.trunkId) {
                  <nz-tag
                    nzColor="success"
                    nz-tooltip
                    [nzTooltipTitle]="
                      'voice.entryPoints.trunk' | transloco: { id: entry.sip.trunkId }
                    "
                    >{{ 'voice.entryPoints.provisioned' | transloco }}</nz-tag
                  >
                } @else {
                  <nz-tag nzColor="default">{{ 'voice.entryPoints.noGateway' | transloco }}</nz-tag>
                }
              </td>
              <td>
                @if (entry.enabled) {
                  <nz-tag nzColor="green">{{ 'voice.entryPoints.enabled' | transloco }}</nz-tag>
                } @else {
                  <nz-tag>{{ 'voice.entryPoints.disabled' | transloco }}</nz-tag>
                }
              </td>
              <td nzAlign="right">
                <app-icon-action
                  [icon]="entry.kind === 'web' ? 'code' : 'edit'"
                  [label]="
                    (entry.kind === 'web' ? 'voice.entryPoints.editEmbed' : 'common.edit')
                      | transloco
                  "
                  testId="entry-point-edit"
                  (pressed)="store.openEdit(entry)"
                />
                <app-delete-button
                  [question]="'voice.entryPoints.confirmDelete' | transloco: { name: entry.name }"
                  testId="entry-point-delete"
                  (confirmed)="remove(entry)"
                />
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    <app-entry-point-drawer />
  `,
  styles: `
    .panel {
      background: #fff;
      padding: 16px;
      border-radius: 8px;
    }
    .name,
    .target {
      font-weight: 500;
      white-space: nowrap;
    }
    .target {
      font-weight: 400;
    }
    .small {
      font-size: 12px;
    }
    .kind {
      color: rgba(0, 0, 0, 0.45);
      margin-right: 6px;
    }
    .mono {
      font-variant-numeric: tabular-nums;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class EntryPointsPage {
  protected readonly store = inject(EntryPointsStore);
  private readonly toast = inject(OutcomeToast);

  protected async remove(entry: EntryPoint): Promise<void> {
    const outcome = await this.store.remove(entry);
    if (outcome.ok) this.toast.success('voice.entryPoints.deleted', { name: entry.name });
    else this.toast.failureAsSent(outcome.error);
  }
}
