import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Locale } from '../../shared/api/models';
import { PASSWORD_MIN_LENGTH } from '../../shared/forms/validators';
import { slugify, slugValidators } from '../slug';

/** Form of the "create your organisation" page. */
export function createSignupForm(defaults: { timeZone: string; locale: Locale }) {
  return new FormGroup({
    organisationName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    slug: new FormControl('', { nonNullable: true, validators: slugValidators }),
    timeZone: new FormControl(defaults.timeZone, {
      nonNullable: true,
      validators: [Validators.required],
    }),
    locale: new FormControl<Locale>(defaults.locale, {
      nonNullable: true,
      validators: [Validators.required],
    }),
    adminName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    adminEmail: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    }),
  });
}

/** The typed signup form group. */
export type SignupForm = ReturnType<typeof createSignupForm>;

/**
 * Keeps the slug following the organisation name until the user types a slug of their own
 * (clearing the slug hands it back to the suggestion). The subscriptions live as long as the form.
 */
export function suggestSlugFromName(form: SignupForm): void {
  const { organisationName, slug } = form.controls;
  let suggested = slug.value === '' || slug.value === slugify(organisationName.value);
  slug.valueChanges.subscribe((value) => {
    suggested = value === '' || value === slugify(organisationName.value);
  });
  organisationName.valueChanges.subscribe((name) => {
    if (suggested) slug.setValue(slugify(name));
  });
}
