import { FormControl, FormGroup, Validators } from '@angular/forms';
import { applyServerErrors, SERVER_ERROR } from './server-errors';

function signupLikeForm(): FormGroup {
  return new FormGroup({
    email: new FormControl('taken@example.com', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    slug: new FormControl('acme', { nonNullable: true }),
    roleIds: new FormControl<string[]>([], { nonNullable: true }),
  });
}

describe('applyServerErrors', () => {
  it('puts the server error on the control named by the field', () => {
    const form = signupLikeForm();
    const error = { field: 'email', rule: 'unique', message: 'Email already used' };
    applyServerErrors(form, [error]);
    expect(form.get('email')?.errors).toEqual({ [SERVER_ERROR]: error });
    expect(form.get('email')?.touched).toBe(true);
    expect(form.invalid).toBe(true);
  });

  it('follows an alias when the API field name differs from the control name', () => {
    const form = signupLikeForm();
    applyServerErrors(form, [{ field: 'tenantSlug', rule: 'unique', message: 'Taken' }], {
      tenantSlug: 'slug',
    });
    expect(form.get('slug')?.errors?.[SERVER_ERROR].message).toBe('Taken');
  });

  it('maps an indexed array field onto the array control', () => {
    const form = signupLikeForm();
    applyServerErrors(form, [{ field: 'roleIds.1', rule: 'exists', message: 'Unknown role' }]);
    expect(form.get('roleIds')?.errors?.[SERVER_ERROR].message).toBe('Unknown role');
  });

  it('returns the errors that match no control', () => {
    const form = signupLikeForm();
    const rest = applyServerErrors(form, [
      { field: 'email', rule: 'email', message: 'Bad email' },
      { field: 'plan', rule: 'required', message: 'Plan required' },
    ]);
    expect(rest).toEqual([{ field: 'plan', rule: 'required', message: 'Plan required' }]);
  });

  it('clears the server error as soon as the user edits the field', () => {
    const form = signupLikeForm();
    applyServerErrors(form, [{ field: 'email', rule: 'unique', message: 'Email already used' }]);
    form.get('email')?.setValue('other@example.com');
    expect(form.get('email')?.errors).toBeNull();
  });
});
