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
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { QueueSkillInput } from '../queues-api';
import { QueuesStore } from '../queues-store';

/** One row of the editor; the skill is empty until one is picked. */
interface SkillRow {
  readonly key: number;
  readonly skillId: string | null;
  readonly minLevel: number;
}

/** Drawer listing the skills a queue requires, each with the lowest level that qualifies. */
@Component({
  selector: 'app-queue-skills-drawer',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzEmptyModule,
    NzIconModule,
    NzInputNumberModule,
    NzSelectModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.skillsOpen()"
      [nzWidth]="520"
      [nzTitle]="'queues.skillsTitle' | transloco: { name: store.skillsOf()?.name ?? '' }"
      [nzFooter]="footer"
      (nzOnClose)="store.closeSkills()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" />
        <p class="help">{{ 'queues.skillsHelp' | transloco }}</p>
        @if (rows().length) {
          <div class="row head">
            <span>{{ 'queues.skill' | transloco }}</span>
            <span>{{ 'queues.minLevel' | transloco }}</span>
            <span></span>
          </div>
        }
        @for (row of rows(); track row.key; let i = $index) {
          <div class="row" data-testid="queue-skill-row">
            <nz-select
              [nzPlaceHolder]="'queues.pickSkill' | transloco"
              nzShowSearch
              [ngModel]="row.skillId"
              (ngModelChange)="change(i, { skillId: $event })"
              [attr.aria-label]="'queues.skill' | transloco"
              data-testid="queue-skill-select"
            >
              @for (skill of store.skills(); track skill.id) {
                <nz-option
                  [nzValue]="skill.id"
                  [nzLabel]="skill.name"
                  [nzDisabled]="taken().has(skill.id) && skill.id !== row.skillId"
                />
              }
            </nz-select>
            <nz-input-number
              [nzMin]="1"
              [nzMax]="10"
              [nzPrecision]="0"
              [ngModel]="row.minLevel"
              (ngModelChange)="change(i, { minLevel: $event ?? 1 })"
              [attr.aria-label]="'queues.minLevel' | transloco"
              data-testid="queue-skill-level"
            />
            <button
              nz-button
              nzType="text"
              nzDanger
              type="button"
              (click)="removeRow(i)"
              [attr.aria-label]="'queues.removeSkill' | transloco"
              data-testid="queue-skill-remove"
            >
              <nz-icon nzType="close" />
            </button>
          </div>
        } @empty {
          <nz-empty
            nzNotFoundImage="simple"
            [nzNotFoundContent]="'queues.noSkillsRequired' | transloco"
          />
        }
        <button
          nz-button
          nzType="dashed"
          nzBlock
          type="button"
          class="add"
          [disabled]="rows().length >= store.skills().length"
          (click)="addRow()"
          data-testid="queue-skill-add"
        >
          <nz-icon nzType="plus" />
          {{ 'queues.addSkill' | transloco }}
        </button>
      </ng-container>
      <ng-template #footer>
        <div class="drawer-footer">
          <button nz-button type="button" (click)="store.closeSkills()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="button"
            [nzLoading]="store.saving()"
            (click)="save()"
            data-testid="queue-skills-save"
          >
            {{ 'common.save' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: 1fr 120px 32px;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .head {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
      margin-bottom: 4px;
    }
    .add {
      margin-top: 8px;
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
    }
  `,
})
export class QueueSkillsDrawer {
  protected readonly store = inject(QueuesStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly rows = signal<SkillRow[]>([]);
  protected readonly taken = computed(() => new Set(this.rows().map((row) => row.skillId)));
  private nextKey = 0;

  constructor() {
    effect(() => {
      const queue = this.store.skillsOf();
      untracked(() =>
        this.rows.set(
          (queue?.skills ?? []).map((skill) => ({
            key: this.nextKey++,
            skillId: skill.skillId,
            minLevel: skill.minLevel,
          })),
        ),
      );
    });
  }

  protected addRow(): void {
    this.rows.update((rows) => [...rows, { key: this.nextKey++, skillId: null, minLevel: 1 }]);
  }

  protected removeRow(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected change(index: number, patch: Partial<SkillRow>): void {
    this.rows.update((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  protected async save(): Promise<void> {
    const queue = this.store.skillsOf();
    if (!queue) return;
    // Rows left without a skill mean nothing: they are dropped rather than refused.
    const skills: QueueSkillInput[] = this.rows().flatMap((row) =>
      row.skillId ? [{ skillId: row.skillId, minLevel: row.minLevel }] : [],
    );
    const outcome = await this.store.saveSkills(queue, skills);
    if (outcome.ok) this.toast.success('queues.skillsSaved', { name: queue.name });
  }
}
