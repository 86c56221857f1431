import { createLoginForm, normaliseTenant, requireOtp } from './login-form';

describe('login form', () => {
  it('is invalid until organisation, email and password are filled', () => {
    const form = createLoginForm();
    expect(form.valid).toBe(false);
    form.setValue({ tenant: 'acme', email: 'ada@acme.test', password: 'secret', otp: '' });
    expect(form.valid).toBe(true);
  });

  it('starts with the remembered organisation', () => {
    expect(createLoginForm('acme').controls.tenant.value).toBe('acme');
  });

  it('rejects an email without a domain', () => {
    const form = createLoginForm('acme');
    form.controls.email.setValue('ada');
    expect(form.controls.email.hasError('email')).toBe(true);
  });

  it('does not ask for a code before the API requires one', () => {
    const form = createLoginForm('acme');
    form.patchValue({ email: 'ada@acme.test', password: 'secret' });
    expect(form.controls.otp.errors).toBeNull();
  });

  it('requires a six-digit code once MFA is required', () => {
    const form = createLoginForm('acme');
    form.patchValue({ email: 'ada@acme.test', password: 'secret' });
    requireOtp(form, true);
    expect(form.controls.otp.hasError('required')).toBe(true);
    form.controls.otp.setValue('12345');
    expect(form.controls.otp.hasError('pattern')).toBe(true);
    form.controls.otp.setValue('123456');
    expect(form.valid).toBe(true);
  });

  it('forgets the code when MFA is cancelled', () => {
    const form = createLoginForm('acme');
    requireOtp(form, true);
    form.controls.otp.setValue('123456');
    requireOtp(form, false);
    expect(form.controls.otp.value).toBe('');
    expect(form.controls.otp.errors).toBeNull();
  });

  it('sends the organisation slug trimmed and in lowercase', () => {
    expect(normaliseTenant('  Acme-Call ')).toBe('acme-call');
  });
});
