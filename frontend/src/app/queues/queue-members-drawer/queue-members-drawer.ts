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
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { QueuePerson } from '../queues-api';
import { QueuesStore } from '../queues-store';

/** Drawer choosing the agents of a queue from the organisation's active users. */
@Component({
  selector: 'app-queue-members-drawer',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzSelectModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.membersOpen()"
      [nzWidth]="480"
      [nzTitle]="'queues.membersTitle' | transloco: { name: store.membersOf()?.name ?? '' }"
      [nzFooter]="footer"
      (nzOnClose)="store.closeMembers()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" />
        <label class="label" for="queue-members-select">{{ 'queues.members' | transloco }}</label>
        <nz-select
          nzId="queue-members-select"
          class="picker"
          nzMode="multiple"
          nzShowSearch
          [nzLoading]="store.peopleLoading()"
          [nzPlaceHolder]="'queues.pickMembers' | transloco"
          [ngModel]="selected()"
          (ngModelChange)="selected.set($event)"
          data-testid="queue-members-select"
        >
          @for (person of options(); track person.id) {
            <nz-option
              [nzValue]="person.id"
              [nzLabel]="person.displayName + (person.email ? ' · ' + person.email : '')"
            />
          }
        </nz-select>
        <p class="help">{{ 'queues.membersHelp' | transloco: { count: selected().length } }}</p>
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
            [nzLoading]="store.saving()"
            (click)="save()"
            data-testid="queue-members-save"
          >
            {{ 'common.save' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .label {
      display: block;
      margin-bottom: 6px;
    }
    .picker {
      width: 100%;
    }
    .help {
      margin-top: 8px;
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
    }
  `,
})
export class QueueMembersDrawer {
  protected readonly store = inject(QueuesStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly selected = signal<string[]>([]);
  /** Every user on offer, plus members the loaded page did not include (shown by id). */
  protected readonly options = computed<QueuePerson[]>(() => {
    const people = this.store.people();
    const known = this.store.peopleById();
    const missing = (this.store.membersOf()?.memberIds ?? [])
      .filter((id) => !known.has(id))
      .map((id) => ({ id, displayName: id, email: '' }));
    return [...people, ...missing];
  });

  constructor() {
    effect(() => {
      const queue = this.store.membersOf();
      untracked(() => {
        this.selected.set(queue?.memberIds ?? []);
        if (queue && this.store.people().length === 0) this.store.loadPeople();
      });
    });
  }

  protected async save(): Promise<void> {
    const queue = this.store.membersOf();
    if (!queue) return;
    const outcome = await this.store.saveMembers(queue, this.selected());
    if (outcome.ok) this.toast.success('queues.membersSaved', { name: queue.name });
  }
}
