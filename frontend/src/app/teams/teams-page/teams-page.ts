import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { authFeature } from '../../auth/auth.reducer';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { TeamDrawer } from '../team-drawer/team-drawer';
import { TeamMembersDrawer } from '../team-members-drawer/team-members-drawer';
import { Team } from '../teams-api';
import { TeamsStore } from '../teams-store';
import { IconAction } from '../../shared/ui/icon-action/icon-action';

/** Teams of the organisation with their supervisors and member counts. */
@Component({
  selector: 'app-teams-page',
  imports: [
    IconAction,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    DeleteButton,
    PageHeader,
    TeamDrawer,
    TeamMembersDrawer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'teams.title' | transloco"
      [subtitle]="'teams.subtitle' | transloco"
    >
      @if (canManage()) {
        <button
          nz-button
          nzType="primary"
          type="button"
          (click)="store.openCreate()"
          data-testid="teams-create"
        >
          <nz-icon nzType="plus" />
          {{ 'teams.create' | transloco }}
        </button>
      }
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.teams()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        data-testid="teams-table"
      >
        <thead>
          <tr>
            <th>{{ 'teams.name' | transloco }}</th>
            <th>{{ 'teams.description' | transloco }}</th>
            <th>{{ 'teams.supervisors' | transloco }}</th>
            <th nzWidth="110px" nzAlign="right">{{ 'teams.memberCount' | transloco }}</th>
            @if (canManage()) {
              <th nzWidth="150px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (team of table.data; track team.id) {
            <tr data-testid="team-row" [attr.data-team-name]="team.name">
              <td class="name">{{ team.name }}</td>
              <td>{{ team.description }}</td>
              <td>
                @for (person of team.supervisors; track person.id) {
                  <nz-tag nzColor="purple">{{ person.displayName }}</nz-tag>
                } @empty {
                  <span class="muted">—</span>
                }
              </td>
              <td nzAlign="right">{{ team.memberCount }}</td>
              @if (canManage()) {
                <td nzAlign="right">
                  <app-icon-action
                    icon="usergroup-add"
                    [label]="'teams.editMembers' | transloco"
                    testId="team-members"
                    (pressed)="store.openMembers(team)"
                  />
                  <app-icon-action
                    icon="edit"
                    [label]="'common.edit' | transloco"
                    testId="team-edit"
                    (pressed)="store.openEdit(team)"
                  />
                  <app-delete-button
                    [question]="'teams.confirmDelete' | transloco: { name: team.name }"
                    testId="team-delete"
                    (confirmed)="remove(team)"
                  />
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    <app-team-drawer />
    <app-team-members-drawer />
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
export class TeamsPage {
  protected readonly store = inject(TeamsStore);
  private readonly session = inject(Store);
  private readonly toast = inject(OutcomeToast);

  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('teams.manage'),
  );

  protected async remove(team: Team): Promise<void> {
    this.toast.report(await this.store.remove(team), 'teams.deleted', { name: team.name });
  }
}
