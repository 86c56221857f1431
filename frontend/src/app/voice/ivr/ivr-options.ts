import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { IvrDigit, IvrOption, IvrTarget } from '../voice-api';

/** Keys of a phone keypad, in keypad order. */
export const IVR_DIGITS: readonly IvrDigit[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '0',
  '*',
  '#',
];

/** Limits the API puts on a menu. */
export const IVR_LIMITS = { timeoutMin: 3, timeoutMax: 30, retriesMin: 0, retriesMax: 5 };

/** An option target as one select value: `queue:<id>` or `menu:<id>`. */
export type TargetKey = `queue:${string}` | `menu:${string}`;

/** Encodes a target as the value of the target select. */
export function targetKey(target: IvrTarget): TargetKey {
  return target.type === 'queue' ? `queue:${target.queueId}` : `menu:${target.ivrMenuId}`;
}

/** Decodes a target select value; null for an empty or unknown one. */
export function parseTargetKey(key: string | null | undefined): IvrTarget | null {
  if (!key) return null;
  const [type, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (!id) return null;
  if (type === 'queue') return { type: 'queue', queueId: id };
  if (type === 'menu') return { type: 'menu', ivrMenuId: id };
  return null;
}

/** Digits used by more than one option. */
export function duplicateDigits(digits: readonly (string | null)[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const digit of digits) {
    if (!digit) continue;
    if (seen.has(digit)) twice.add(digit);
    seen.add(digit);
  }
  return twice;
}

/** The first keypad key no option uses yet, or null when all twelve are taken. */
export function nextFreeDigit(used: readonly (string | null)[]): IvrDigit | null {
  return IVR_DIGITS.find((digit) => !used.includes(digit)) ?? null;
}

/** Options sorted in keypad order, as callers hear them. */
export function inKeypadOrder(options: readonly IvrOption[]): IvrOption[] {
  return [...options].sort((a, b) => IVR_DIGITS.indexOf(a.digit) - IVR_DIGITS.indexOf(b.digit));
}

/** Validator of the options array: `{ duplicateDigit: { digits } }` when a key is used twice. */
export const uniqueDigits: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const rows = (control as AbstractControl & { controls?: AbstractControl[] }).controls ?? [];
  const twice = duplicateDigits(rows.map((row) => row.get('digit')?.value as string | null));
  return twice.size ? { duplicateDigit: { digits: [...twice].join(', ') } } : null;
};

/** True when choosing `target` for an option of menu `menuId` would send callers back into it. */
export function isSelfTarget(target: IvrTarget | null, menuId: string | null): boolean {
  return !!menuId && target?.type === 'menu' && target.ivrMenuId === menuId;
}
