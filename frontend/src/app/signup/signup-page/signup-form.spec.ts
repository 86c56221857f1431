import { createSignupForm, suggestSlugFromName } from './signup-form';

function form() {
  const signup = createSignupForm({ timeZone: 'Europe/Berlin', locale: 'en' });
  suggestSlugFromName(signup);
  return signup;
}

describe('signup form', () => {
  it('suggests the slug while the organisation name is typed', () => {
    const signup = form();
    signup.controls.organisationName.setValue('Acme Support');
    expect(signup.controls.slug.value).toBe('acme-support');
  });

  it('keeps a slug the user typed when the name changes', () => {
    const signup = form();
    signup.controls.organisationName.setValue('Acme');
    signup.controls.slug.setValue('acme-hq');
    signup.controls.organisationName.setValue('Acme Holding');
    expect(signup.controls.slug.value).toBe('acme-hq');
  });

  it('follows the name again once the slug is cleared', () => {
    const signup = form();
    signup.controls.slug.setValue('custom');
    signup.controls.slug.setValue('');
    signup.controls.organisationName.setValue('Beta Calls');
    expect(signup.controls.slug.value).toBe('beta-calls');
  });

  it('is valid once every field is filled correctly', () => {
    const signup = form();
    signup.patchValue({
      organisationName: 'Acme',
      adminName: 'Ada Admin',
      adminEmail: 'ada@acme.test',
      password: 'correct horse',
    });
    expect(signup.valid).toBe(true);
  });

  it('rejects a slug with uppercase letters', () => {
    const signup = form();
    signup.controls.slug.setValue('Acme');
    expect(signup.controls.slug.hasError('pattern')).toBe(true);
  });

  it('rejects a short password and a malformed admin email', () => {
    const signup = form();
    signup.patchValue({ password: 'short', adminEmail: 'ada@' });
    expect(signup.controls.password.hasError('minlength')).toBe(true);
    expect(signup.controls.adminEmail.hasError('email')).toBe(true);
  });
});
