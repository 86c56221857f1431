import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { authFeature } from '../../auth/auth.reducer';
import { submitForm } from '../../shared/forms/server-errors';
import { PASSWORD_MIN_LENGTH } from '../../shared/forms/validators';
import { LOCALES } from '../../shared/i18n/locales';
import { browserTimeZone, timeZones } from '../../shared/i18n/time-zones';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { AuthCard } from '../../shared/ui/auth-card/auth-card';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { SignupStore } from '../signup-store';
import { createSignupForm, suggestSlugFromName } from './signup-form';

/** Creates an organisation (tenant) and its first administrator, then opens the console. */
@Component({
  selector: 'app-signup-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    ApiErrorAlert,
    AuthCard,
    FieldErrorText,
  ],
  providers: [SignupStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './signup-page.html',
  styleUrl: './signup-page.css',
})
export class SignupPage {
  protected readonly store = inject(SignupStore);
  private readonly session = inject(Store);

  protected readonly locales = LOCALES;
  protected readonly timeZones = timeZones();
  protected readonly minPassword = PASSWORD_MIN_LENGTH;
  protected readonly form = createSignupForm({
    timeZone: browserTimeZone(),
    locale: this.session.selectSignal(authFeature.selectLocale)(),
  });
  protected readonly unmatched = signal<string[]>([]);

  constructor() {
    suggestSlugFromName(this.form);
  }

  protected async submit(): Promise<void> {
    await submitForm(this.form, this.unmatched, () => {
      const value = this.form.getRawValue();
      return this.store.signup({
        ...value,
        organisationName: value.organisationName.trim(),
        adminName: value.adminName.trim(),
        adminEmail: value.adminEmail.trim(),
      });
    });
  }
}
