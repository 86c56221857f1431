import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Minimum password length checked in the browser (the API has the final word). */
export const PASSWORD_MIN_LENGTH = 10;

/** Fails with `mismatch` when the value differs from the sibling control `otherName`. */
export function sameAs(otherName: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const other = control.parent?.get(otherName);
    return other && control.value !== other.value ? { mismatch: true } : null;
  };
}
