import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzListModule } from 'ng-zorro-antd/list';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { QueuesStore } from '../queues-store';

/** Drawer listing the organisation's skills, with a field to add one. */
@Component({
  selector: 'app-skills-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzListModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.skillsPanelOpen()"
      [nzWidth]="420"
      [nzTitle]="'queues.skillsPanelTitle' | transloco"
      (nzOnClose)="store.closeSkillsPanel()"
    >
      <ng-container *nzDrawerContent>
        @if (canManage()) {
          <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
          <form
            nz-form
            nzLayout="inline"
            class="create"
            [formGroup]="form"
            (ngSubmit)="create()"
            data-testid="skill-form"
          >
            <ng-template #errorTip let-control
              ><app-field-error [errors]="control.errors"
            /></ng-template>
            <nz-form-item class="grow">
              <nz-form-control [nzErrorTip]="errorTip">
                <input
                  nz-input
                  formControlName="name"
                  [placeholder]="'queues.newSkillName' | transloco"
                  [attr.aria-label]="'queues.newSkillName' | transloco"
                  data-testid="skill-name"
                />
              </nz-form-control>
            </nz-form-item>
            <button
              nz-button
              nzType="primary"
              type="submit"
              [nzLoading]="store.saving()"
              data-testid="skill-submit"
            >
              <nz-icon nzType="plus" />
              {{ 'queues.addSkillButton' | transloco }}
            </button>
          </form>
        }
        <nz-list
          nzSize="small"
          [nzHeader]="'queues.skillCount' | transloco: { count: store.skills().length }"
          data-testid="skill-list"
        >
          @for (skill of store.skills(); track skill.id) {
            <nz-list-item data-testid="skill-row">{{ skill.name }}</nz-list-item>
          } @empty {
            <nz-list-empty [nzNoResult]="'queues.noSkills' | transloco" />
          }
        </nz-list>
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .create {
      display: flex;
      flex-wrap: nowrap;
      margin-bottom: 16px;
    }
    .grow {
      flex: 1;
    }
  `,
})
export class SkillsDrawer {
  protected readonly store = inject(QueuesStore);
  private readonly toast = inject(OutcomeToast);

  /** Whether the user may add skills (queues.manage). */
  readonly canManage = input(false);

  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
  });

  protected async create(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.createSkill(this.form.getRawValue().name.trim()),
    );
    if (outcome?.ok) {
      this.form.reset({ name: '' });
      this.toast.success('queues.skillCreated', { name: outcome.value.name });
    }
  }
}
