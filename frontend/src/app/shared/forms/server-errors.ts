import { WritableSignal } from '@angular/core';
import { AbstractControl, FormGroup } from '@angular/forms';
import { FieldError } from '../api/api-types';
import { Outcome } from '../api/outcome';

/**
 * Error key under which a server-side (422) error is stored on a control: the whole FieldError,
 * so that `app-field-error` can say it in the active language.
 */
export const SERVER_ERROR = 'server';

/**
 * Puts the 422 field errors of an API answer on the matching form controls and returns the ones
 * that matched no control (the page shows those in an alert).
 * `aliases` maps API field names to control paths when they differ (`adminEmail` → `email`).
 */
export function applyServerErrors(
  form: FormGroup,
  errors: readonly FieldError[],
  aliases: Readonly<Record<string, string>> = {},
): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const control = findControl(form, aliases[error.field] ?? error.field);
    if (!control) {
      unmatched.push(error);
      continue;
    }
    // Touched/dirty first: zorro recomputes the field status on the status change setErrors emits.
    control.markAsTouched();
    control.markAsDirty();
    control.setErrors({ ...control.errors, [SERVER_ERROR]: error });
  }
  return unmatched;
}

/** Marks every control dirty so that the form shows what is missing on submit. */
export function revealErrors(form: AbstractControl): void {
  form.markAllAsTouched();
  const walk = (control: AbstractControl): void => {
    control.markAsDirty();
    control.updateValueAndValidity({ onlySelf: true });
    const children = (control as FormGroup).controls;
    if (children) Object.values(children).forEach(walk);
  };
  walk(form);
}

/**
 * Submits a form the app's way: an invalid form only shows what is missing (and resolves to null);
 * otherwise `call` runs, and when it fails its 422 errors go onto the form and the messages that
 * matched no control into `unmatched`.
 */
export async function submitForm<T>(
  form: FormGroup,
  unmatched: WritableSignal<string[]>,
  call: () => Promise<Outcome<T>>,
): Promise<Outcome<T> | null> {
  if (form.invalid) {
    revealErrors(form);
    return null;
  }
  const outcome = await call();
  if (!outcome.ok) {
    unmatched.set(applyServerErrors(form, outcome.error.fieldErrors).map((e) => e.message));
  }
  return outcome;
}

function findControl(form: FormGroup, field: string): AbstractControl | null {
  // The API may name array entries `roleIds.0`: fall back to the array control itself.
  const direct = form.get(field);
  if (direct) return direct;
  const head = field.split('.')[0];
  return head ? form.get(head) : null;
}
