import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { authFeature } from '../../auth/auth.reducer';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { AgentProfileStore } from '../agent-profile-store';

/**
 * Drawer with one agent's profile: skills with proficiency levels (editable by queue admins),
 * and the teams and queues the agent belongs to, linked to their pages.
 */
@Component({
  selector: 'app-agent-profile-drawer',
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzEmptyModule,
    NzIconModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agent-profile-drawer.html',
  styleUrl: './agent-profile-drawer.css',
})
export class AgentProfileDrawer {
  protected readonly store = inject(AgentProfileStore);
  private readonly toast = inject(OutcomeToast);
  private readonly permissions = inject(Store).selectSignal(authFeature.selectPermissionSet);

  protected readonly canEdit = computed(() => this.permissions().has('queues.manage'));
  protected readonly canOpenTeams = computed(
    () => this.permissions().has('teams.view') || this.permissions().has('teams.manage'),
  );
  protected readonly canOpenQueues = computed(
    () => this.permissions().has('queues.view') || this.permissions().has('queues.manage'),
  );
  /** The skill picked in the "add" select, until it is added. */
  protected readonly picked = signal<string | null>(null);

  protected addPicked(): void {
    const skillId = this.picked();
    if (!skillId) return;
    this.store.addSkill(skillId);
    this.picked.set(null);
  }

  protected async save(): Promise<void> {
    const name = this.store.subject()?.displayName ?? '';
    const outcome = await this.store.saveSkills();
    // A refusal shows in the drawer (on its row when it names one), not as a toast.
    if (outcome?.ok) this.toast.success('agentProfile.saved', { name });
  }
}
