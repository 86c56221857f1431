import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { applyServerErrors, revealErrors } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { AuthCard } from '../../shared/ui/auth-card/auth-card';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { AuthStorage } from '../auth-storage';
import { loginPageEvents } from '../auth.events';
import { authFeature } from '../auth.reducer';
import { createLoginForm, normaliseTenant, requireOtp } from './login-form';

/** Sign-in with organisation, email and password (then a 2FA code when asked), or a client certificate. */
@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzDividerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    ApiErrorAlert,
    AuthCard,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  private readonly store = inject(Store);
  private readonly storage = inject(AuthStorage);

  protected readonly form = createLoginForm(this.storage.lastTenant());
  protected readonly pending = this.store.selectSignal(authFeature.selectLoginPending);
  protected readonly mfaRequired = this.store.selectSignal(authFeature.selectMfaRequired);
  protected readonly error = this.store.selectSignal(authFeature.selectLoginError);
  protected readonly unmatched = signal<string[]>([]);
  private readonly otpInput = viewChild<ElementRef<HTMLInputElement>>('otpInput');

  constructor() {
    this.store.dispatch(loginPageEvents.opened());
    effect(() => {
      const required = this.mfaRequired();
      requireOtp(this.form, required);
      if (required) queueMicrotask(() => this.otpInput()?.nativeElement.focus());
    });
    effect(() => {
      const error = this.error();
      this.unmatched.set(
        error ? applyServerErrors(this.form, error.fieldErrors).map((e) => e.message) : [],
      );
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { tenant, email, password, otp } = this.form.getRawValue();
    const slug = normaliseTenant(tenant);
    this.storage.saveTenant(slug);
    this.store.dispatch(
      loginPageEvents.submitted({
        credentials: {
          tenant: slug,
          email: email.trim(),
          password,
          ...(this.mfaRequired() ? { otp } : {}),
        },
      }),
    );
  }

  protected signInWithCertificate(): void {
    const tenant = this.form.controls.tenant;
    if (tenant.invalid) {
      revealErrors(tenant);
      return;
    }
    const slug = normaliseTenant(tenant.value);
    this.storage.saveTenant(slug);
    this.store.dispatch(loginPageEvents.certificateClicked({ tenant: slug }));
  }

  protected cancelMfa(): void {
    this.store.dispatch(loginPageEvents.mfaCancelled());
  }
}
