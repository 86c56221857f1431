import { FormControl, FormGroup, Validators } from '@angular/forms';

/** A TOTP code as typed: exactly six digits. */
export const OTP_PATTERN = /^\d{6}$/;

/** Form of the login page; `otp` only becomes required once the API asked for it. */
export function createLoginForm(tenant = '') {
  return new FormGroup({
    tenant: new FormControl(tenant, { nonNullable: true, validators: [Validators.required] }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    otp: new FormControl('', { nonNullable: true, validators: [Validators.pattern(OTP_PATTERN)] }),
  });
}

/** The typed login form group. */
export type LoginForm = ReturnType<typeof createLoginForm>;

/** Makes the six-digit code field required (MFA asked) or optional again. */
export function requireOtp(form: LoginForm, required: boolean): void {
  const otp = form.controls.otp;
  otp.setValidators(
    required
      ? [Validators.required, Validators.pattern(OTP_PATTERN)]
      : [Validators.pattern(OTP_PATTERN)],
  );
  if (!required) otp.reset('');
  otp.updateValueAndValidity();
}

/** The organisation slug as the API expects it. */
export function normaliseTenant(value: string): string {
  return value.trim().toLowerCase();
}
