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
import { Locale, User } from '../../shared/api/models';
import { submitForm } from '../../shared/forms/server-errors';
import { LOCALES } from '../../shared/i18n/locales';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { UsersStore } from '../users-store';
import { RoleTextPipe } from '../../shared/i18n/role-text';

/** Drawer to invite a user (email, name, roles, teams) or edit an existing one. */
@Component({
  selector: 'app-user-drawer',
  imports: [
    RoleTextPipe,
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
  templateUrl: './user-drawer.html',
})
export class UserDrawer {
  protected readonly store = inject(UsersStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly locales = LOCALES;
  protected readonly editedUser = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    roleIds: new FormControl<string[]>([], { nonNullable: true }),
    teamIds: new FormControl<string[]>([], { nonNullable: true }),
    locale: new FormControl<Locale | null>(null),
  });

  constructor() {
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      untracked(() => this.reset(this.store.edited()));
    });
  }

  protected async submit(): Promise<void> {
    const user = this.editedUser();
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const { email, displayName, roleIds, teamIds, locale } = this.form.getRawValue();
      return user
        ? this.store.update(user.id, {
            displayName: displayName.trim(),
            roleIds,
            teamIds,
            ...(locale ? { locale } : {}),
          })
        : this.store.invite({
            email: email.trim(),
            displayName: displayName.trim(),
            roleIds,
            teamIds,
          });
    });
    if (outcome?.ok) {
      const key = user ? 'users.done.saved' : 'users.done.invited';
      this.toast.success(key, { email: outcome.value.email });
    }
  }

  private reset(user: User | null): void {
    this.unmatched.set([]);
    this.form.reset({
      email: user?.email ?? '',
      displayName: user?.displayName ?? '',
      roleIds: user?.roles.map((role) => role.id) ?? [],
      teamIds: user?.teams.map((team) => team.id) ?? [],
      locale: user?.locale ?? null,
    });
    if (user) this.form.controls.email.disable();
    else this.form.controls.email.enable();
  }
}
