import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzResultModule } from 'ng-zorro-antd/result';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { AuthCard } from '../../shared/ui/auth-card/auth-card';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { AuthStorage } from '../auth-storage';
import { normaliseTenant } from '../login-page/login-form';
import { PasswordStore } from '../password-store';

/** Asks for a password-reset mail (organisation + email). */
@Component({
  selector: 'app-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzResultModule,
    ApiErrorAlert,
    AuthCard,
    FieldErrorText,
  ],
  providers: [PasswordStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-auth-card
      [heading]="'forgot.title' | transloco"
      [subtitle]="sent() ? '' : ('forgot.subtitle' | transloco)"
    >
      @if (sent()) {
        <nz-result
          nzStatus="success"
          [nzTitle]="'forgot.sentTitle' | transloco"
          [nzSubTitle]="'forgot.sentText' | transloco"
          data-testid="forgot-sent"
        >
          <div nz-result-extra>
            <a nz-button nzType="primary" routerLink="/login">{{
              'common.backToLogin' | transloco
            }}</a>
          </div>
        </nz-result>
      } @else {
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="forgot-tenant">{{
              'login.organisation' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input
                nz-input
                id="forgot-tenant"
                formControlName="tenant"
                autocapitalize="none"
                data-testid="forgot-tenant"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="forgot-email">{{
              'login.email' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input
                nz-input
                id="forgot-email"
                type="email"
                formControlName="email"
                autocomplete="username"
                data-testid="forgot-email"
              />
            </nz-form-control>
          </nz-form-item>
          <button
            nz-button
            nzType="primary"
            nzBlock
            nzSize="large"
            type="submit"
            [nzLoading]="store.saving()"
            data-testid="forgot-submit"
          >
            {{ 'forgot.submit' | transloco }}
          </button>
        </form>
        <p class="back">
          <a routerLink="/login">{{ 'common.backToLogin' | transloco }}</a>
        </p>
      }
    </app-auth-card>
  `,
  styles: `
    .back {
      margin: 16px 0 0;
      text-align: center;
    }
  `,
})
export class ForgotPasswordPage {
  protected readonly store = inject(PasswordStore);
  private readonly storage = inject(AuthStorage);

  protected readonly form = new FormGroup({
    tenant: new FormControl(this.storage.lastTenant(), {
      nonNullable: true,
      validators: [Validators.required],
    }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
  });
  protected readonly sent = signal(false);
  protected readonly unmatched = signal<string[]>([]);

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const { tenant, email } = this.form.getRawValue();
      return this.store.requestReset(normaliseTenant(tenant), email.trim());
    });
    if (outcome?.ok) this.sent.set(true);
  }
}
