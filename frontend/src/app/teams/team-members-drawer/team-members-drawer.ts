import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { TeamPerson } from '../teams-api';
import { TeamsStore } from '../teams-store';

/** Drawer listing a team's members, with a user search to add more and buttons to remove them. */
@Component({
  selector: 'app-team-members-drawer',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzIconModule,
    NzListModule,
    NzSelectModule,
    NzSpinModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.membersOpen()"
      [nzWidth]="480"
      [nzTitle]="'teams.membersTitle' | transloco: { name: store.membersOf()?.name ?? '' }"
      [nzFooter]="footer"
      (nzOnClose)="store.closeMembers()"
    >
      <ng-container *nzDrawerContent>
        <nz-spin [nzSpinning]="store.membersLoading()">
          <app-api-error-alert [error]="store.saveError()" />
          <label class="add-label" for="team-add-member">{{ 'teams.addMember' | transloco }}</label>
          <nz-select
            nzId="team-add-member"
            class="add"
            nzShowSearch
            nzServerSearch
            [nzLoading]="store.searching()"
            [nzPlaceHolder]="'teams.pickUsers' | transloco"
            [ngModel]="picked()"
            (ngModelChange)="add($event)"
            (nzOnSearch)="store.searchUsers($event)"
            data-testid="team-add-member"
          >
            @for (person of candidates(); track person.id) {
              <nz-option
                [nzValue]="person.id"
                [nzLabel]="person.displayName + (person.email ? ' · ' + person.email : '')"
              />
            }
          </nz-select>
          <nz-list
            nzSize="small"
            [nzHeader]="'teams.memberCountLabel' | transloco: { count: members().length }"
            data-testid="team-member-list"
          >
            @for (person of members(); track person.id) {
              <nz-list-item>
                <span>
                  {{ person.displayName }}
                  @if (person.email) {
                    <span class="email">{{ person.email }}</span>
                  }
                </span>
                <button
                  nz-button
                  nzType="text"
                  nzDanger
                  nzSize="small"
                  type="button"
                  (click)="removeMember(person)"
                  [attr.aria-label]="'teams.removeMember' | transloco: { name: person.displayName }"
                >
                  <nz-icon nzType="close" />
                </button>
              </nz-list-item>
            } @empty {
              <nz-list-empty [nzNoResult]="'teams.noMembers' | transloco" />
            }
          </nz-list>
        </nz-spin>
      </ng-container>
      <ng-template #footer>
        <div class="drawer-footer">
          <button nz-button type="button" (click)="store.closeMembers()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="button"
            [disabled]="!store.membersOf()"
            [nzLoading]="store.saving()"
            (click)="save()"
            data-testid="team-members-save"
          >
            {{ 'common.save' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .add-label {
      display: block;
      margin-bottom: 6px;
    }
    .add {
      width: 100%;
      margin-bottom: 16px;
    }
    .email {
      margin-left: 8px;
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class TeamMembersDrawer {
  protected readonly store = inject(TeamsStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly members = signal<TeamPerson[]>([]);
  /** Selection of the add-member search, cleared right after a pick. */
  protected readonly picked = signal<string | null>(null);
  protected readonly candidates = computed(() => {
    const taken = new Set(this.members().map((person) => person.id));
    return this.store.userOptions().filter((person) => !taken.has(person.id));
  });

  constructor() {
    effect(() => {
      const team = this.store.membersOf();
      untracked(() => this.members.set(team?.members ?? []));
    });
  }

  protected add(id: string | null): void {
    this.picked.set(id);
    const person = this.store.userOptions().find((option) => option.id === id);
    if (person) this.members.update((list) => [...list, person]);
    queueMicrotask(() => this.picked.set(null));
  }

  protected removeMember(person: TeamPerson): void {
    this.members.update((list) => list.filter((member) => member.id !== person.id));
  }

  protected async save(): Promise<void> {
    const team = this.store.membersOf();
    if (!team) return;
    const outcome = await this.store.saveMembers(
      team,
      this.members().map((person) => person.id),
    );
    if (outcome.ok) this.toast.success('teams.membersSaved', { name: team.name });
  }
}
