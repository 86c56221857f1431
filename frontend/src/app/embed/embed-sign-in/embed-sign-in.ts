import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AuthStorage } from '../../auth/auth-storage';
import { loginPageEvents } from '../../auth/auth.events';
import { authFeature } from '../../auth/auth.reducer';
import { createLoginForm, normaliseTenant, requireOtp } from '../../auth/login-page/login-form';
import { revealErrors } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { LanguageSwitch } from '../../shared/ui/language-switch/language-switch';

/**
 * The embedded call bar's sign-in on one row: e-mail, password (then the 2FA code when asked) for
 * the organisation the URL names, through the console's own login flow.
 */
@Component({
  selector: 'app-embed-sign-in',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    ApiErrorAlert,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="row" [formGroup]="form" (ngSubmit)="submit()" data-testid="embed-sign-in">
      <span class="who">
        <nz-icon nzType="phone" />
        <span class="org">{{ 'embed.signInTo' | transloco: { org: slug() } }}</span>
      </span>
      @if (mfaRequired()) {
        <input
          #otpInput
          nz-input
          class="otp"
          formControlName="otp"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="6"
          [placeholder]="'login.otp' | transloco"
          [attr.aria-label]="'login.otp' | transloco"
          [class.ant-input-status-error]="form.controls.otp.invalid && form.controls.otp.touched"
          data-testid="embed-otp"
        />
        <button nz-button type="button" (click)="cancelMfa()">
          {{ 'common.cancel' | transloco }}
        </button>
      } @else {
        <input
          nz-input
          type="email"
          formControlName="email"
          autocomplete="username"
          [placeholder]="'login.email' | transloco"
          [attr.aria-label]="'login.email' | transloco"
          [class.ant-input-status-error]="
            form.controls.email.invalid && form.controls.email.touched
          "
          data-testid="embed-email"
        />
        <input
          nz-input
          type="password"
          formControlName="password"
          autocomplete="current-password"
          [placeholder]="'login.password' | transloco"
          [attr.aria-label]="'login.password' | transloco"
          [class.ant-input-status-error]="
            form.controls.password.invalid && form.controls.password.touched
          "
          data-testid="embed-password"
        />
      }
      <button
        nz-button
        nzType="primary"
        type="submit"
        [nzLoading]="pending()"
        data-testid="embed-sign-in-submit"
      >
        {{ 'login.submit' | transloco }}
      </button>
      <app-language-switch />
    </form>
    <app-api-error-alert class="error" [error]="error()" />
  `,
  styles: `
    :host {
      display: block;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 10px 12px;
      background: #fff;
      border-radius: 8px;
      border-left: 4px solid #1677ff;
    }
    .who {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-weight: 500;
      white-space: nowrap;
    }
    .org {
      max-width: 260px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    input {
      flex: 1 1 140px;
      min-width: 120px;
      max-width: 260px;
    }
    .otp {
      max-width: 120px;
    }
    .error {
      display: block;
      margin-top: 6px;
    }
  `,
})
export class EmbedSignIn {
  private readonly store = inject(Store);
  private readonly storage = inject(AuthStorage);

  /** The organisation the call bar belongs to (from the URL). */
  readonly slug = input.required<string>();

  protected readonly form = createLoginForm();
  protected readonly pending = this.store.selectSignal(authFeature.selectLoginPending);
  protected readonly mfaRequired = this.store.selectSignal(authFeature.selectMfaRequired);
  protected readonly error = this.store.selectSignal(authFeature.selectLoginError);
  private readonly otpInput = viewChild<ElementRef<HTMLInputElement>>('otpInput');

  constructor() {
    this.store.dispatch(loginPageEvents.opened());
    effect(() => this.form.controls.tenant.setValue(normaliseTenant(this.slug())));
    effect(() => {
      const required = this.mfaRequired();
      requireOtp(this.form, required);
      if (required) queueMicrotask(() => this.otpInput()?.nativeElement.focus());
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { tenant, email, password, otp } = this.form.getRawValue();
    this.storage.saveTenant(tenant);
    this.store.dispatch(
      loginPageEvents.submitted({
        credentials: {
          tenant,
          email: email.trim(),
          password,
          ...(this.mfaRequired() ? { otp } : {}),
        },
      }),
    );
  }

  protected cancelMfa(): void {
    this.store.dispatch(loginPageEvents.mfaCancelled());
  }
}
