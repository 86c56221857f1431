import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { AuthCard } from '../../shared/ui/auth-card/auth-card';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { PlatformSession } from '../platform-session';

/** Sign-in of platform operators (separate from tenant users). */
@Component({
  selector: 'app-platform-login-page',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    ApiErrorAlert,
    AuthCard,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-auth-card
      [heading]="'platform.loginTitle' | transloco"
      [subtitle]="'platform.loginSubtitle' | transloco"
    >
      <app-api-error-alert
        [error]="session.saveError()"
        [details]="unmatched()"
        testId="platform-login-error"
      />
      <form
        nz-form
        nzLayout="vertical"
        [formGroup]="form"
        (ngSubmit)="submit()"
        data-testid="platform-login-form"
      >
        <ng-template #errorTip let-control
          ><app-field-error [errors]="control.errors"
        /></ng-template>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="platform-email">{{
            'login.email' | transloco
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errorTip">
            <input
              nz-input
              id="platform-email"
              type="email"
              formControlName="email"
              autocomplete="username"
              data-testid="platform-login-email"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="platform-password">{{
            'login.password' | transloco
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errorTip">
            <nz-input-password>
              <input
                nz-input
                id="platform-password"
                formControlName="password"
                autocomplete="current-password"
                data-testid="platform-login-password"
              />
            </nz-input-password>
          </nz-form-control>
        </nz-form-item>
        <button
          nz-button
          nzType="primary"
          nzBlock
          nzSize="large"
          type="submit"
          [nzLoading]="session.saving()"
          data-testid="platform-login-submit"
        >
          {{ 'login.submit' | transloco }}
        </button>
      </form>
    </app-auth-card>
  `,
})
export class PlatformLoginPage {
  protected readonly session = inject(PlatformSession);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    this.session.clearSaveError();
  }

  protected async submit(): Promise<void> {
    await submitForm(this.form, this.unmatched, () => {
      const { email, password } = this.form.getRawValue();
      return this.session.login(email.trim(), password);
    });
  }
}
