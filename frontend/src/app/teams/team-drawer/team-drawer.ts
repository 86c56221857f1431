import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { TeamsStore } from '../teams-store';

/** Drawer to create or edit a team: name, description and supervisors. */
@Component({
  selector: 'app-team-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.drawerOpen()"
      [nzWidth]="480"
      [nzTitle]="(team() ? 'teams.editTitle' : 'teams.createTitle') | transloco"
      [nzFooter]="footer"
      (nzOnClose)="store.closeDrawer()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form
          nz-form
          nzLayout="vertical"
          id="team-form"
          [formGroup]="form"
          (ngSubmit)="submit()"
          data-testid="team-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="team-name">{{
              'teams.name' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input nz-input id="team-name" formControlName="name" data-testid="team-name" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="team-description">{{
              'teams.description' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <textarea
                nz-input
                id="team-description"
                rows="3"
                formControlName="description"
                data-testid="team-description"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="team-supervisors">{{
              'teams.supervisors' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-select
                nzId="team-supervisors"
                nzMode="multiple"
                nzShowSearch
                nzServerSearch
                [nzLoading]="store.searching()"
                (nzOnSearch)="store.searchUsers($event)"
                formControlName="supervisorIds"
                [nzPlaceHolder]="'teams.pickUsers' | transloco"
                data-testid="team-supervisors"
              >
                @for (person of store.userOptions(); track person.id) {
                  <nz-option [nzValue]="person.id" [nzLabel]="person.displayName" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="drawer-footer">
          <button nz-button type="button" (click)="store.closeDrawer()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="submit"
            form="team-form"
            [nzLoading]="store.saving()"
            data-testid="team-submit"
          >
            {{ 'common.save' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
})
export class TeamDrawer {
  protected readonly store = inject(TeamsStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly team = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(500)],
    }),
    supervisorIds: new FormControl<string[]>([], { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      untracked(() => {
        const team = this.store.edited();
        this.unmatched.set([]);
        this.form.reset({
          name: team?.name ?? '',
          description: team?.description ?? '',
          supervisorIds: team?.supervisors.map((person) => person.id) ?? [],
        });
      });
    });
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const { name, description, supervisorIds } = this.form.getRawValue();
      return this.store.save(this.team()?.id ?? null, {
        name: name.trim(),
        description: description.trim(),
        supervisorIds,
      });
    });
    if (outcome?.ok) this.toast.success('teams.saved', { name: outcome.value.name });
  }
}
