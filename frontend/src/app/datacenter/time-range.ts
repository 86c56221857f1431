import { RangePreset } from './datacenter-models';

/** Presets the filter bar offers, in its order. */
export const RANGE_PRESETS: readonly RangePreset[] = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'this_month',
  'last_month',
];

/** A calendar date `YYYY-MM-DD` (a day of the organisation, not an instant). */
export type CalendarDate = string;

/** Whole days [fromDate, toDate] (both included) and the instants [from, to) they span. */
export interface ResolvedRange {
  readonly fromDate: CalendarDate;
  readonly toDate: CalendarDate;
  readonly from: string;
  readonly to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a well-formed calendar date. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return (
    typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  );
}

/** The calendar date of an instant in a time zone. */
export function dateIn(at: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar date moved by whole days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** How far a time zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar date begins in a time zone (DST-aware). */
export function startOfDay(date: CalendarDate, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

/** The days a preset covers on the calendar of `today`. */
export function presetDates(
  preset: RangePreset,
  today: CalendarDate,
): [CalendarDate, CalendarDate] {
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'last_7_days':
      return [addDays(today, -6), today];
    case 'last_30_days':
      return [addDays(today, -29), today];
    case 'this_month':
      return [firstOfMonth, today];
    case 'last_month': {
      const lastDay = addDays(firstOfMonth, -1);
      return [`${lastDay.slice(0, 8)}01`, lastDay];
    }
  }
}

/** Whole days as the instants [start of the first day, start of the day after the last) in a time zone. */
export function resolveDates(
  fromDate: CalendarDate,
  toDate: CalendarDate,
  timeZone: string,
): ResolvedRange {
  const [first, last] = fromDate <= toDate ? [fromDate, toDate] : [toDate, fromDate];
  return {
    fromDate: first,
    toDate: last,
    from: startOfDay(first, timeZone).toISOString(),
    to: startOfDay(addDays(last, 1), timeZone).toISOString(),
  };
}

/** A preset resolved at `now` in the organisation's time zone. */
export function resolvePreset(preset: RangePreset, now: Date, timeZone: string): ResolvedRange {
  const [fromDate, toDate] = presetDates(preset, dateIn(now, timeZone));
  return resolveDates(fromDate, toDate, timeZone);
}

/** Number of calendar days in a resolved range. */
export function daysIn(range: ResolvedRange): number {
  return Math.round((Date.parse(range.toDate) - Date.parse(range.fromDate)) / 86_400_000) + 1;
}
