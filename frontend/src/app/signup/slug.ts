import { Validators } from '@angular/forms';

/** Organisation slug: lowercase letters and digits, single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Length limits of a slug (as the backend enforces). */
export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 40;

/** Validators of an organisation slug field. */
export const slugValidators = [
  Validators.required,
  Validators.minLength(SLUG_MIN_LENGTH),
  Validators.maxLength(SLUG_MAX_LENGTH),
  Validators.pattern(SLUG_PATTERN),
];

/** Suggests a slug from an organisation name ("Café Öst GmbH" → "cafe-ost-gmbh"). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '');
}
