import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { Callback, CallbackQuery } from './callbacks-api';

/** How far ahead a callback may be booked (the server refuses more). */
export const MAX_DAYS_AHEAD = 90;

/** Longest note the server accepts. */
export const NOTE_MAX = 2000;

/**
 * A due time must lie ahead and at most 90 days out: `{ future: true }` or `{ maxDaysAhead: { days } }`.
 * `now` is injectable so tests are exact.
 */
export function dueAtValidator(now: () => number = Date.now): ValidatorFn {
  return (control: AbstractControl<Date | null>): ValidationErrors | null => {
    const value = control.value;
    if (!value) return null;
    const at = value.getTime();
    if (at <= now()) return { future: true };
    if (at > now() + MAX_DAYS_AHEAD * 86_400_000) return { maxDaysAhead: { days: MAX_DAYS_AHEAD } };
    return null;
  };
}

/** The first suggested time of a new callback: the next quarter hour at least 15 minutes away. */
export function suggestedDueAt(now: Date): Date {
  const at = new Date(now.getTime() + 15 * 60_000);
  const minutes = Math.ceil(at.getMinutes() / 15) * 15;
  at.setMinutes(minutes, 0, 0);
  return at;
}

/** Whether a callback is still to happen (scheduled, or waiting in its queue). */
export function isOpen(callback: Callback): boolean {
  return callback.status === 'scheduled' || callback.status === 'queued';
}

/** Whether a callback belongs in the list that was loaded with `query`. */
export function matchesQuery(callback: Callback, query: CallbackQuery): boolean {
  if (query.status === 'open' && !isOpen(callback)) return false;
  if (query.status && query.status !== 'open' && callback.status !== query.status) return false;
  const due = new Date(callback.dueAt);
  if (query.from && due < query.from) return false;
  if (query.to && due >= query.to) return false;
  return true;
}

/** Callbacks by due time, then id. */
export function byDueAt(list: readonly Callback[]): Callback[] {
  return [...list].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}
